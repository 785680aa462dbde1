/**
 * Reliability: seeded runs with about 10 % of requests faulted by the emulator's random soak
 * (429, 500/503, connections dropped before or after the request is applied, on the API and on
 * the segment URLs; truncated segment bodies) — every run ends with byte-identical outputs, and
 * the app gets one report request ever. FAULT_RUNS sets the number of runs (10 locally, 50 in CI).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultChoice, InjectedFault } from '@asc-actions/asc-emulator';
import { faultRuns } from '../../../test-support/action-harness.js';
import { APP_ID, analyticsHarness, REQUESTED_AT, type Harness } from './fixtures.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const RATE = 0.1;
const NEW_APP = '6400000009';
const API_KINDS: FaultChoice[] = [
  { kind: 'rate-limit', retryAfter: '1' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];
const SEGMENT_KINDS: FaultChoice[] = [...API_KINDS.filter((k) => k.kind !== 'rate-limit'), { kind: 'truncated-gzip' }];
const FILES = ['app-store-discovery-and-engagement-standard.csv', 'app-downloads-standard.csv'];
/** A file's bytes as a string with one character per byte: `toBe` then asserts byte identity fast. */
const bytes = (path: string): string => readFileSync(path, 'latin1');

let h: Harness;
beforeAll(async () => {
  h = await analyticsHarness({
    apps: [
      { id: APP_ID, name: 'Notes', bundleId: 'com.example.notes' },
      { id: NEW_APP, name: 'Tasks', bundleId: 'com.example.tasks' },
    ],
    analytics: { requests: [{ app: APP_ID, createdAt: REQUESTED_AT }] },
  });
});
afterAll(() => h.close());

test(
  `${RUNS} seeded runs with ${RATE * 100} % faults: byte-identical outputs, one report request ever`,
  async () => {
    const clean = await h.run({ 'output-path': 'clean' });
    expect(clean.errors).toEqual([]);
    const expected = FILES.map((f) => bytes(join(h.workspace, 'clean', f)));
    const injected: InjectedFault[] = [];
    const failures: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const log = h.emulator.faults.random({
        seed,
        rate: RATE,
        kinds: ({ pathname }) => (pathname.startsWith('/analytics-segments/') ? SEGMENT_KINDS : API_KINDS),
      });
      const first = await h.run({ app: NEW_APP });
      if (first.exitCode !== 0) failures.push(`run ${seed} (first run): ${first.errors.join(' ')}`);
      const out = `run-${seed}`;
      const later = await h.run({ 'output-path': out });
      h.emulator.faults.clear();
      injected.push(...log);
      if (later.exitCode !== 0) {
        failures.push(`run ${seed}: ${later.errors.join(' ')}`);
        continue;
      }
      expect(later.outputs.summary).toBe(clean.outputs.summary);
      FILES.forEach((f, i) => expect(bytes(join(h.workspace, out, f))).toBe(expected[i]));
      rmSync(join(h.workspace, out), { recursive: true });
    }
    expect(failures).toEqual([]);
    expect(injected.length).toBeGreaterThan(RUNS);
    expect(injected.some((f) => f.kind === 'truncated-gzip')).toBe(true);
    const requests = h.emulator.state.all('analyticsReportRequests');
    expect(requests).toHaveLength(2); // the seeded one and the one created for the new app, once
    expect(h.emulator.violations).toEqual([]);
  },
  Math.max(120_000, RUNS * 12_000),
); // about 1 s a run idle; the bound leaves room for a machine ten times busier
