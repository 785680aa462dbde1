/**
 * Test support for fetch-analytics-report: an emulator with one app on a virtual clock shared
 * with the action's client, a key made at run time, a workspace folder, and the run.
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator, type Seed } from '@asc-actions/asc-emulator';
import { VirtualClock, type Logger } from '@asc-actions/core';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runInProcess, type RunResult } from '../../../test-support/runner.js';
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

export interface Env {
  emu: Emulator;
  clock: VirtualClock;
  key: TestKey;
  /** The workspace (GITHUB_WORKSPACE). */
  dir: string;
  /** RUNNER_TEMP, the same for every run (the cache is tied to its paths). */
  temp: string;
  run(
    inputs: Record<string, string>,
    options?: { env?: Record<string, string | undefined>; deps?: RunDeps },
  ): Promise<RunResult>;
  close(): Promise<void>;
}

export async function startEnv(seed: Seed = withRequest(), now = NOW): Promise<Env> {
  const clock = new VirtualClock(now);
  const key = generateTestKey();
  const emu = await startEmulator({ seed, clock });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const dir = mkdtempSync(join(tmpdir(), 'fetch-analytics-report-'));
  const temp = join(dir, '.runner-temp');
  mkdirSync(temp);
  return {
    emu,
    clock,
    key,
    dir,
    temp,
    run: (inputs, options = {}) =>
      runInProcess(() => run({ clock, ...options.deps }), {
        inputs: {
          'issuer-id': key.issuerId,
          'key-id': key.keyId,
          'private-key': key.privatePem,
          'api-base-url': emu.baseUrl,
          app: APP_ID,
          cache: 'false',
          ...inputs,
        },
        env: { GITHUB_WORKSPACE: dir, RUNNER_TEMP: temp, ...options.env },
        secrets: keyEncodings(key.privatePem),
      }),
    close: () => emu.close(),
  };
}

/** A logger that keeps what it was told, for assertions. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`) };
}
