/**
 * 50 seeded runs of a 30-day backfill with a 10% chance of a fault on each report request
 * (5xx, 429, dropped connections before and after the answer, an expired token, a gzip body
 * cut short): every run writes the same bytes and the same outputs as a run without faults.
 * The faults are the emulator's own, programmed request by request from a seeded generator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, type FaultSpec } from '@asc-actions/asc-emulator';
import { startEnv, VENDOR, type Env } from './support.js';
import { faultRuns } from '../../../test-support/action-harness.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const FAULT_RATE = 0.1;
const FAULTS: Array<Omit<FaultSpec, 'path'>> = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'rate-limit', retryAfter: '1' },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
  { kind: 'expired-token' },
  { kind: 'truncated-gzip' },
];

let env: Env;
beforeAll(async () => {
  env = await startEnv({ reportVendors: [{ vendorNumber: VENDOR, rows: 6, noSalesDates: ['2026-11-08'] }] });
  env.emu.setRateLimit({ limit: 1_000_000, remaining: 1_000_000 });
});
afterAll(() => env.close());

const inputs = { from: '2026-10-27', to: '2026-11-25' };

test(`${RUNS} seeded runs with ${FAULT_RATE * 100}% faults give byte-identical outputs`, async () => {
  const path = join(env.dir, 'backfill.tsv');
  const clean = await env.run({ ...inputs, 'output-path': path });
  expect(clean.errors).toEqual([]);
  expect(env.emu.requests).toHaveLength(30);
  const expected = { file: readFileSync(path), outputs: clean.outputs };
  let injected = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const random = seededRandom(seed); // the emulator's generator (mulberry32)
    // Before each report request reaches the emulator, a seeded draw may program one fault for it.
    const faulty: typeof fetch = (input, init) => {
      if (String(input).includes('/v1/salesReports') && random() < FAULT_RATE) {
        env.emu.faults.add({ ...FAULTS[Math.floor(random() * FAULTS.length)]!, path: '/v1/salesReports' });
        injected++;
      }
      return fetch(input, init);
    };
    env.emu.requests.length = 0;
    const r = await env.run({ ...inputs, 'output-path': path }, { deps: { fetch: faulty } });
    expect([seed, r.errors]).toEqual([seed, []]);
    expect(readFileSync(path).equals(expected.file)).toBe(true);
    expect(r.outputs).toEqual(expected.outputs);
    expect(env.emu.faults.pending()).toEqual([]);
  }
  // About one request in ten was faulted (30 reports × 50 runs, plus the retries they caused).
  expect(injected).toBeGreaterThan(RUNS * 30 * FAULT_RATE * 0.7);
  expect(env.emu.violations).toEqual([]);
}, 120_000);
