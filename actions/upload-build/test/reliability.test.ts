/**
 * Seeded runs with about 10% of requests faulted (5xx, connections dropped before or after the
 * write was applied, on API calls and part PUTs alike). Each seed runs the action as a workflow
 * would, rerunning a failed step at most twice; the end is always exactly one build and one
 * build upload, never two. FAULT_RUNS lowers the count locally (default 50).
 */
import { VirtualClock } from '@asc-actions/core';
import { faultyFetch, type FaultKindSpec } from '../../upload-metadata/test/faulty-fetch.js';
import { world } from './support.js';

const RUNS = Number(process.env.FAULT_RUNS ?? 50);
const API_FAULTS: FaultKindSpec[] = [{ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'drop-before' }, { kind: 'drop-after' }];
const PART_FAULTS: FaultKindSpec[] = [{ kind: 'status', status: 503 }, { kind: 'drop-before' }, { kind: 'drop-after' }];

test(`${RUNS} seeded runs with 10% faults end with exactly one build and one build upload`, async () => {
  const summary: string[] = [];
  for (let seed = 1; seed <= RUNS; seed++) {
    const clock = new VirtualClock();
    const w = await world(undefined, { clock, processingMs: 4 * 60_000, partSize: 16 * 1024 });
    try {
      const file = await w.ipa('Demo.ipa', { payloadBytes: 100 * 1024 });
      const injected: string[] = [];
      const fetch = faultyFetch(w.emu, seed, injected, 0.1, (url) => (url.pathname.startsWith('/__build-uploads/') ? PART_FAULTS : API_FAULTS));
      let attempts = 0;
      let state = '';
      while (attempts < 3 && state !== 'processed' && state !== 'already-uploaded') {
        attempts++;
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
