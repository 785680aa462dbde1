import { APP_ID, seed, world, type World } from './fixtures.js';

let w: World | undefined;
afterEach(async () => {
  if (!w) return;
  expect(w.emulator.violations).toEqual([]);
  await w.close();
  w = undefined;
});

test('create-version renames the version in preparation, then submits it with its build', async () => {
  w = await world(
    seed({
      builds: [
        {
          app: APP_ID,
          version: '2.2',
          buildNumber: '200',
          uploadedDate: '2026-11-26T10:00:00Z',
          usesNonExemptEncryption: false,
        },
      ],
    }),
  );
  const r = await w.run({ version: '2.2', 'create-version': 'true', 'build-number': '200' });
  expect(r.errors).toEqual([]);
  expect(w.writes()[0]).toMatch(/^PATCH \/v1\/appStoreVersions\/[\w-]+$/);
  expect(w.emulator.state.get('appStoreVersions', r.outputs['version-id']!)!.attributes).toMatchObject({
    versionString: '2.2',
    appVersionState: 'WAITING_FOR_REVIEW',
  });
}, 120_000);

test('uses-non-exempt-encryption answers a missing export compliance before the build is attached (and waits while the build processes again)', async () => {
  w = await world(
    seed({ builds: [{ app: APP_ID, version: '2.1', buildNumber: '101', uploadedDate: '2026-11-26T10:00:00Z' }] }),
  );
  const r = await w.run({ 'build-number': '101', 'uses-non-exempt-encryption': 'false' });
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('WAITING_FOR_REVIEW');
  const writes = w.writes();
  expect(writes[0]).toMatch(/^PATCH \/v1\/builds\/[\w-]+$/);
  expect(writes[1]).toMatch(/relationships\/build$/);
  expect(w.emulator.state.get('builds', r.outputs['build-id']!)!.attributes).toMatchObject({
    usesNonExemptEncryption: false,
    processingState: 'VALID',
  });
}, 120_000);

test('an open draft holding the version is reused: only the submit is sent', async () => {
  w = await world(seed({ version: { build: '100', submission: 'READY_FOR_REVIEW' } }));
  const r = await w.run({ 'build-number': '100' });
  expect(r.errors).toEqual([]);
  expect(w.writes()).toEqual([expect.stringMatching(/^PATCH \/v1\/reviewSubmissions\/[\w-]+$/)]);
  expect(w.submissions()).toEqual([{ id: r.outputs['submission-id'], state: 'WAITING_FOR_REVIEW', items: 1 }]);
}, 120_000);

test('phased-release false removes a phased release that has not started; a changed release date is sent once', async () => {
  w = await world(
    seed({
      version: {
        build: '100',
        phasedRelease: 'INACTIVE',
        releaseType: 'SCHEDULED',
        earliestReleaseDate: '2026-12-01T09:00:00Z',
      },
    }),
  );
  const r = await w.run({
    'release-type': 'scheduled',
    'release-date': '2026-12-24T09:00:00Z',
    wait: 'waiting-for-review',
  });
  expect(r.errors).toEqual([]);
  expect(w.writes().slice(0, 2)).toEqual([
    expect.stringMatching(/^PATCH \/v1\/appStoreVersions\/[\w-]+$/),
    expect.stringMatching(/^DELETE \/v1\/appStoreVersionPhasedReleases\//),
  ]);
  const version = w.emulator.state.get('appStoreVersions', r.outputs['version-id']!)!;
  expect(version.attributes).toMatchObject({
    releaseType: 'SCHEDULED',
    earliestReleaseDate: '2026-12-24T09:00:00.000Z',
  });
  expect(w.emulator.state.all('appStoreVersionPhasedReleases')).toEqual([]);
}, 120_000);

test('a version already in review with another build is refused, nothing written', async () => {
  w = await world(
    seed({
      builds: [{ app: APP_ID, version: '2.1', buildNumber: '105', usesNonExemptEncryption: false }],
      version: { build: '100', submission: 'IN_REVIEW' },
    }),
  );
  const r = await w.run({ 'build-number': '105' });
  expect(r.exitCode).toBe(1);
  expect(r.errors[0]).toContain('already IN_REVIEW with build 100, not build-number 105');
  expect(w.writes()).toEqual([]);
}, 120_000);
