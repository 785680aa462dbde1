/**
 * fetch-analytics-report's own test material: the apps and report request it is seeded with, the
 * clock's "now", and its harness (test-support/action-harness.ts): one RUNNER_TEMP for every run
 * (the cache is tied to its paths), `app` and `cache: false` by default.
 */
import type { Seed } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { actionHarness, tempDir, type ActionHarness } from '../../../test-support/action-harness.js';
import { run, type RunDeps } from '../src/main.js';

export const APP_ID = '6400000001';
export const BUNDLE_ID = 'com.example.notes';
/** The request was made on 1 November 2026; "now" is 26 November, 10:00 UTC. */
export const REQUESTED_AT = '2026-11-01T09:00:00Z';
export const NOW = Date.parse('2026-11-26T10:00:00Z');

export const appSeed = (extra: Partial<Seed> = {}): Seed => ({
  apps: [{ id: APP_ID, name: 'Notes', bundleId: BUNDLE_ID }],
  ...extra,
});
export const withRequest = (extra: Partial<NonNullable<Seed['analytics']>> = {}): Seed =>
  appSeed({ analytics: { requests: [{ app: APP_ID, createdAt: REQUESTED_AT }], ...extra } });

export type Harness = ActionHarness<RunDeps>;

export function analyticsHarness(seed: Seed = withRequest(), now = NOW): Promise<Harness> {
  return actionHarness<RunDeps>({
    run,
    bundle: 'fetch-analytics-report',
    seed,
    clock: new VirtualClock(now),
    inputs: { app: APP_ID, cache: 'false' },
    env: { RUNNER_TEMP: tempDir('fetch-analytics-report-runner') },
  });
}
