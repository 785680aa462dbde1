/** Shared set-up: an emulator and a client on one virtual clock, a seed, and the action's run. */
import { startEmulator, type Emulator, type Seed, type TestFlightSeed } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runInProcess, type RunResult } from '../../../test-support/runner.js';
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

export interface World {
  emu: Emulator;
  clock: VirtualClock;
  key: TestKey;
  run(inputs: Record<string, string>, options?: { concurrency?: number; fetch?: typeof fetch }): Promise<RunResult>;
  /** Transcript lines of writes (POST/PATCH/DELETE). */
  writes(): string[];
  close(): Promise<void>;
}

export async function world(seed: Seed, clock = new VirtualClock(START)): Promise<World> {
  const key = generateTestKey();
  const emu = await startEmulator({ seed, clock, rateLimit: { limit: 3600 } });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const credentials = {
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emu.baseUrl,
  };
  return {
    emu,
    clock,
    key,
    run: (inputs, options = {}) =>
      runInProcess(() => run({ clock, concurrency: options.concurrency, fetch: options.fetch }), {
        inputs: { ...credentials, ...inputs },
        secrets: keyEncodings(key.privatePem),
      }),
    writes: () => emu.transcript().filter((l) => !l.startsWith('GET ')),
    close: () => emu.close(),
  };
}
