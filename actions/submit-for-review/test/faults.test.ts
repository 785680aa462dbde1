/**
 * Reliability: Seeded runs (FAULT_RUNS: 10 locally, 50 in CI), each against a fresh emulator
 * whose random soak fails about 10% of requests (503 before the request is applied, or the connection
 * dropped before or after it is applied). Each run reruns the action until it succeeds, as a
 * workflow rerun would; every run must end with exactly one submission, WAITING_FOR_REVIEW,
 * holding exactly one item: never a second submission, an empty draft or a second item.
 */
import type { FaultChoice } from '@asc-actions/asc-emulator';
import { faultRuns } from '../../../test-support/action-harness.js';
import { world } from './fixtures.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const RATE = 0.1;
const KINDS: FaultChoice[] = [{ kind: 'status', status: 503 }, { kind: 'drop-before' }, { kind: 'drop-after' }];

test(`${RUNS} seeded runs with ${RATE * 100}% faults end with one submission holding one item`, async () => {
  const outcomes: string[] = [];
  let faults = 0;
  let writeFaults = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const w = await world();
    try {
      const injected = w.emulator.faults.random({ seed, rate: RATE, kinds: KINDS });
      let attempts = 0;
      for (let ok = false; !ok && attempts < 5;) {
        attempts++;
        ok =
          (await w.run({ 'build-number': '100', 'phased-release': 'true', 'release-type': 'manual' })).exitCode === 0;
      }
      faults += injected.length;
      writeFaults += injected.filter((f) => f.method !== 'GET').length;
      const subs = w.submissions();
      outcomes.push(
        `${seed}: ${attempts} run(s), ${subs.map((s) => `${String(s.state)}×${s.items}`).join(' ') || 'none'}`,
      );
      expect({ seed, subs: subs.map((s) => [s.state, s.items]) }).toEqual({ seed, subs: [['WAITING_FOR_REVIEW', 1]] });
      expect(w.emulator.state.all('appStoreVersionPhasedReleases')).toHaveLength(1);
      expect(w.emulator.violations).toEqual([]);
    } finally {
      await w.close();
    }
  }
  // The faults must have touched writes too, or the test proves little.
  expect(writeFaults).toBeGreaterThan(0);
  expect(outcomes).toHaveLength(RUNS);
  process.stderr.write(`faults: ${faults} injected (${writeFaults} on writes) over ${RUNS} runs\n`);
}, 600_000);
