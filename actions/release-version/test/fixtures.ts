/**
 * release-version's own test material: the review-ready app with 2.1 approved for a manual,
 * phased release, and its harness (test-support/action-harness.ts) with the app as a default
 * input, on a virtual clock.
 */
import { REVIEW_APP_ID, reviewReadySeed, type ReviewReadyOptions, type Seed } from '@asc-actions/asc-emulator';
import { VirtualClock, type ConnectDeps } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { run } from '../src/main.js';
export const APP_ID = REVIEW_APP_ID;
export const START = Date.parse('2026-11-26T12:00:00Z');

/** 2.1 approved, waiting for the developer to release it, with an INACTIVE phased release. */
export function pendingSeed(options: ReviewReadyOptions = {}): Seed {
  return reviewReadySeed({
    now: START,
    ...options,
    version: {
      state: 'PENDING_DEVELOPER_RELEASE',
      releaseType: 'MANUAL',
      phasedRelease: 'INACTIVE',
      build: '100',
      ...options.version,
    },
  });
}

export type World = ActionHarness<ConnectDeps>;

/** `clock`: a virtual clock by default; a `WallClock` for runs of the bundle. */
export function world(s: Seed = pendingSeed(), clock: VirtualClock = new VirtualClock(START)): Promise<World> {
  return actionHarness<ConnectDeps>({
    run,
    bundle: 'release-version',
    seed: s,
    clock,
    inputs: { app: APP_ID },
    emulator: { rateLimit: { limit: 100_000 } },
  });
}
