import { WallClock } from '../../../test-support/wall-clock.js';
import { seed, world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

test('the bundle, as the runner runs it: a dry run (plan, no writes) before the environment, then the submission', async () => {
  // The bundle keeps the system's time: so does the emulator.
  w = await world(seed({ now: Date.now() }), new WallClock());
  const inputs = {
    version: '2.1.0',
    'build-number': '100',
    'release-type': 'scheduled',
    'release-date': new Date(Date.now() + 7 * 86_400_000).toISOString(),
    'phased-release': 'true',
  };
  const dry = await w.runBundle({ ...inputs, 'dry-run': 'true' });
  expect(dry.stderr).toBe('');
  expect(dry.exitCode).toBe(0);
  expect(w.writes()).toEqual([]);
  expect(dry.stdout).toContain('Plan (dry run, nothing is sent): attach build 100');
  expect(dry.summary).toContain('Plan (nothing sent)');
  expect(dry.outputs.state).toBe('PREPARE_FOR_SUBMISSION');

  const real = await w.runBundle(inputs);
  expect(real.errors).toEqual([]);
  expect(real.exitCode).toBe(0);
  expect(real.outputs).toMatchObject({
    state: 'WAITING_FOR_REVIEW',
    'version-id': dry.outputs['version-id'],
    'build-id': dry.outputs['build-id'],
  });
  expect(real.outputs['submission-id']).toMatch(/\w/);
  const version = w.emulator.state.get('appStoreVersions', real.outputs['version-id']!)!;
  expect(version.attributes).toMatchObject({ releaseType: 'SCHEDULED', appVersionState: 'WAITING_FOR_REVIEW' });
  expect(
    w.emulator.state.get(
      'appStoreVersionPhasedReleases',
      w.emulator.state.relatedId(version, 'appStoreVersionPhasedRelease')!,
    )!.attributes.phasedReleaseState,
  ).toBe('INACTIVE');
});
