import { APP_ID, pendingSeed, world, type World } from './fixtures.js';

let w: World | undefined;
afterEach(async () => {
  if (!w) return;
  expect(w.emulator.violations).toEqual([]);
  await w.close();
  w = undefined;
});
const DAY = 86_400_000;

test('release: one release request, the phased release starts; the rerun sends nothing', async () => {
  w = await world();
  const r = await w.run({ step: 'release' });
  expect(r.errors).toEqual([]);
  expect(w.writes()).toEqual(['POST /v1/appStoreVersionReleaseRequests']);
  expect(r.outputs).toMatchObject({
    state: 'READY_FOR_DISTRIBUTION',
    'phased-release-state': 'ACTIVE',
    'phased-release-day': '1',
    result: 'released',
  });
  expect(r.summary).toContain('Release: Review Notes 2.1');
  const again = await w.run({ step: 'release', version: '2.1.0' });
  expect(again.errors).toEqual([]);
  expect(w.writes()).toHaveLength(1);
  expect(again.outputs.result).toBe('unchanged');
});

test('pause, pause again (unchanged), resume after a day, complete: one PATCH each that changes something', async () => {
  w = await world();
  await w.run({ step: 'release' });
  w.clock.advance(2 * DAY);
  expect((await w.run({ step: 'pause' })).outputs).toMatchObject({
    'phased-release-state': 'PAUSED',
    'phased-release-day': '3',
    result: 'paused',
  });
  expect((await w.run({ step: 'pause' })).outputs.result).toBe('unchanged');
  w.clock.advance(DAY);
  expect((await w.run({ step: 'resume' })).outputs).toMatchObject({
    'phased-release-state': 'ACTIVE',
    'phased-release-day': '3',
    result: 'resumed',
  });
  expect((await w.run({ step: 'complete' })).outputs).toMatchObject({
    'phased-release-state': 'COMPLETE',
    result: 'completed',
  });
  expect(w.writes().filter((l) => l.startsWith('PATCH'))).toHaveLength(3);
});

test('dry run: says what it would do, sends nothing', async () => {
  w = await world();
  const r = await w.run({ step: 'release', 'dry-run': 'true' });
  expect(r.errors).toEqual([]);
  expect(w.writes()).toEqual([]);
  expect(r.outputs).toMatchObject({ state: 'PENDING_DEVELOPER_RELEASE', result: 'unchanged' });
});

test.each([
  [
    'pause without a phased release',
    pendingSeed({ version: { phasedRelease: undefined, state: 'READY_FOR_DISTRIBUTION' } }),
    { step: 'pause', version: '2.1' },
    ['"step" is pause', 'no phased release'],
  ],
  [
    'pause before the release',
    pendingSeed(),
    { step: 'pause', version: '2.1' },
    ['phased release of 2.1 is INACTIVE', 'PENDING_DEVELOPER_RELEASE'],
  ],
  [
    'release of a version still in review',
    pendingSeed({
      version: { state: 'PREPARE_FOR_SUBMISSION', submission: 'WAITING_FOR_REVIEW', phasedRelease: undefined },
    }),
    { step: 'release', version: '2.1' },
    ['version 2.1 is WAITING_FOR_REVIEW', 'PENDING_DEVELOPER_RELEASE'],
  ],
  [
    'release with no version while 2.0 is live and 2.1 still in review (2.1 is the one meant, not 2.0)',
    pendingSeed({
      version: { state: 'PREPARE_FOR_SUBMISSION', submission: 'WAITING_FOR_REVIEW', phasedRelease: undefined },
    }),
    { step: 'release' },
    ['version 2.1 is WAITING_FOR_REVIEW', 'PENDING_DEVELOPER_RELEASE'],
  ],
  ['an unknown step', pendingSeed(), { step: 'publish' }, ['"step"', 'release']],
  ['no step', pendingSeed(), {}, ['"step" is required']],
  ['an unknown version', pendingSeed(), { step: 'release', version: '9.9' }, ['"version"', 'no version 9.9']],
])('%s: one clear error naming the state, nothing sent', async (_name, s, inputs, fragments) => {
  w = await world(s);
  const r = await w.run(inputs);
  expect(r.exitCode).toBe(1);
  expect(r.errors).toHaveLength(1);
  for (const f of fragments) expect(r.errors[0]).toContain(f);
  expect(w.writes()).toEqual([]);
});

test('a release request whose answer is lost is not sent again: the version is read and found released', async () => {
  w = await world();
  w.emulator.faults.add({ method: 'POST', path: '/v1/appStoreVersionReleaseRequests', kind: 'drop-after' });
  const r = await w.run({ step: 'release', app: APP_ID });
  expect(r.errors).toEqual([]);
  expect(r.outputs).toMatchObject({ state: 'READY_FOR_DISTRIBUTION', result: 'released' });
  expect(w.writes()).toEqual(['POST /v1/appStoreVersionReleaseRequests']);
});
