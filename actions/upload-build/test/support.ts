/** Shared set-up: a workspace with generated .ipa files, an emulator with the app, and runs of the bundle or of run(). */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildUploadControl,
  startEmulator,
  type Emulator,
  type Seed,
  type TestFlightSeed,
} from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle, runInProcess, type RunResult } from '../../../test-support/runner.js';
import { run } from '../src/main.js';
import { writeIpa, type IpaSpec } from './ipa.js';

export const APP_ID = '1700000001';
export const BUNDLE_ID = 'com.example.demo';

export function appSeed(extra: TestFlightSeed = {}): Seed & TestFlightSeed {
  return {
    apps: [
      { id: APP_ID, name: 'Demo Notes', bundleId: BUNDLE_ID, primaryLocale: 'en-US' },
      { id: '1700000002', name: 'Demo Notes Staging', bundleId: `${BUNDLE_ID}.staging` },
    ],
    ...extra,
  };
}

export interface World {
  emu: Emulator;
  key: TestKey;
  workspace: string;
  /** Writes an .ipa into the workspace; returns its workspace-relative path. */
  ipa(name: string, spec?: IpaSpec): Promise<string>;
  bundle(inputs: Record<string, string>): Promise<RunResult>;
  inProcess(inputs: Record<string, string>, clock: VirtualClock, fetch?: typeof globalThis.fetch): Promise<RunResult>;
  /** API writes and part PUTs, in order (`PUT /__build-uploads/<file>/<n>`). */
  writes(): string[];
  close(): Promise<void>;
}

/** Processing short enough for a real-clock bundle run; parts small enough to make several. */
export async function world(
  seed: Seed = appSeed(),
  options: { clock?: VirtualClock; processingMs?: number; partSize?: number } = {},
): Promise<World> {
  const key = generateTestKey();
  const emu = await startEmulator({ seed, clock: options.clock, rateLimit: { limit: 3600 } });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const control = buildUploadControl(emu.state);
  control.partSize = options.partSize ?? 64 * 1024;
  control.processingMs = options.processingMs ?? 1_500;
  control.listedAfterMs = Math.floor(control.processingMs / 2);
  const workspace = mkdtempSync(join(tmpdir(), 'upload-build-ws-'));
  const credentials = {
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emu.baseUrl,
  };
  const secrets = keyEncodings(key.privatePem);
  return {
    emu,
    key,
    workspace,
    async ipa(name, spec = {}) {
      mkdirSync(join(workspace, 'build'), { recursive: true });
      await writeIpa(join(workspace, 'build', name), spec);
      return `build/${name}`;
    },
    bundle: (inputs) =>
      runBundle('upload-build', {
        inputs: { ...credentials, ...inputs },
        env: { GITHUB_WORKSPACE: workspace },
        secrets,
      }),
    inProcess: (inputs, clock, fetch) =>
      runInProcess(() => run({ clock, fetch }), {
        inputs: { ...credentials, ...inputs },
        env: { GITHUB_WORKSPACE: workspace },
        secrets,
      }),
    writes: () =>
      emu
        .transcript()
        .filter((l) => !l.startsWith('GET '))
        .map((l) => l.replace(/\?.*$/, '')),
    async close() {
      await emu.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
