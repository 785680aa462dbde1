import { APP_ID, seed, world, type World } from './fixtures.js';

let w: World | undefined;
afterEach(async () => {
  if (!w) return;
  expect(w.emulator.violations).toEqual([]);
  await w.close();
  w = undefined;
});

const HOUR = 3_600_000;

/** Runs once and expects exactly one error line containing every fragment, and no write. */
async function refused(inputs: Record<string, string>, fragments: string[], s = seed()): Promise<void> {
  w = await world(s);
  const r = await w.run(inputs);
  expect(r.exitCode).toBe(1);
  expect(r.errors).toHaveLength(1);
  for (const f of fragments) expect(r.errors[0]).toContain(f);
  expect(w.writes()).toEqual([]);
}

test.each([
  [
    'an unknown release-type',
    { 'release-type': 'tomorrow' },
    ['"release-type"', 'after-approval (default), manual, scheduled'],
  ],
  ['scheduled without release-date', { 'release-type': 'scheduled' }, ['"release-date"', 'ISO 8601']],
  [
    'scheduled with a past date',
    { 'release-type': 'scheduled', 'release-date': '2026-01-01T00:00:00Z' },
    ['"release-date"', 'in the past'],
  ],
  [
    'release-date without scheduled',
    { 'release-date': '2027-01-01T00:00:00Z' },
    ['"release-date"', 'release-type: scheduled'],
  ],
  ['build-id and build-number together', { 'build-id': '1', 'build-number': '100' }, ['"build-id"', 'not both']],
  ['a version string that is not one', { version: 'v2' }, ['"version"', 'such as 1.4 or 1.4.2']],
  ['an unknown platform', { platform: 'ANDROID' }, ['"platform"', 'IOS (default), MAC_OS, TV_OS, VISION_OS']],
])('%s: one clear error, no request written', async (_name, inputs, fragments) => {
  await refused(inputs, fragments);
});

test('a build of another version string', async () => {
  await refused(
    { 'build-number': '102' },
    ['no build 102 of version 2.1', 'found 2.0.1 (102)', 'build-number'],
    seed({ builds: [{ app: APP_ID, version: '2.0.1', buildNumber: '102', usesNonExemptEncryption: false }] }),
  );
});

test('a build still processing, and an expired build', async () => {
  const s = seed({
    builds: [
      {
        app: APP_ID,
        version: '2.1',
        buildNumber: '103',
        uploadedDate: '2026-11-26T11:50:00Z',
        processingMs: HOUR,
        usesNonExemptEncryption: false,
      },
      { app: APP_ID, version: '2.1', buildNumber: '104', expired: true, usesNonExemptEncryption: false },
    ],
  });
  await refused({ 'build-number': '103' }, ['build 2.1 (103) is PROCESSING', 'wait for processing'], s);
  await w!.close();
  w = undefined;
  await refused({ 'build-number': '104' }, ['build 2.1 (104) has expired', 'upload-build'], s);
});

test('a version that is live', async () => {
  await refused({ version: '2.0' }, ['"version"', '2.0 is live']);
});

test('phased-release on a first version', async () => {
  await refused(
    { 'build-number': '100', 'phased-release': 'true' },
    ['phased-release', 'first version'],
    seed({ firstVersion: true }),
  );
});

test('not ready: every missing item at once, each with what fixes it, and nothing written', async () => {
  const s = seed({
    noAgeRating: true,
    noContentRights: true,
    version: {
      localizations: {
        'en-US': { description: 'x', keywords: 'k', supportUrl: 'https://example.com' },
        'de-DE': { description: 'y' },
      },
      screenshots: {},
    },
  });
  w = await world(s);
  const r = await w.run({ 'build-number': '100' });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toHaveLength(1);
  const message = r.errors[0]!.replace(/%0A/g, '\n');
  expect(message).toContain('not ready for App Review (6 items)');
  expect(message).toContain('keywords: missing for de-DE → run upload-metadata with de-DE/keywords.txt');
  expect(message).toContain('support-url: missing for de-DE');
  expect(message).toContain(
    'whats-new: missing for en-US, de-DE → run upload-metadata with en-US/release_notes.txt, de-DE/release_notes.txt',
  );
  expect(message).toContain('screenshots: no APP_IPHONE_67 or APP_IPHONE_65 screenshots in en-US');
  expect(message).toContain('age-rating');
  expect(message).toContain('content-rights');
  expect(w.writes()).toEqual([]);
  expect(JSON.parse(r.outputs.readiness!).ready).toBe(false);
});

test('another version already in review: a clear error, nothing written', async () => {
  await refused(
    { version: '2.2', 'create-version': 'true', 'build-number': '100' },
    ['Version 2.1 is already WAITING_FOR_REVIEW', 'one submission per platform'],
    seed({ version: { build: '100', submission: 'WAITING_FOR_REVIEW' } }),
  );
});

test('a rejected submission is reported and left alone; cancel-unresolved cancels it and submits anew', async () => {
  w = await world(seed({ version: { build: '100', submission: 'UNRESOLVED_ISSUES' } }));
  const left = await w.run({});
  expect(left.exitCode).toBe(1);
  expect(left.errors[0]).toContain('unresolved issues');
  expect(left.errors[0]).toContain('cancel-unresolved: true');
  expect(w.writes()).toEqual([]);
  const again = await w.run({ 'cancel-unresolved': 'true' });
  expect(again.errors).toEqual([]);
  expect(again.outputs.state).toBe('WAITING_FOR_REVIEW');
  expect(w.submissions().map((s) => [s.state, s.items])).toEqual([
    ['COMPLETE', 1],
    ['WAITING_FOR_REVIEW', 1],
  ]);
});
