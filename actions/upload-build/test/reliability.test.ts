/**
 * Seeded runs with about 10% of requests faulted (5xx, connections dropped before or after the
 * write was applied, on API calls and part PUTs alike). Each seed runs the action as a workflow
 * would, rerunning a failed step at most twice; the end is always exactly one build and one
 * build upload, never two. FAULT_RUNS sets the count (10 locally, 50 in CI).
 */
import { seededRandom, type Emulator } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { faultyFetch, type FaultKindSpec } from '../../upload-metadata/test/faulty-fetch.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { world } from './support.js';
import { faultRuns } from '../../../test-support/action-harness.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const API_FAULTS: FaultKindSpec[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];
const PART_FAULTS: FaultKindSpec[] = [{ kind: 'status', status: 503 }, { kind: 'drop-before' }, { kind: 'drop-after' }];
const PART_SIZE = 16 * 1024;

/**
 * Parts are sent by node:http, not fetch, so their faults are queued on the emulator's side:
 * each part PUT of an attempt is faulted with probability `rate`, chosen by the seed.
 */
function faultParts(emu: Emulator, random: () => number, parts: number, rate: number, injected: string[]): void {
  for (let part = 1; part <= parts; part++) {
    if (random() >= rate) continue;
    const fault = PART_FAULTS[Math.floor(random() * PART_FAULTS.length)]!;
    emu.faults.add({ ...fault, method: 'PUT', path: new RegExp(`^/__build-uploads/[^/]+/${part}$`) });
    injected.push(`${fault.kind}${fault.status ?? ''} part ${part}`);
  }
}

test(`${RUNS} seeded runs with 10% faults end with exactly one build and one build upload`, async () => {
  const summary: string[] = [];
  for (let seed = 1; seed <= RUNS; seed++) {
    const clock = new VirtualClock();
    const w = await world(undefined, { clock, processingMs: 4 * 60_000, partSize: PART_SIZE });
    const random = seededRandom(`upload-build|${seed}`);
    try {
      const file = await w.ipa('Demo.ipa', { payloadBytes: 100 * 1024 });
      const injected: string[] = [];
      const fetch = faultyFetch(w.emu, seed, injected, 0.1, () => API_FAULTS);
      const parts = Math.ceil(statSync(join(w.workspace, file)).size / PART_SIZE);
      let attempts = 0;
      let state = '';
      while (attempts < 3 && state !== 'processed' && state !== 'already-uploaded') {
        attempts++;
        faultParts(w.emu, random, parts, 0.1, injected);
        const result = await w.inProcess({ file }, clock, fetch);
        state = result.outputs.state ?? '';
      }
      const uploads = w.emu.state.all('buildUploads');
      const builds = w.emu.state.all('builds');
      summary.push(`seed ${seed}: ${injected.length} faults, ${attempts} attempt(s), ${state}`);
      expect({ seed, uploads: uploads.length, builds: builds.length }).toEqual({ seed, uploads: 1, builds: 1 });
      expect((uploads[0]!.attributes.state as { state: string }).state).toBe('COMPLETE');
      expect(w.emu.violations).toEqual([]);
    } finally {
      await w.close();
    }
  }
  process.stdout.write(`${summary.join('\n')}\n`);
}, 600_000);
