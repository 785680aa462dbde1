/**
 * Where real fastlane trees met Apple's semantics (issue 12), through the bundle as the runner
 * runs it (INPUT_* variables, runner files) against the emulator: category changes take their
 * subcategories along, stray files are warnings, blank demo files turn sign-in off, the version's
 * own PATCH goes first.
 */
import { parsePrivateKey, TokenSource } from '@asc-actions/core';
import { appStoreFixture, makeApps, type Emulator, type Seed } from '@asc-actions/asc-emulator';
import type { RunResult } from '../../../test-support/runner.js';
import { harness, planOf, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';

const APP = '1700000001';
let h: Harness;
let emulator: Emulator;

async function start(seed: Seed): Promise<void> {
  h = await harness(seed, { realClock: true });
  emulator = h.emulator;
}
afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  await h.close();
});

function seed(change: (store: ReturnType<typeof appStoreFixture>) => void): Seed {
  const store = appStoreFixture(APP, { locales: 2 });
  change(store);
  return { apps: makeApps(1), appStore: [store] };
}

function bundle(workspace: string, extra: Record<string, string>): Promise<RunResult> {
  return h.runBundle({ app: APP, 'metadata-path': 'metadata', ...extra }, { env: { GITHUB_WORKSPACE: workspace } });
}

const writes = () => emulator.transcript().filter((l) => !l.startsWith('GET '));
const categories = () => {
  const info = emulator.state.all('appInfos')[0]!;
  return Object.fromEntries(
    ['primaryCategory', 'primarySubcategoryOne', 'primarySubcategoryTwo', 'secondaryCategory'].map((n) => [
      n,
      emulator.state.relatedId(info, n) ?? null,
    ]),
  );
};

test('a category change clears the old subcategories (planned, then applied with data: null); <clear> clears a category', async () => {
  await start(
    seed(
      (s) =>
        (s.appInfos![0]!.categories = {
          primaryCategory: 'GAMES',
          primarySubcategoryOne: 'GAMES_PUZZLE',
          primarySubcategoryTwo: 'GAMES_BOARD',
          secondaryCategory: 'UTILITIES',
        }),
    ),
  );
  const workspace = tree({
    'metadata/primary_category.txt': 'PRODUCTIVITY\n',
    // deliver download_metadata writes newline-only files for subcategories that are not set.
    'metadata/primary_first_sub_category.txt': '\n',
    'metadata/secondary_category.txt': '<clear>\n',
  });
  const planned = await bundle(workspace, { 'dry-run': 'true' });
  expect(planned.errors).toEqual([]);
  expect(planned.exitCode).toBe(0);
  expect(writes()).toEqual([]);
  const changes = planOf(planned).changes.map((c) => [c.field, c.before, c.after]);
  expect(changes).toEqual([
    ['primary_category', 'GAMES', 'PRODUCTIVITY'],
    ['primary_first_sub_category', 'GAMES_PUZZLE', null],
    ['primary_second_sub_category', 'GAMES_BOARD', null],
    ['secondary_category', 'UTILITIES', null],
  ]);
  expect(planned.summary).toContain('(cleared)');

  const applied = await bundle(workspace, {});
  expect(applied.errors).toEqual([]);
  expect(applied.exitCode).toBe(0);
  expect(categories()).toEqual({
    primaryCategory: 'PRODUCTIVITY',
    primarySubcategoryOne: null,
    primarySubcategoryTwo: null,
    secondaryCategory: null,
  });
  expect(writes().filter((l) => l.startsWith('PATCH /v1/appInfos/'))).toHaveLength(1);

  const before = writes().length;
  const again = await bundle(workspace, {});
  expect(again.exitCode).toBe(0);
  expect(writes().length).toBe(before);
}, 120_000);

test('the emulator refuses a category change that leaves a subcategory under the wrong category', async () => {
  await start(
    seed((s) => (s.appInfos![0]!.categories = { primaryCategory: 'GAMES', primarySubcategoryOne: 'GAMES_PUZZLE' })),
  );
  const info = emulator.state.all('appInfos')[0]!;
  const token = await emulatorToken();
  const patch = (relationships: Record<string, unknown>) =>
    fetch(`${emulator.baseUrl}/v1/appInfos/${info.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { type: 'appInfos', id: info.id, relationships } }),
    });
  const stale = await patch({ primaryCategory: { data: { type: 'appCategories', id: 'UTILITIES' } } });
  expect(stale.status).toBe(409);
  expect(JSON.stringify(await stale.json())).toContain("'GAMES_PUZZLE' is not a subcategory of 'UTILITIES'");
  const cleared = await patch({
    primaryCategory: { data: { type: 'appCategories', id: 'UTILITIES' } },
    primarySubcategoryOne: { data: null },
  });
  expect(cleared.status).toBe(200);
  expect(categories()).toMatchObject({ primaryCategory: 'UTILITIES', primarySubcategoryOne: null });
}, 120_000);

function emulatorToken(): Promise<string> {
  return new TokenSource({
    key: parsePrivateKey(h.key.privatePem),
    keyId: h.key.keyId,
    issuerId: h.key.issuerId,
  }).getToken();
}

test('a stray .txt in every locale is a warning naming the file; the run applies; fail-on-warnings refuses it with zero writes', async () => {
  await start(seed(() => undefined));
  const workspace = tree({
    'metadata/en-US/description.txt': 'Description v2 (en-US)',
    'metadata/en-US/screenshots_text.txt': 'Title\tSubtitle',
    'metadata/ar-SA/description.txt': 'Description v2 (ar-SA)',
    'metadata/ar-SA/screenshots_text.txt': 'Titel',
    'metadata/ar-SA/keyword.txt': 'a,b',
  });
  const strict = await bundle(workspace, { 'fail-on-warnings': 'true' });
  expect(strict.exitCode).toBe(1);
  expect(strict.errors).toHaveLength(1);
  expect(writes()).toEqual([]);

  const result = await bundle(workspace, {});
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(
    /^::warning file=metadata\/ar-SA\/keyword\.txt,line=1::metadata\/ar-SA\/keyword\.txt: "keyword\.txt" is not a field upload-metadata knows; it was ignored\. Did you mean keywords\.txt\?$/m,
  );
  expect(result.stdout).toContain(
    'metadata/en-US/screenshots_text.txt: "screenshots_text.txt" is not a field upload-metadata knows; it was ignored. Field files here are name.txt',
  );
  expect(Number(result.outputs.warnings)).toBeGreaterThanOrEqual(3);
  expect(writes().filter((l) => l.startsWith('PATCH /v1/appStoreVersionLocalizations/'))).toHaveLength(2);
}, 120_000);

test('checks are scoped to the locales selected by `locales:`', async () => {
  await start(seed(() => undefined));
  const workspace = tree({
    'metadata/en-US/description.txt': 'Description v2 (en-US)',
    'metadata/ar-SA/name.txt': 'A name far longer than the thirty characters Apple allows',
    'metadata/zz-ZZ/name.txt': 'not a locale',
  });
  const result = await bundle(workspace, { locales: 'en-US' });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(planOf(result).findings.map((f) => f.code)).not.toEqual(expect.arrayContaining(['too-long']));
  expect(planOf(result).findings.map((f) => f.code)).not.toEqual(expect.arrayContaining(['unknown-locale']));
  expect(planOf(result).changes.map((c) => c.locale)).toEqual(['en-US']);
}, 120_000);

test('blank demo account files turn "sign-in required" off, as deliver does; missing ones change nothing', async () => {
  await start(
    seed(
      (s) =>
        (s.versions!.at(-1)!.reviewDetail = {
          contactEmail: 'review@example.com',
          demoAccountName: 'old-user',
          demoAccountPassword: 'old-secret',
          demoAccountRequired: true,
        }),
    ),
  );
  const detail = () => emulator.state.all('appStoreReviewDetails')[0]!.attributes;
  const missing = await bundle(
    tree({
      'metadata/en-US/description.txt': 'Description v1 (en-US)',
      'metadata/review_information/notes.txt': 'Thanks.',
    }),
    {},
  );
  expect(missing.exitCode).toBe(0);
  expect(detail().demoAccountRequired).toBe(true);

  const workspace = tree({
    'metadata/review_information/demo_user.txt': '',
    'metadata/review_information/demo_password.txt': '\n',
  });
  const result = await bundle(workspace, {});
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(detail().demoAccountRequired).toBe(false);
  expect(planOf(result).changes.map((c) => [c.field, c.before, c.after])).toEqual([
    ['review.demo_account_required', 'true', 'false'],
  ]);
  const before = writes().length;
  expect((await bundle(workspace, {})).exitCode).toBe(0);
  expect(writes().length).toBe(before);
}, 120_000);

test('the version PATCH (copyright) lands before the localization writes start', async () => {
  await start(seed(() => undefined));
  emulator.faults.add({
    kind: 'latency',
    latencyMs: 150,
    method: 'PATCH',
    path: /^\/v1\/appStoreVersions\/[^/]+$/,
    times: Infinity,
  });
  const workspace = tree({
    'metadata/copyright.txt': '2026 Example',
    'metadata/en-US/description.txt': 'Description v2 (en-US)',
    'metadata/ar-SA/description.txt': 'Description v2 (ar-SA)',
  });
  const result = await bundle(workspace, {});
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(writes()[0]).toMatch(/^PATCH \/v1\/appStoreVersions\/[^/]+$/);
  expect(writes()).toHaveLength(3);
}, 120_000);

test("age rating: deliver's JSON (new keys, old iTunes Connect keys) is planned, written to the editable app info's declaration and read back; a rerun writes nothing", async () => {
  await start(
    seed((s) => (s.appInfos![0]!.ageRating = { violenceCartoonOrFantasy: 'INFREQUENT_OR_MILD', gambling: false })),
  );
  const workspace = tree({
    'metadata/en-US/description.txt': 'Description v1 (en-US)',
    'rating.json': JSON.stringify(
      {
        violenceCartoonOrFantasy: 'NONE',
        CARTOON_FANTASY_VIOLENCE: undefined,
        MATURE_SUGGESTIVE: 1,
        messagingAndChat: true,
        ageAssurance: false,
        gunsOrOtherWeapons: 'INFREQUENT',
        gambling: false,
        ageRatingOverrideV2: 'THIRTEEN_PLUS',
      },
      null,
      2,
    ),
  });
  const planned = await bundle(workspace, { 'age-rating-file': 'rating.json', 'dry-run': 'true' });
  expect(planned.errors).toEqual([]);
  expect(planOf(planned).changes.map((c) => [c.field, c.before, c.after])).toEqual([
    ['age_rating.violenceCartoonOrFantasy', 'INFREQUENT_OR_MILD', 'NONE'],
    ['age_rating.matureOrSuggestiveThemes', null, 'INFREQUENT_OR_MILD'],
    ['age_rating.messagingAndChat', null, 'true'],
    ['age_rating.ageAssurance', null, 'false'],
    ['age_rating.gunsOrOtherWeapons', null, 'INFREQUENT'],
    ['age_rating.ageRatingOverrideV2', null, 'THIRTEEN_PLUS'],
  ]);
  expect(planned.stdout).toMatch(
    /::warning file=rating\.json,line=\d+::rating\.json:\d+: "MATURE_SUGGESTIVE" is deliver's old iTunes Connect key; use "matureOrSuggestiveThemes"\./,
  );
  expect(writes()).toEqual([]);

  const applied = await bundle(workspace, { 'age-rating-file': 'rating.json' });
  expect(applied.errors).toEqual([]);
  expect(applied.exitCode).toBe(0);
  expect(writes().filter((l) => l.startsWith('PATCH /v1/ageRatingDeclarations/'))).toHaveLength(1);
  const infoDeclaration = emulator.state.relatedId(emulator.state.all('appInfos')[0]!, 'ageRatingDeclaration')!;
  expect(emulator.state.all('ageRatingDeclarations').map((d) => d.id)).toEqual([infoDeclaration]);
  expect(emulator.state.get('ageRatingDeclarations', infoDeclaration)!.attributes).toEqual({
    violenceCartoonOrFantasy: 'NONE',
    gambling: false,
    matureOrSuggestiveThemes: 'INFREQUENT_OR_MILD',
    messagingAndChat: true,
    ageAssurance: false,
    gunsOrOtherWeapons: 'INFREQUENT',
    ageRatingOverrideV2: 'THIRTEEN_PLUS',
  });
  expect(applied.summary).toContain('steps applied and read back');
  const before = writes().length;
  expect((await bundle(workspace, { 'age-rating-file': 'rating.json' })).exitCode).toBe(0);
  expect(writes().length).toBe(before);
}, 120_000);

test('bad inputs through the bundle: an age rating answer outside the enum, an unknown category: one error naming the file, zero writes', async () => {
  await start(seed(() => undefined));
  const rating = await bundle(
    tree({ 'metadata/en-US/description.txt': 'x', 'rating.json': '{\n  "advertising": "yes"\n}\n' }),
    { 'age-rating-file': 'rating.json' },
  );
  expect(rating.exitCode).toBe(1);
  expect(rating.errors).toEqual([
    'rating.json:2: age rating "advertising" must be true or false; got "yes". Nothing was written.',
  ]);
  const category = await bundle(tree({ 'metadata/primary_category.txt': 'PRODUCTIVTY' }), {});
  expect(category.exitCode).toBe(1);
  expect(category.errors).toEqual([
    'metadata/primary_category.txt: "PRODUCTIVTY" is not an App Store category (App Store Connect lists 57 ids). Nothing was written.',
  ]);
  expect(writes()).toEqual([]);
}, 120_000);
