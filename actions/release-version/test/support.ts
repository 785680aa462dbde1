/** Shared set-up: the review-ready app with 2.1 approved for a manual release (phased), the emulator on a virtual clock. */
import {
  REVIEW_APP_ID,
  reviewReadySeed,
  startEmulator,
  type Emulator,
  type ReviewReadyOptions,
  type Seed,
} from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runInProcess, type RunResult } from '../../../test-support/runner.js';
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

export interface World {
  emu: Emulator;
  clock: VirtualClock;
  key: TestKey;
  run(inputs: Record<string, string>, options?: { fetch?: typeof fetch }): Promise<RunResult>;
  writes(): string[];
  close(): Promise<void>;
}

export async function world(s: Seed = pendingSeed(), clock = new VirtualClock(START)): Promise<World> {
  const key = generateTestKey();
  const emu = await startEmulator({ seed: s, clock, rateLimit: { limit: 100_000 } });
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
      runInProcess(() => run({ clock, fetch: options.fetch }), {
        inputs: { app: APP_ID, ...credentials, ...inputs },
        secrets: keyEncodings(key.privatePem),
      }),
    writes: () => emu.transcript().filter((l) => !l.startsWith('GET ')),
    close: () => emu.close(),
  };
}
