/**
 * Seeded runs with about 10% of requests faulted by the emulator's random soak (5xx,
 * connections dropped before or after the write was applied, on API calls and part PUTs alike).
 * Each seed runs the action as a workflow would, rerunning a failed step at most twice; the end
 * is always exactly one build and one build upload, never two. FAULT_RUNS sets the count (10
 * locally, 50 in CI).
 */
import type { FaultChoice, InjectedFault } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { faultRuns } from '../../../test-support/action-harness.js';
import { world } from './fixtures.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const API_FAULTS: FaultChoice[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];
const PART_FAULTS: FaultChoice[] = [{ kind: 'status', status: 503 }, { kind: 'drop-before' }, { kind: 'drop-after' }];
const PART_SIZE = 16 * 1024;

test(`${RUNS} seeded runs with 10% faults end with exactly one build and one build upload`, async () => {
  const summary: string[] = [];
  const all: InjectedFault[] = [];
  for (let seed = 1; seed <= RUNS; seed++) {
    const clock = new VirtualClock();
    const w = await world(undefined, { clock, processingMs: 4 * 60_000, partSize: PART_SIZE });
    try {
      const file = await w.ipa('Demo.ipa', { payloadBytes: 100 * 1024 });
      const injected = w.emulator.faults.random({
        seed: `upload-build|${seed}`,
        rate: 0.1,
        kinds: ({ pathname }) => (pathname.startsWith('/__build-uploads/') ? PART_FAULTS : API_FAULTS),
      });
      let attempts = 0;
      let state = '';
      while (attempts < 3 && state !== 'processed' && state !== 'already-uploaded') {
        attempts++;
        const result = await w.run({ file });
        state = result.outputs.state ?? '';
      }
      all.push(...injected);
      const uploads = w.emulator.state.all('buildUploads');
      const builds = w.emulator.state.all('builds');
      summary.push(`seed ${seed}: ${injected.length} faults, ${attempts} attempt(s), ${state}`);
      expect({ seed, uploads: uploads.length, builds: builds.length }).toEqual({ seed, uploads: 1, builds: 1 });
      expect((uploads[0]!.attributes.state as { state: string }).state).toBe('COMPLETE');
      expect(w.emulator.violations).toEqual([]);
    } finally {
      await w.close();
    }
  }
  // The soak must have reached the parts and the writes, or it proves little.
  expect(all.some((f) => f.path.startsWith('/__build-uploads/'))).toBe(true);
  expect(all.some((f) => f.method !== 'GET' && !f.path.startsWith('/__build-uploads/'))).toBe(true);
  process.stdout.write(`${summary.join('\n')}\n`);
}, 600_000);
