/**
 * The bundles with App Review moved over HTTP (the emulator's control route, as a person running
 * `npm run emulator` would): submit-for-review submits a MANUAL version with a phased release,
 * two POSTs to /__control/app-review/versions/{id}/advance take it through IN_REVIEW to
 * PENDING_DEVELOPER_RELEASE, then release-version releases it, pauses and resumes the phased
 * release — each step idempotent on a rerun.
 */
import { REVIEW_CONTROL_PATH, reviewReadySeed } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { runBundle } from '../../../test-support/runner.js';
import { run } from '../src/main.js';
import { APP_ID } from './fixtures.js';

let h: ActionHarness<object>;
beforeAll(async () => {
  const now = Date.now();
  h = await actionHarness({
    run: () => run(),
    bundle: 'release-version',
    seed: reviewReadySeed({ now }),
    clock: new VirtualClock(now),
    inputs: { app: APP_ID, version: '2.1' },
  });
});
afterAll(() => h.close());
afterEach(() => expect(h.emulator.violations).toEqual([]));

async function advance(versionId: string): Promise<Record<string, string>> {
  const res = await fetch(`${h.emulator.baseUrl}${REVIEW_CONTROL_PATH}/${versionId}/advance`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, string>;
}

test('submitted → (HTTP) IN_REVIEW → PENDING_DEVELOPER_RELEASE → release-version releases, pauses, resumes', async () => {
  const submitted = await runBundle('submit-for-review', {
    inputs: h.inputs({ 'build-number': '100', 'release-type': 'manual', 'phased-release': 'true' }),
    env: { GITHUB_WORKSPACE: h.workspace },
  });
  expect(submitted.errors).toEqual([]);
  expect(submitted.outputs.state).toBe('WAITING_FOR_REVIEW');
  const versionId = submitted.outputs['version-id']!;

  // Not approved yet: release is refused, saying the state.
  const early = await h.runBundle({ step: 'release' });
  expect(early.exitCode).toBe(1);
  expect(early.errors.join('\n')).toMatch(/WAITING_FOR_REVIEW/);

  expect(await advance(versionId)).toMatchObject({ appVersionState: 'IN_REVIEW' });
  expect(await advance(versionId)).toMatchObject({ appVersionState: 'PENDING_DEVELOPER_RELEASE' });

  const released = await h.runBundle({ step: 'release' });
  expect(released.errors).toEqual([]);
  expect(released.outputs).toMatchObject({
    'version-id': versionId,
    state: 'READY_FOR_DISTRIBUTION',
    'phased-release-state': 'ACTIVE',
    result: 'released',
  });
  const writes = h.writes().length;
  const again = await h.runBundle({ step: 'release' });
  expect(again.errors).toEqual([]);
  expect(h.writes()).toHaveLength(writes); // released already: no request changes anything

  const paused = await h.runBundle({ step: 'pause' });
  expect(paused.outputs).toMatchObject({ 'phased-release-state': 'PAUSED', result: 'paused' });
  const resumed = await h.runBundle({ step: 'resume' });
  expect(resumed.errors).toEqual([]);
  expect(resumed.outputs).toMatchObject({ 'phased-release-state': 'ACTIVE', result: 'resumed' });
});
