import { InputError } from '@asc-actions/core';
import { nextPollDelay } from '../src/read/poll-delay.js';
import { csvCells, parseTesterCsv, parseTesterLines, uniqueTesters } from '../src/inputs/testers.js';
import { parseTestNotes } from '../src/inputs/notes.js';
import { matchBuilds } from '../src/read/find-build.js';
import { missingForReview } from '../src/plan/readiness.js';
import { makePlan, TESTER_BATCH } from '../src/plan/plan.js';
import type { Settings } from '../src/inputs.js';
import type { RemoteState } from '../src/read/state.js';
import type { BuildInfo } from '../src/model.js';

// Version equality (1.2 = 1.2.0, 042 = 42) is core's rule, tested with core (domain/versions).

test.each([
  [0, {}, 3_600_000, 15_000],
  [1, {}, 3_600_000, 22_500],
  [9, {}, 3_600_000, 60_000],
  [9, { limit: 3600, remaining: 3500 }, 3_600_000, 60_000],
  [0, { limit: 3600, remaining: 100 }, 3_600_000, 360_000],
  [0, { limit: 3600, remaining: 0 }, 3_600_000, 3_600_000],
  [0, { limit: 3600, remaining: 0 }, 90_000, 90_000],
  [5, {}, 5_000, 5_000],
  [5, {}, -1, 0],
])('nextPollDelay(attempt %i, %j, %i ms left) = %i ms', (attempt, budget, left, expected) => {
  expect(nextPollDelay(attempt, budget, left)).toBe(expected);
});

test('tester lines: e-mail with optional names, comments and blank lines skipped', () => {
  expect(parseTesterLines('ada@example.com\n\n# staff\ngrace@example.com, Grace , Hopper')).toEqual([
    { email: 'ada@example.com', firstName: undefined, lastName: undefined, source: 'testers line 1' },
    { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper', source: 'testers line 4' },
  ]);
  expect(() => parseTesterLines('ada@example.com\nGrace Hopper')).toThrow(/testers line 2/);
});

test('tester CSV: with a header in any order, without one (fastlane order), quotes, BOM, CRLF', () => {
  const header = '\uFEFFLast Name,E-Mail,First Name\r\n"Lovelace, Countess",ada@example.com,Ada\r\n';
  expect(parseTesterCsv(header, 't.csv')).toEqual([
    { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace, Countess', source: 't.csv line 2' },
  ]);
  expect(parseTesterCsv('Grace,Hopper,grace@example.com\n', 't.csv')[0]).toMatchObject({
    email: 'grace@example.com',
    firstName: 'Grace',
    lastName: 'Hopper',
  });
  expect(csvCells('a;"b ""c""";d')).toEqual(['a', 'b "c"', 'd']);
  let error: unknown;
  try {
    parseTesterCsv('name,phone\n', 'team/t.csv');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect(error).toMatchObject({ file: 'team/t.csv', line: 1, input: 'testers-file' });
});

test('duplicate testers keep their first spelling', () => {
  const list = parseTesterLines('Ada@Example.com,Ada\nada@example.com,Other');
  expect(uniqueTesters(list).map((t) => [t.email, t.firstName])).toEqual([['Ada@Example.com', 'Ada']]);
});

test('test notes: plain text (locale decided later), JSON maps locales, limits in code points', () => {
  const where = { input: 'test-notes' };
  expect(parseTestNotes('  Try it.\r\n', where)).toEqual({ plain: 'Try it.' });
  expect(parseTestNotes('{"de-DE": "Probier es.", "zh-Hans": "试试"}', where)).toEqual({
    byLocale: { 'de-DE': 'Probier es.', 'zh-Hans': '试试' },
  });
  expect((parseTestNotes('😀'.repeat(4000), where) as { plain: string }).plain).toHaveLength(8000); // 4000 code points, 8000 UTF-16 units
  expect(() => parseTestNotes('😀'.repeat(4001), where)).toThrow(/4001 characters/);
  expect(() => parseTestNotes('{"en-US": 3}', where)).toThrow(/must be text/);
  expect(() => parseTestNotes('{"en-US": "x"', where)).toThrow(/not valid JSON/);
  expect(() => parseTestNotes('{"en-US": "  "}', where)).toThrow(/empty/);
});

const build = (version: string, buildNumber: string, id = `${version}-${buildNumber}`): BuildInfo => ({
  id,
  version,
  buildNumber,
  processingState: 'VALID',
  expired: false,
});

test('matchBuilds: aliases, newest when no build number, several matches kept for the error', () => {
  const candidates = [build('1.3', '7'), build('1.2.0', '9'), build('1.2', '7')];
  expect(
    matchBuilds(candidates, { appId: 'a', platform: 'IOS', buildNumber: '007', version: '1.2' }).map((b) => b.id),
  ).toEqual(['1.2-7']);
  expect(matchBuilds(candidates, { appId: 'a', platform: 'IOS', version: '1.2' }).map((b) => b.id)).toEqual([
    '1.2.0-9',
  ]);
  expect(matchBuilds(candidates, { appId: 'a', platform: 'IOS', buildNumber: '7' })).toHaveLength(2);
  expect(matchBuilds(candidates, { appId: 'a', platform: 'IOS' }).map((b) => b.id)).toEqual(['1.3-7']);
});

const complete = {
  localizations: [{ id: 'l1', locale: 'en-US', description: 'd', feedbackEmail: 'f@example.com' }],
  contact: {
    contactFirstName: 'a',
    contactLastName: 'b',
    contactPhone: '1',
    contactEmail: 'c@example.com',
    demoAccountRequired: false,
    hasDemoAccountName: false,
    hasDemoAccountPassword: false,
  },
  othersInReview: [],
};

test('readiness: complete information passes; each gap is named', () => {
  expect(
    missingForReview({ review: complete, primaryLocale: 'en-US', compliance: false, notesLocales: ['en-US'] }),
  ).toEqual([]);
  const missing = missingForReview({
    review: {
      ...complete,
      localizations: [],
      contact: { ...complete.contact, contactPhone: ' ', demoAccountRequired: true, hasDemoAccountName: true },
    },
    primaryLocale: 'de-DE',
    compliance: undefined,
    notesLocales: [],
  });
  expect(missing).toEqual([
    expect.stringMatching(/^export compliance/),
    expect.stringMatching(/^Beta App Description \(de-DE\)/),
    expect.stringMatching(/^feedback e-mail \(de-DE\)/),
    expect.stringMatching(/^Beta App Review contact phone/),
    expect.stringMatching(/^demo account password/),
    expect.stringMatching(/^What to Test/),
  ]);
  expect(
    missingForReview({ review: complete, primaryLocale: 'en-US', compliance: 'unknown', notesLocales: ['en-US'] }),
  ).toEqual([]);
});

function settings(over: Partial<Settings> = {}): Settings {
  return {
    common: {} as Settings['common'],
    app: 'a',
    platform: 'IOS',
    groups: ['External'],
    createMissingGroups: false,
    testers: [],
    testInformation: { localization: {}, review: {} },
    listingGraceMs: 900_000,
    waitForProcessing: true,
    processingTimeoutMs: 3_600_000,
    submitForBetaReview: false,
    expireBuildWaitingForReview: false,
    dryRun: false,
    ...over,
  };
}

function state(over: Partial<RemoteState> = {}): RemoteState {
  return {
    app: { id: 'a', name: 'App', bundleId: 'b', primaryLocale: 'en-US' },
    build: { ...build('1.0', '1', 'B'), usesNonExemptEncryption: false },
    groups: [
      { id: 'g1', name: 'External', internal: false, allBuilds: false, hasBuild: false },
      { id: 'g2', name: 'Staff', internal: true, allBuilds: true, hasBuild: false },
    ],
    testers: new Map(),
    notes: [],
    ...over,
  };
}

test('plan: testers in batches per group, existing members skipped, internal all-builds group needs no add', () => {
  const emails = Array.from({ length: 6 }, (_, i) => `t${i}@example.com`);
  const testers = new Map(
    emails.map((e, i) => [e, { id: i === 0 ? 't-old' : `t${i}`, email: e, groupIds: new Set(i === 0 ? ['g1'] : []) }]),
  );
  const plan = makePlan(
    settings({
      groups: ['External', 'Staff'],
      testers: [...emails, 'new@example.com'].map((email) => ({ email, source: 'x' })),
    }),
    state({ testers }),
  );
  expect(plan.steps.map((s) => s.kind)).toEqual(['add-build', 'create-tester', 'add-testers']);
  const batches = plan.steps
    .filter((s) => s.kind === 'add-testers')
    .map((s) => (s.kind === 'add-testers' ? s.testers.length : 0));
  expect(batches).toEqual([5]); // one step per group; apply sends batches of TESTER_BATCH
  expect(TESTER_BATCH).toBeGreaterThanOrEqual(250);
  expect(plan.testers.alreadyPresent.map((t) => t.email)).toEqual(['t0@example.com']);
  expect(plan.groups.find((g) => g.name === 'Staff')).toMatchObject({ internal: true, hadBuild: true });
});

test('plan: notes created, updated or left alone; compliance only when unanswered; nothing to do twice', () => {
  const s = settings({
    testNotes: { byLocale: { 'en-US': 'same', 'de-DE': 'neu', 'fr-FR': 'nouveau' } },
    usesNonExemptEncryption: true,
  });
  const st = state({
    build: { ...build('1.0', '1', 'B'), usesNonExemptEncryption: undefined },
    notes: [
      { id: 'n1', locale: 'en-US', whatsNew: 'same' },
      { id: 'n2', locale: 'de-DE', whatsNew: 'alt' },
    ],
    groups: [{ id: 'g1', name: 'External', internal: false, allBuilds: false, hasBuild: true }],
  });
  expect(makePlan(s, st).steps).toEqual([
    { kind: 'export-compliance', value: true },
    { kind: 'update-notes', id: 'n2', locale: 'de-DE', text: 'neu' },
    { kind: 'create-notes', locale: 'fr-FR', text: 'nouveau' },
  ]);
  const changed = makePlan(s, { ...st, build: { ...st.build!, usesNonExemptEncryption: false } });
  expect(changed.problems).toEqual([expect.objectContaining({ input: 'uses-non-exempt-encryption' })]);
});

test('tester lines as people type them: lists, Name <email>, email,First,Last; an address never becomes a name', () => {
  expect(parseTesterLines('carl@example.com,dora@example.com').map((t) => [t.email, t.firstName])).toEqual([
    ['carl@example.com', undefined],
    ['dora@example.com', undefined],
  ]);
  expect(parseTesterLines('carl@example.com; dora@example.com;').map((t) => t.email)).toEqual([
    'carl@example.com',
    'dora@example.com',
  ]);
  expect(parseTesterLines('Carl Jones <carl@example.com>, "Dora M. Smith" <dora@example.com>')).toEqual([
    { email: 'carl@example.com', firstName: 'Carl', lastName: 'Jones', source: 'testers line 1' },
    { email: 'dora@example.com', firstName: 'Dora', lastName: 'M. Smith', source: 'testers line 1' },
  ]);
  expect(parseTesterLines('Grace,Hopper,grace@example.com')[0]).toMatchObject({
    email: 'grace@example.com',
    firstName: 'Grace',
    lastName: 'Hopper',
  });
  expect(() => parseTesterLines('ada@example.com\ncarl@example.com,Carl,dora@example.com')).toThrow(
    /testers line 2: mixes several e-mail addresses with bare names \("Carl"\)/,
  );
  expect(() => parseTesterLines('carl@example,Carl')).toThrow(
    /testers line 1: "carl@example" is not an e-mail address/,
  );
  expect(() => parseTesterLines('Carl <carl(at)example.com>')).toThrow(/not an e-mail address/);
  expect(() => parseTesterLines('carl@example.com,Carl,Jones,Jr')).toThrow(/3 names for one address/);
});
