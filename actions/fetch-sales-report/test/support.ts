/**
 * Test support for fetch-sales-report: an emulator that generates reports on a virtual clock
 * shared with the action's client (nothing really sleeps), a key made at run time, and the run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator, type Seed } from '@asc-actions/asc-emulator';
import { VirtualClock, silentLogger, type Logger } from '@asc-actions/core';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runInProcess, type RunResult } from '../../../test-support/runner.js';
import { run, type RunDeps } from '../src/main.js';

export const VENDOR = '86000000';
/** 10:00 Pacific on 26 November 2026: the newest daily report is the 25th's. */
export const NOW = Date.parse('2026-11-26T18:00:00Z');

export interface Env {
  emu: Emulator;
  clock: VirtualClock;
  key: TestKey;
  dir: string;
  /** Runs the action in this process with these inputs (credentials and API URL added). */
  run(
    inputs: Record<string, string>,
    options?: { env?: Record<string, string | undefined>; deps?: RunDeps },
  ): Promise<RunResult>;
  close(): Promise<void>;
}

export async function startEnv(
  seed: Seed = { reportVendors: [{ vendorNumber: VENDOR, rows: 25 }] },
  now = NOW,
): Promise<Env> {
  const clock = new VirtualClock(now);
  const key = generateTestKey();
  const emu = await startEmulator({ seed, clock });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const dir = mkdtempSync(join(tmpdir(), 'fetch-sales-report-'));
  return {
    emu,
    clock,
    key,
    dir,
    run: (inputs, options = {}) =>
      runInProcess(() => run({ clock, logger: options.deps?.logger, ...options.deps }), {
        inputs: {
          'issuer-id': key.issuerId,
          'key-id': key.keyId,
          'private-key': key.privatePem,
          'api-base-url': emu.baseUrl,
          'vendor-number': VENDOR,
          cache: 'false',
          ...inputs,
        },
        // The output folder is the workspace: files are written only there (or in RUNNER_TEMP).
        env: { GITHUB_WORKSPACE: dir, ...options.env },
        secrets: keyEncodings(key.privatePem),
      }),
    close: () => emu.close(),
  };
}

/** A logger that keeps what it was told (warnings included), for assertions. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`) };
}

export { silentLogger };
