/**
 * fetch-sales-report's own test material: the vendor and "now" its reports are generated for, its
 * harness (test-support/action-harness.ts: an emulator generating reports on a virtual clock
 * shared with the action's client, `vendor-number` and `cache: false` by default), and a logger
 * that keeps what it was told.
 */
import type { Seed } from '@asc-actions/asc-emulator';
import { VirtualClock, type Logger } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { run, type RunDeps } from '../src/main.js';

export const VENDOR = '86000000';
/** 10:00 Pacific on 26 November 2026: the newest daily report is the 25th's. */
export const NOW = Date.parse('2026-11-26T18:00:00Z');

export type Harness = ActionHarness<RunDeps>;

export function salesHarness(
  seed: Seed = { reportVendors: [{ vendorNumber: VENDOR, rows: 25 }] },
  now = NOW,
): Promise<Harness> {
  return actionHarness<RunDeps>({
    run,
    bundle: 'fetch-sales-report',
    seed,
    clock: new VirtualClock(now),
    inputs: { 'vendor-number': VENDOR, cache: 'false' },
  });
}

/** A logger that keeps what it was told (warnings included), for assertions. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`) };
}
