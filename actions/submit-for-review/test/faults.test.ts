/**
 * Reliability: Seeded runs (FAULT_RUNS: 10 locally, 50 in CI), each against a fresh emulator
 * with about 10% of requests failing (503 before the request is applied, or the connection
 * dropped before or after it is applied). Each run reruns the action until it succeeds, as a
 * workflow rerun would; every run must end with exactly one submission, WAITING_FOR_REVIEW,
 * holding exactly one item: never a second submission, an empty draft or a second item.
 */
import { createHash } from 'node:crypto';
import type { Emulator, FaultSpec } from '@asc-actions/asc-emulator';
import { world } from './support.js';
import { faultRuns } from '../../../test-support/action-harness.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const RATE = 0.1;
const KINDS: Array<Omit<FaultSpec, 'method' | 'path'>> = [
  { kind: 'status', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];

/** Before a request is sent, maybe queue a one-time fault for exactly that request (a hash of seed, request, count). */
function faultyFetch(emu: Emulator, seed: number, injected: string[]): typeof fetch {
  const sent = new Map<string, number>();
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const key = `${method} ${url.pathname}${url.search}`;
    const n = (sent.get(key) ?? 0) + 1;
    sent.set(key, n);
    const digest = createHash('sha256').update(`${seed}|${key}|${n}`).digest();
    if (digest.readUInt32BE(0) / 2 ** 32 < RATE) {
      const fault = KINDS[digest[4]! % KINDS.length]!;
      emu.faults.add({ ...fault, method, path: url.pathname });
      injected.push(`${fault.kind}${fault.status ?? ''} ${method} ${url.pathname}`);
    }
    return fetch(input, init);
  };
}

test(`${RUNS} seeded runs with ${RATE * 100}% faults end with one submission holding one item`, async () => {
  const outcomes: string[] = [];
  let faults = 0;
  let writeFaults = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const w = await world();
    try {
      const injected: string[] = [];
      const fetch = faultyFetch(w.emu, seed, injected);
      let attempts = 0;
      for (let ok = false; !ok && attempts < 5;) {
        attempts++;
        ok =
          (await w.run({ 'build-number': '100', 'phased-release': 'true', 'release-type': 'manual' }, { fetch }))
            .exitCode === 0;
      }
      faults += injected.length;
      writeFaults += injected.filter((f) => !f.includes(' GET ')).length;
      const subs = w.submissions();
      outcomes.push(
        `${seed}: ${attempts} run(s), ${subs.map((s) => `${String(s.state)}×${s.items}`).join(' ') || 'none'}`,
      );
      expect({ seed, subs: subs.map((s) => [s.state, s.items]) }).toEqual({ seed, subs: [['WAITING_FOR_REVIEW', 1]] });
      expect(w.emu.state.all('appStoreVersionPhasedReleases')).toHaveLength(1);
      expect(w.emu.violations).toEqual([]);
    } finally {
      await w.close();
    }
  }
  // The faults must have touched writes too, or the test proves little.
  expect(writeFaults).toBeGreaterThan(0);
  expect(outcomes).toHaveLength(RUNS);
  process.stderr.write(`faults: ${faults} injected (${writeFaults} on writes) over ${RUNS} runs\n`);
}, 600_000);
