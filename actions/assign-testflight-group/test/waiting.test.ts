import { APP_ID, MIN, PUBLIC_BETA, baseSeed, world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const inputs = { app: APP_ID, 'build-number': '42', groups: 'Public Beta', 'test-notes': 'Try the new sync.' };
const polls = (pattern: RegExp): number => w.emulator.transcript().filter((l) => pattern.test(l)).length;

test('a build that is listed late and processes for 20 minutes: waits (virtually), then hands it out', async () => {
  const t0 = Date.now();
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T12:00:00Z',
          listedAfterMs: 8 * MIN,
          processingMs: 20 * MIN,
          usesNonExemptEncryption: false,
        },
      ],
    }),
  );
  const result = await w.run(inputs);
  expect(result.errors).toEqual([]);
  expect(result.outputs['processing-state']).toBe('VALID');
  expect(result.outputs['beta-review-state']).toBe('WAITING_FOR_REVIEW');
  // Not listed for 8 minutes: the listing was polled until it appeared, with growing intervals.
  expect(polls(/^GET \/v1\/builds\?/)).toBeGreaterThanOrEqual(6);
  const sleeps = w.clock.sleeps.filter((ms) => ms >= 15_000);
  expect(sleeps.slice(0, 5)).toEqual([15_000, 22_500, 33_750, 50_625, 60_000]);
  expect(w.clock.now() - Date.parse('2026-11-26T12:00:00Z')).toBeGreaterThanOrEqual(20 * MIN);
  expect(Date.now() - t0).toBeLessThan(20_000); // nothing really slept
  expect(result.stdout).toMatch(/build 42 \(IOS\) is not listed yet; .* next look in \d+ s/);
  expect(result.stdout).toMatch(/build 1\.4 \(42\) is PROCESSING/);
  expect(w.emulator.state.relatedIds(w.emulator.state.get('betaGroups', PUBLIC_BETA)!, 'builds')).toHaveLength(1);
  expect(result.summary).toMatch(/<td>\+\d+m\d\ds<\/td><td>Found<\/td>/);
});

test("processing that ends INVALID stops with Apple's reason and changes nothing", async () => {
  const errors = [
    { code: 'ITMS-90683', description: 'Missing purpose string in Info.plist: NSCameraUsageDescription' },
  ];
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T12:00:00Z',
          processingMs: 10 * MIN,
          outcome: 'INVALID',
          errors,
        },
      ],
    }),
  );
  const result = await w.run(inputs);
  expect(result.exitCode).toBe(1);
  expect(result.errors).toEqual([
    expect.stringContaining(
      'processing ended INVALID: ITMS-90683 Missing purpose string in Info.plist: NSCameraUsageDescription',
    ),
  ]);
  expect(w.writes()).toEqual([]);
  expect(w.emulator.transcript().at(-1)).toMatch(
    /^GET \/v1\/apps\/1600000001\/buildUploads\?limit=200&filter\[cfBundleVersion\]=42&filter\[platform\]=IOS/,
  );
});

test('45 simulated minutes of waiting: tokens are re-signed, no 401 ever reaches the action', async () => {
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T12:00:00Z',
          listedAfterMs: 5 * MIN,
          processingMs: 45 * MIN,
          betaDetailLagMs: 2 * MIN,
          usesNonExemptEncryption: false,
        },
      ],
    }),
  );
  const result = await w.run(inputs);
  expect(result.errors).toEqual([]);
  expect(w.clock.now() - Date.parse('2026-11-26T12:00:00Z')).toBeGreaterThanOrEqual(47 * MIN);
  expect(w.emulator.requests.filter((r) => r.status === 401)).toEqual([]);
  const iats = new Set(w.emulator.requests.map((r) => r.tokenClaims?.iat));
  expect(iats.size).toBeGreaterThanOrEqual(3); // a 20-minute token cannot cover 47 minutes
  // The beta detail answered 500 after processing: read as "not ready", not as a failure.
  expect(
    w.emulator.requests.filter((r) => r.path.endsWith('/buildBetaDetail') && r.status === 500).length,
  ).toBeGreaterThan(0);
  expect(result.stdout).toContain('TestFlight details are not ready (5xx)');
});

test('polling slows down when the hourly budget runs low', async () => {
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T12:00:00Z',
          processingMs: 30 * MIN,
          usesNonExemptEncryption: false,
        },
      ],
    }),
  );
  w.emulator.setRateLimit({ limit: 3600, remaining: 100 });
  const result = await w.run({ ...inputs, groups: '', 'test-notes': '' });
  expect(result.errors).toEqual([]);
  // 100 left: polling may use a tenth of that per hour, so a look every 6 minutes at most.
  const buildReads = polls(/^GET \/v1\/builds\/[^/?]+\?/);
  expect(buildReads).toBeLessThanOrEqual(6);
  expect(w.clock.sleeps.filter((ms) => ms >= 5 * MIN).length).toBeGreaterThanOrEqual(4);
  expect(result.stdout).toMatch(/next look in 3\d\d s; \d+ requests left this hour/);
});

test('a build still processing at the deadline fails after processing-timeout, with no writes', async () => {
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T12:00:00Z',
          processingMs: 120 * MIN,
        },
      ],
    }),
  );
  const result = await w.run({ ...inputs, 'processing-timeout': '30m' });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(/still processing after 30 min \(processing-timeout\)/);
  expect(w.clock.now() - Date.parse('2026-11-26T12:00:00Z')).toBe(30 * MIN);
  expect(w.writes()).toEqual([]);
});

test('without waiting, a build still processing is refused before any write', async () => {
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T12:00:00Z',
          processingMs: 20 * MIN,
        },
      ],
    }),
  );
  const result = await w.run({ ...inputs, 'wait-for-processing': 'false' });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(/PROCESSING and wait-for-processing is false/);
  expect(w.writes()).toEqual([]);
  expect(w.clock.slept).toBe(0);
});

test("export compliance answered: the action waits on the build's beta state (not on processing) before submitting", async () => {
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T11:00:00Z',
          complianceReprocessMs: 3 * MIN,
        },
      ],
    }),
  );
  const result = await w.run({ ...inputs, 'uses-non-exempt-encryption': 'false' });
  expect(result.errors).toEqual([]);
  const build = w.emulator.state.all('builds')[0]!;
  const writes = w.writes();
  expect(writes).toEqual([
    `PATCH /v1/builds/${build.id}`,
    expect.stringMatching(/^PATCH \/v1\/betaBuildLocalizations\//),
    `POST /v1/builds/${build.id}/relationships/betaGroups`,
    'POST /v1/betaAppReviewSubmissions',
  ]);
  const transcript = w.emulator.transcript();
  const after = transcript.slice(transcript.indexOf(writes[0]!) + 1, transcript.indexOf(writes[1]!));
  expect(after.filter((l) => l.endsWith('/buildBetaDetail')).length).toBeGreaterThanOrEqual(2); // MISSING_EXPORT_COMPLIANCE first, then ready
  expect(
    w.emulator.requests
      .filter((r) => r.path === '/v1/betaAppReviewSubmissions' && r.method === 'POST')
      .map((r) => r.status),
  ).toEqual([201]);
  expect(w.emulator.state.get('buildBetaDetails', build.id)?.attributes.externalBuildState).toBe(
    'WAITING_FOR_BETA_REVIEW',
  );
  expect(build.attributes.processingState).toBe('VALID');
  expect(result.stdout).toMatch(/is MISSING_EXPORT_COMPLIANCE after the export compliance answer/);
  expect(result.summary).toContain('READY_FOR_BETA_SUBMISSION after the answer');
});
