/**
 * assign-testflight-group's own test material: Demo Notes with two groups and its TestFlight
 * seed, and its harness (test-support/action-harness.ts) on a virtual clock.
 */
import type { Seed, TestFlightSeed } from '@asc-actions/asc-emulator';
import { VirtualClock, type ConnectDeps } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { run } from '../src/main.js';

export const APP_ID = '1600000001';
export const PUBLIC_BETA = 'a1b2c3d4-0000-4000-8000-000000000002';
export const STAFF = 'a1b2c3d4-0000-4000-8000-000000000001';
export const START = Date.parse('2026-11-26T12:00:00Z');
export const MIN = 60_000;

/** Demo Notes with two groups, full test information, and one existing tester in Public Beta. */
export function baseSeed(extra: TestFlightSeed = {}): Seed & TestFlightSeed {
  return {
    apps: [{ id: APP_ID, name: 'Demo Notes', bundleId: 'com.example.demo', primaryLocale: 'en-US' }],
    betaGroups: [
      { id: STAFF, app: APP_ID, name: 'Staff', isInternalGroup: true },
      { id: PUBLIC_BETA, app: APP_ID, name: 'Public Beta' },
    ],
    betaAppLocalizations: [
      { app: APP_ID, locale: 'en-US', description: 'Notes, synced.', feedbackEmail: 'beta@example.com' },
    ],
    betaAppReviewDetails: [
      {
        app: APP_ID,
        contactFirstName: 'Riley',
        contactLastName: 'Reviewer',
        contactPhone: '+1 555 0100',
        contactEmail: 'review@example.com',
      },
    ],
    betaTesters: [{ email: 'ada@example.com', firstName: 'Ada', betaGroups: [PUBLIC_BETA] }],
    ...extra,
  };
}

export type World = ActionHarness<ConnectDeps>;

/** `clock`: a virtual clock by default; a `WallClock` for runs of the bundle. */
export function world(seed: Seed, clock: VirtualClock = new VirtualClock(START)): Promise<World> {
  return actionHarness<ConnectDeps>({
    run,
    bundle: 'assign-testflight-group',
    seed,
    clock,
    emulator: { rateLimit: { limit: 3600 } },
  });
}
