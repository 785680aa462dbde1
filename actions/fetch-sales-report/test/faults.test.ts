/**
 * Seeded runs of a 30-day backfill (FAULT_RUNS: 10 locally, 50 in CI) with a 10% chance of a
 * fault on each report request (5xx, 429, dropped connections before and after the answer, an
 * expired token, a gzip body cut short): every run writes the same bytes and the same outputs as
 * a run without faults. The faults are the emulator's seeded soak (`faults.random`), drawn per
 * request, so a seed replays the same faults whatever the order the reports are fetched in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultChoice, InjectedFault } from '@asc-actions/asc-emulator';
import { faultRuns } from '../../../test-support/action-harness.js';
import { salesHarness, VENDOR, type Harness } from './fixtures.js';

const RUNS = faultRuns();
const FAULT_RATE = 0.1;
const KINDS: FaultChoice[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'rate-limit', retryAfter: '1' },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
  { kind: 'expired-token' },
  { kind: 'truncated-gzip' },
];

let h: Harness;
beforeAll(async () => {
  h = await salesHarness({ reportVendors: [{ vendorNumber: VENDOR, rows: 6, noSalesDates: ['2026-11-08'] }] });
  h.emulator.setRateLimit({ limit: 1_000_000, remaining: 1_000_000 });
});
afterAll(() => h.close());

const inputs = { from: '2026-10-27', to: '2026-11-25' };

test(`${RUNS} seeded runs with ${FAULT_RATE * 100}% faults give byte-identical outputs`, async () => {
  const path = join(h.workspace, 'backfill.tsv');
  const clean = await h.run({ ...inputs, 'output-path': path });
  expect(clean.errors).toEqual([]);
  expect(h.emulator.requests).toHaveLength(30);
  // Compared as text: Buffer equality in expect is slow on a busy machine.
  const expected = { file: readFileSync(path, 'latin1'), outputs: clean.outputs };
  const injected: InjectedFault[] = [];
  for (let seed = 1; seed <= RUNS; seed++) {
    const log = h.emulator.faults.random({ seed, rate: FAULT_RATE, kinds: KINDS, path: '/v1/salesReports' });
    h.emulator.requests.length = 0;
    try {
      const r = await h.run({ ...inputs, 'output-path': path });
      expect([seed, r.errors]).toEqual([seed, []]);
      expect(readFileSync(path, 'latin1') === expected.file).toBe(true);
      expect(r.outputs).toEqual(expected.outputs);
    } finally {
      injected.push(...log);
      h.emulator.faults.clear();
    }
  }
  // About one report request in ten met a fault (30 reports a run, plus the retries they caused).
  expect(injected.length).toBeGreaterThan(RUNS * 30 * FAULT_RATE * 0.5);
  expect(new Set(injected.map((f) => f.kind)).size).toBeGreaterThan(3);
  expect(h.emulator.violations).toEqual([]);
}, 300_000);
