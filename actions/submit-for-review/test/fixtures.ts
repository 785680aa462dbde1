/**
 * submit-for-review's own test material: the review-ready seed, and its harness
 * (test-support/action-harness.ts) with the app as a default input and a helper that reads the
 * app's submissions from the emulator.
 */
import { REVIEW_APP_ID, reviewReadySeed, type ReviewReadyOptions, type Seed } from '@asc-actions/asc-emulator';
import { VirtualClock, type ConnectDeps } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { run } from '../src/main.js';

export const APP_ID = REVIEW_APP_ID;
export const START = Date.parse('2026-11-26T12:00:00Z');

export function seed(options: ReviewReadyOptions = {}): Seed {
  return reviewReadySeed({ now: START, ...options });
}

export interface World extends ActionHarness<ConnectDeps> {
  /** Submissions of the app: state and how many items. */
  submissions(): Array<{ id: string; state: unknown; items: number }>;
}

/** `clock`: a virtual clock by default; a `WallClock` for runs of the bundle. */
export async function world(s: Seed = seed(), clock: VirtualClock = new VirtualClock(START)): Promise<World> {
  const h = await actionHarness<ConnectDeps>({
    run,
    bundle: 'submit-for-review',
    seed: s,
    clock,
    inputs: { app: APP_ID },
    emulator: { rateLimit: { limit: 100_000 } },
  });
  const state = h.emulator.state;
  return {
    ...h,
    submissions: () =>
      state.all('reviewSubmissions').map((s) => ({
        id: s.id,
        state: s.attributes.state,
        items: state.all('reviewSubmissionItems').filter((i) => state.relatedId(i, 'reviewSubmission') === s.id).length,
      })),
  };
}
