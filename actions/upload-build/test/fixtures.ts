/**
 * upload-build's own test material: the apps it is seeded with and its harness
 * (test-support/action-harness.ts) with the emulator's build-upload controls set — processing
 * short enough for a bundle run on the wall clock, parts small enough to make several — and
 * generated .ipa files in the workspace.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildUploadControl, type Seed, type TestFlightSeed } from '@asc-actions/asc-emulator';
import type { VirtualClock } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { WallClock } from '../../../test-support/wall-clock.js';
import { run, type RunDeps } from '../src/main.js';
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

export interface World extends ActionHarness<RunDeps> {
  /** Writes an .ipa into the workspace; returns its workspace-relative path. */
  ipa(name: string, spec?: IpaSpec): Promise<string>;
  /** API writes and part PUTs, in order, without queries (`PUT /__build-uploads/<file>/<n>`). */
  writes(): string[];
}

export interface WorldOptions {
  /**
   * The clock the emulator and in-process runs share. Default: a virtual clock (waits take no
   * time); give a `WallClock` for runs of the bundle, which keeps the system's time.
   */
  clock?: VirtualClock;
  processingMs?: number;
  partSize?: number;
}

export async function world(seed: Seed = appSeed(), options: WorldOptions = {}): Promise<World> {
  const h = await actionHarness<RunDeps>({
    run,
    bundle: 'upload-build',
    seed,
    clock: options.clock,
    emulator: { rateLimit: { limit: 3600 } },
  });
  const control = buildUploadControl(h.emulator.state);
  control.partSize = options.partSize ?? 64 * 1024;
  control.processingMs = options.processingMs ?? 1_500;
  control.listedAfterMs = Math.floor(control.processingMs / 2);
  return {
    ...h,
    async ipa(name, spec = {}) {
      mkdirSync(join(h.workspace, 'build'), { recursive: true });
      await writeIpa(join(h.workspace, 'build', name), spec);
      return `build/${name}`;
    },
    writes: () => h.writes().map((l) => l.replace(/\?.*$/, '')),
  };
}

/**
 * A world whose emulator keeps the system's time, for runs of the bundle. Processing takes half a
 * second by default: the action's first look at the upload comes after a second, so it finds the
 * build there and the bundle run does not wait for a second look.
 */
export const bundleWorld = (seed?: Seed, options: Omit<WorldOptions, 'clock'> = {}): Promise<World> =>
  world(seed, { processingMs: 500, ...options, clock: new WallClock() });
