import { reviewControl, reviewReadySeed } from '@asc-actions/asc-emulator';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';
import { WallClock } from '../../../test-support/wall-clock.js';
import { world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

test('the bundles end to end: submit-for-review (manual, phased), App Review approves, release-version releases, then pauses', async () => {
  // The bundles keep the system's time: so does the emulator.
  w = await world(reviewReadySeed({ now: Date.now() }), new WallClock());
  // The other action's bundle, run as the harness runs this one's: same inputs, workspace, leak scan.
  const submitted = await runBundle('submit-for-review', {
    inputs: w.inputs({ 'build-number': '100', 'release-type': 'manual', 'phased-release': 'true' }),
    env: { GITHUB_WORKSPACE: w.workspace },
    secrets: keyEncodings(w.key.privatePem),
  });
  expect(submitted.errors).toEqual([]);
  const versionId = submitted.outputs['version-id']!;
  reviewControl(w.emulator.state).advance(versionId);
  reviewControl(w.emulator.state).advance(versionId);
  const released = await w.runBundle({ step: 'release' });
  expect(released.stderr).toBe('');
  expect(released.errors).toEqual([]);
  expect(released.outputs).toMatchObject({
    'version-id': versionId,
    state: 'READY_FOR_DISTRIBUTION',
    'phased-release-state': 'ACTIVE',
    result: 'released',
  });
  const paused = await w.runBundle({ step: 'pause' });
  expect(paused.outputs).toMatchObject({ 'phased-release-state': 'PAUSED', result: 'paused' });
});
