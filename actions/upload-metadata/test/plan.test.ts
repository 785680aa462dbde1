import { checkCategories } from '../src/plan/category-check.js';
import { lintKeywords } from '../src/plan/keywords.js';
import { changesOf, type Change } from '../src/model/plan.js';
import { makePlan } from '../src/plan/plan.js';
import { validateSource } from '../src/plan/validate.js';
import type { RemoteState, RemoteVersion } from '../src/model/remote.js';
import { chooseTarget, sameVersion } from '../src/plan/target.js';
import { shown } from '../src/report/display.js';
import { emptySource, type MetadataSource, type SourceValue } from '../src/model/source.js';

const v = (value: string | null, file = 'x.txt', line = 1): SourceValue => ({ value, file, line });

function remote(overrides: Partial<RemoteState> = {}): RemoteState {
  const version: RemoteVersion = {
    id: 'v2',
    versionString: '1.1',
    state: 'PREPARE_FOR_SUBMISSION',
    copyright: '2025',
    localizations: [{ id: 'vl-en', locale: 'en-US', attributes: { description: 'Old', keywords: 'a,b' } }],
    reviewDetail: { id: 'rd', attributes: { contactFirstName: 'Sam', demoAccountRequired: false } },
  };
  return {
    app: { id: '1', bundleId: 'com.example', name: 'Example', primaryLocale: 'en-US' },
    appInfos: [
      {
        id: 'ai',
        state: 'PREPARE_FOR_SUBMISSION',
        categories: { primaryCategory: 'PRODUCTIVITY' },
        localizations: [{ id: 'il-en', locale: 'en-US', attributes: { name: 'Example' } }],
      },
    ],
    versions: [
      { id: 'v1', versionString: '1.0', state: 'READY_FOR_DISTRIBUTION' },
      { id: 'v2', versionString: '1.1', state: 'PREPARE_FOR_SUBMISSION' },
    ],
    candidates: [version],
    ...overrides,
  };
}

function source(build: (s: MetadataSource) => void): MetadataSource {
  const s = emptySource('folder', 'metadata');
  build(s);
  return s;
}

const plan = (s: MetadataSource, r = remote(), settings = {}) =>
  makePlan({
    source: s,
    remote: r,
    target: chooseTarget(r, { platform: 'IOS', createVersion: false, editLive: false, ...settings }),
    platform: 'IOS',
  });

test('only differences become steps, each carrying only its changed attributes', () => {
  const p = plan(
    source((s) => {
      s.locales.set('en-US', {
        name: v('Example'),
        description: v('New'),
        keywords: v('a,b'),
        release_notes: v('Fixes'),
      });
      s.global.copyright = v('2025');
    }),
  );
  expect(p.steps.map((s) => [s.kind, s.resourceId, s.attributes])).toEqual([
    ['update-version-localization', 'vl-en', { description: 'New', whatsNew: 'Fixes' }],
  ]);
});

test('a new locale gets both localizations; default/ fills it; a missing name is an error', () => {
  const withName = plan(
    source((s) => {
      s.defaults = { support_url: v('https://example.com') };
      s.locales.set('fr-FR', { name: v('Exemple') });
    }),
  );
  expect(withName.steps.map((s) => [s.kind, s.attributes])).toEqual([
    ['create-app-info-localization', { locale: 'fr-FR', name: 'Exemple' }],
    ['create-version-localization', { locale: 'fr-FR', supportUrl: 'https://example.com' }],
  ]);
  expect(withName.createdLocales).toEqual(['fr-FR']);
  const without = plan(source((s) => s.locales.set('it', { description: v('Ciao') })));
  expect(without.findings.filter((f) => f.level === 'error').map((f) => f.code)).toEqual(['new-locale-needs-name']);
});

test('with only default/, every locale App Store Connect has is filled', () => {
  const p = plan(source((s) => (s.defaults = { release_notes: v('Bug fixes') })));
  expect(p.steps.map((s) => [s.kind, s.locale, s.attributes])).toEqual([
    ['update-version-localization', 'en-US', { whatsNew: 'Bug fixes' }],
  ]);
});

test('a locales filter limits what default/ fills when the repository has no locale folders', () => {
  const r = remote();
  r.candidates[0]!.localizations.push({ id: 'vl-de', locale: 'de-DE', attributes: {} });
  const p = plan(
    source((s) => {
      s.defaults = { release_notes: v('Bug fixes') };
      s.hadLocales = false;
      s.localeFilter = ['de-DE'];
    }),
    r,
  );
  expect(p.steps.map((s) => s.locale)).toEqual(['de-DE']);
});

test('clearing: null is sent for a set field, nothing for an unset one', () => {
  const p = plan(source((s) => s.locales.set('en-US', { description: v(null), marketing_url: v(null) })));
  expect(p.steps.map((s) => s.attributes)).toEqual([{ description: null }]);
});

test('App Review: a demo account makes demoAccountRequired true; values are marked secret', () => {
  const p = plan(source((s) => (s.review = { demo_user: v('demo'), demo_password: v('pw'), first_name: v('Sam') })));
  expect(p.steps).toEqual([
    expect.objectContaining({
      kind: 'update-review-detail',
      resourceId: 'rd',
      attributes: { demoAccountName: 'demo', demoAccountPassword: 'pw', demoAccountRequired: true },
    }),
  ]);
  expect(
    changesOf(p)
      .filter((c) => c.field !== 'review.demo_account_required')
      .every((c) => c.secret),
  ).toBe(true);
  expect(changesOf(p).find((c) => c.field === 'review.demo_account_required')).toMatchObject({
    before: 'false',
    after: 'true',
  });
});

test('the app info outside an editable state refuses name changes, unless the version is being created', () => {
  const r = remote({ appInfos: [{ ...remote().appInfos[0]!, state: 'READY_FOR_DISTRIBUTION' }] });
  const p = plan(
    source((s) => s.locales.set('en-US', { name: v('Renamed') })),
    r,
  );
  expect(p.findings.map((f) => `${f.level} ${f.code}`)).toContain('error not-editable');
});

test('validation: limits in code points and the line where they are crossed, URLs, one-line fields', () => {
  const findings = validateSource(
    source((s) => {
      s.locales.set('en-US', {
        name: v('😀'.repeat(30)),
        subtitle: v('😀'.repeat(31)),
        description: v(`${'a'.repeat(3999)}\nbb\nc`, 'd.txt', 1),
        support_url: v('mailto:help@example.com'),
        keywords: v('ключ,'.repeat(20).slice(0, 99)),
      });
    }),
  );
  expect(findings.map((f) => `${f.level} ${f.code} ${f.field} ${f.line}`)).toEqual([
    'error too-long subtitle 1',
    'error too-long description 2',
    'warning keywords-bytes keywords 1',
    'error bad-url support_url 1',
  ]);
});

test.each([
  ['notes,sync,notes', 'Notes', undefined, ['keywords-duplicate', 'keywords-in-name', 'keywords-unused']],
  ['notes, sync', 'App', 'Sync everything', ['keywords-in-name', 'keywords-space', 'keywords-unused']],
  ['a'.repeat(95), 'App', undefined, []],
])('keyword lint: %s', (keywords, name, subtitle, codes) => {
  expect(lintKeywords(v(keywords), 'en-US', name, subtitle).map((f) => f.code)).toEqual(codes);
});

test('categories are checked against the catalog', () => {
  const catalog = new Map<string, string | undefined>([
    ['GAMES', undefined],
    ['GAMES_PUZZLE', 'GAMES'],
    ['PRODUCTIVITY', undefined],
    ['UTILITIES', undefined],
  ]);
  const step = (attributes: Record<string, string>) => ({
    id: 'update-categories:',
    kind: 'update-categories' as const,
    attributes,
    changes: Object.entries(attributes).map(([attribute, after]): Change => ({
      resource: 'appInfo',
      field:
        attribute === 'primaryCategory'
          ? 'primary_category'
          : attribute === 'secondaryCategory'
            ? 'secondary_category'
            : 'primary_first_sub_category',
      label: attribute,
      attribute,
      after,
      file: 'c.txt',
      line: 1,
    })),
  });
  const info = remote().appInfos[0];
  expect(
    checkCategories(step({ primaryCategory: 'GAMES', primarySubcategoryOne: 'GAMES_PUZZLE' }), info, catalog),
  ).toEqual([]);
  expect(checkCategories(step({ primarySubcategoryOne: 'GAMES_PUZZLE' }), info, catalog).map((f) => f.code)).toEqual([
    'bad-subcategory',
  ]);
  expect(checkCategories(step({ primaryCategory: 'GAMES_PUZZLE' }), info, catalog).map((f) => f.code)).toEqual([
    'bad-subcategory',
  ]);
  expect(checkCategories(step({ secondaryCategory: 'PRODUCTIVITY' }), info, catalog).map((f) => f.code)).toEqual([
    'same-category',
  ]);
  expect(checkCategories(step({ secondaryCategory: 'WEATHERS' }), info, catalog).map((f) => f.code)).toEqual([
    'unknown-category',
  ]);
});

test('choosing the version: 1.2 is 1.2.0; a released version is refused; create and rename', () => {
  expect(sameVersion('1.2', '1.2.0')).toBe(true);
  expect(sameVersion('1.2', '1.20')).toBe(false);
  const r = remote();
  expect(
    chooseTarget(r, { platform: 'IOS', version: '1.1.0', createVersion: false, editLive: false }).version.kind,
  ).toBe('existing');
  expect(() => chooseTarget(r, { platform: 'IOS', version: '1.0', createVersion: true, editLive: false })).toThrow(
    /READY_FOR_DISTRIBUTION/,
  );
  expect(
    chooseTarget(r, { platform: 'IOS', version: '1.2', createVersion: true, editLive: false }).version,
  ).toMatchObject({ kind: 'rename', to: '1.2' });
  const released = remote({ candidates: [] });
  expect(
    chooseTarget(released, { platform: 'IOS', version: '2.0', createVersion: true, editLive: false }),
  ).toMatchObject({ version: { kind: 'create', versionString: '2.0' }, firstVersion: false, appInfoEditable: true });
  expect(() => chooseTarget(released, { platform: 'IOS', createVersion: false, editLive: false })).toThrow(
    /no editable IOS version/,
  );
});

test('long values are shown around their first difference; secrets never', () => {
  const base = 'A long description that stays the same for quite a while, then ';
  const change: Change = {
    resource: 'versionLocalization',
    field: 'description',
    label: 'description',
    attribute: 'description',
    before: `${base}ends one way.`,
    after: `${base}ends another way.`,
  };
  expect(shown(change, 'after', 40)).toBe('…, then ends another way.');
  expect(shown({ ...change, secret: true }, 'after')).toBe('(hidden)');
  expect(shown({ ...change, after: null }, 'after')).toBe('(cleared)');
});
