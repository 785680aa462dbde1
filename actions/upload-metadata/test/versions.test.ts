import { appStoreFixture, makeApps, type Seed } from '@asc-actions/asc-emulator';
import { editableVersionId, harness, planOf, storedLocalization, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';

const APP = '1700000001';
let h: Harness;
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

const seed = (options: Parameters<typeof appStoreFixture>[1]): Seed => ({
  apps: makeApps(1),
  appStore: [appStoreFixture(APP, options)],
});
const withoutIds = (line: string): string => line.replace(/\/[0-9a-f-]{36}/g, '/:id');

test('create-version: creates the version, then plans against what App Store Connect filled in', async () => {
  h = await harness(seed({ locales: 2, state: 'READY_FOR_DISTRIBUTION', versionString: '1.1' }));
  const metadata = tree({ 'en-US/release_notes.txt': 'New: tags.', 'en-US/description.txt': 'Description v2 (en-US)' });
  const dry = await h.run({
    app: 'com.example.app0001',
    'metadata-path': metadata,
    version: '1.2',
    'create-version': 'true',
    'dry-run': 'true',
  });
  expect(dry.exitCode).toBe(0);
  expect(h.writes()).toEqual([]);
  expect(planOf(dry).changes.map((c) => `${c.locale ?? ''} ${c.field} ${c.before} → ${c.after}`)).toEqual([
    ' version null → 1.2',
    'en-US description Description v1 (en-US) → Description v2 (en-US)',
    'en-US release_notes null → New: tags.',
  ]);

  const result = await h.run({
    app: 'com.example.app0001',
    'metadata-path': metadata,
    version: '1.2',
    'create-version': 'true',
  });
  expect(result.errors).toEqual([]);
  expect(h.writes().map(withoutIds)).toEqual([
    'POST /v1/appStoreVersions',
    'PATCH /v1/appStoreVersionLocalizations/:id',
  ]);
  const version = editableVersionId(h.emulator, APP);
  expect(h.emulator.state.get('appStoreVersions', version)!.attributes.versionString).toBe('1.2');
  expect(storedLocalization(h.emulator, 'appStoreVersionLocalizations', version, 'en-US')).toMatchObject({
    description: 'Description v2 (en-US)',
    whatsNew: 'New: tags.',
  });
  expect(storedLocalization(h.emulator, 'appStoreVersionLocalizations', version, 'ar-SA')).toMatchObject({
    description: 'Description v1 (ar-SA)',
  });
  expect(planOf(result).result).toMatchObject({ applied: 2, failed: [] });

  const again = await h.run({
    app: 'com.example.app0001',
    'metadata-path': metadata,
    version: '1.2.0',
    'create-version': 'true',
  });
  expect(again.exitCode).toBe(0);
  expect(h.writes()).toHaveLength(2);
});

test('create-version with an editable version of another number renames it; without it, a clear error', async () => {
  h = await harness(seed({ locales: 1 }));
  const metadata = tree({ 'copyright.txt': '2026 Example' });
  const refused = await h.run({ app: APP, 'metadata-path': metadata, version: '1.3' });
  expect(refused.exitCode).toBe(1);
  expect(refused.errors).toEqual([
    expect.stringMatching(/no IOS version 1\.3\. The editable IOS version is 1\.1\. Set "create-version: true"/),
  ]);
  const renamed = await h.run({ app: APP, 'metadata-path': metadata, version: '1.3', 'create-version': 'true' });
  expect(renamed.errors).toEqual([]);
  const version = editableVersionId(h.emulator, APP);
  expect(h.writes()).toEqual([`PATCH /v1/appStoreVersions/${version}`]);
  expect(h.emulator.requests.find((r) => r.method === 'PATCH')?.requestBody).toEqual({
    data: { type: 'appStoreVersions', id: version, attributes: { copyright: '2026 Example', versionString: '1.3' } },
  });
  expect(h.emulator.state.get('appStoreVersions', version)!.attributes).toMatchObject({
    versionString: '1.3',
    copyright: '2026 Example',
  });
});

test('edit-live changes promotional text on the live version and skips what a live version cannot take', async () => {
  h = await harness(seed({ locales: 2, state: 'READY_FOR_DISTRIBUTION' }));
  const metadata = tree({
    'en-US/promotional_text.txt': 'Half price this week',
    'en-US/description.txt': 'Not now',
    'copyright.txt': '2027',
  });
  const result = await h.run({ app: APP, 'metadata-path': metadata, 'edit-live': 'true' });
  expect(result.errors).toEqual([]);
  expect(h.writes().map(withoutIds)).toEqual(['PATCH /v1/appStoreVersionLocalizations/:id']);
  const live = h.emulator.state.all('appStoreVersions').find((v) => v.attributes.versionString === '1.1')!;
  expect(storedLocalization(h.emulator, 'appStoreVersionLocalizations', live.id, 'en-US')).toMatchObject({
    promotionalText: 'Half price this week',
    description: 'Description v1 (en-US)',
  });
  const codes = planOf(result).findings.map((f) => `${f.code} ${f.file?.replace(/^.*asc-tree-[^/]+\//, '') ?? ''}`);
  expect(codes).toEqual(
    expect.arrayContaining(['live-not-editable copyright.txt', 'live-not-editable en-US/description.txt']),
  );
  expect(result.stdout).toMatch(
    /::warning file=.*en-US\/description\.txt,line=1::en-US: the description of a live version cannot change/,
  );
});

test("a first version takes no what's new: it is reported and not sent", async () => {
  h = await harness(seed({ locales: 1, withLiveVersion: false }));
  const metadata = tree({ 'en-US/release_notes.txt': 'Hello world', 'en-US/keywords.txt': 'alpha,beta,gamma' });
  const result = await h.run({ app: APP, 'metadata-path': metadata });
  expect(result.errors).toEqual([]);
  const body = h.emulator.requests.find((r) => r.method === 'PATCH')?.requestBody as {
    data: { attributes: Record<string, unknown> };
  };
  expect(body.data.attributes).toEqual({ keywords: 'alpha,beta,gamma' });
  expect(planOf(result).findings.filter((f) => f.code === 'first-version-whats-new')).toHaveLength(1);
});

test("categories in both spellings: checked against Apple's list, then one PATCH of the app info", async () => {
  h = await harness(seed({ locales: 1 }));
  const metadata = tree({
    'primary_category.txt': 'MZGenre.Games',
    'primary_first_sub_category.txt': 'MZGenre.Games.Puzzle',
    'secondary_category.txt': 'utilities',
  });
  const result = await h.run({ app: APP, 'metadata-path': metadata });
  expect(result.errors).toEqual([]);
  expect(h.emulator.transcript()).toContain(
    'GET /v1/appCategories?limit=200&exists[parent]=false&include=subcategories&limit[subcategories]=50&filter[platforms]=IOS',
  );
  expect(h.writes().map(withoutIds)).toEqual(['PATCH /v1/appInfos/:id']);
  const info = h.emulator.state.all('appInfos').find((i) => h.emulator.state.relatedId(i, 'app') === APP)!;
  expect(info.relationships).toMatchObject({
    primaryCategory: { id: 'GAMES' },
    primarySubcategoryOne: { id: 'GAMES_PUZZLE' },
    secondaryCategory: { id: 'UTILITIES' },
  });
  expect(
    planOf(result)
      .findings.filter((f) => f.code === 'legacy-category')
      .map((f) => f.message),
  ).toEqual([
    expect.stringContaining('"MZGenre.Games" is fastlane\'s old iTunes Connect spelling; use GAMES.'),
    expect.stringContaining('use GAMES_PUZZLE'),
  ]);
  const again = await h.run({ app: APP, 'metadata-path': metadata });
  expect(again.exitCode).toBe(0);
  expect(h.writes()).toHaveLength(1);
});

test('one YAML file, and a metadata/ios layout, give the same plan as the folder', async () => {
  h = await harness(seed({ locales: 2 }));
  const yaml = tree({
    'metadata.yml': [
      'copyright: 2026 Example',
      'locales:',
      '  default:',
      '    support_url: https://example.com/help',
      '  en-US:',
      '    subtitle: New subtitle',
      '    whatsNew: |',
      '      Line one',
      '      Line two',
      '',
    ].join('\n'),
  });
  const folder = tree({
    'metadata/ios/copyright.txt': '2026 Example',
    'metadata/ios/default/support_url.txt': 'https://example.com/help',
    'metadata/ios/en-US/subtitle.txt': 'New subtitle',
    'metadata/ios/en-US/release_notes.txt': 'Line one\nLine two\n',
    'metadata/macos/en-US/subtitle.txt': 'A Mac subtitle',
  });
  const fromFile = planOf(await h.run({ app: APP, 'metadata-file': `${yaml}/metadata.yml`, 'dry-run': 'true' }));
  const fromFolder = planOf(await h.run({ app: APP, 'metadata-path': `${folder}/metadata`, 'dry-run': 'true' }));
  const view = (p: typeof fromFile) => p.changes.map((c) => `${c.locale ?? ''} ${c.field} → ${c.after}`);
  expect(view(fromFile)).toEqual(view(fromFolder));
  expect(view(fromFile)).toEqual([
    ' copyright → 2026 Example',
    'en-US subtitle → New subtitle',
    'en-US release_notes → Line one\nLine two',
    'en-US support_url → https://example.com/help',
  ]);
  expect(fromFolder.findings.map((f) => f.code)).toContain('platform-folder');
});
