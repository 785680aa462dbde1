/**
 * Seeded runs (FAULT_RUNS: 10 locally, 50 in CI), each against a fresh emulator whose random soak
 * fails 10% of requests (5xx, 429, dropped connections before and after the write is applied,
 * expired tokens). Every run must end in the state a fault-free run reaches, with no tester or
 * submission created twice.
 */
import type { Emulator, FaultChoice } from '@asc-actions/asc-emulator';
import { APP_ID, MIN, PUBLIC_BETA, baseSeed, world } from './fixtures.js';
import { faultRuns } from '../../../test-support/action-harness.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const FAULT_RATE = 0.1;
const KINDS: FaultChoice[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'rate-limit' },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
  { kind: 'expired-token' },
];

const seed = () =>
  baseSeed({
    builds: [
      {
        app: APP_ID,
        version: '2.0',
        buildNumber: '100',
        uploadedDate: '2026-11-26T11:58:00Z',
        listedAfterMs: 3 * MIN,
        processingMs: 6 * MIN,
        betaDetailLagMs: MIN,
        autoNotifyEnabled: false,
      },
    ],
    betaTesters: [
      { email: 'ada@example.com', betaGroups: [PUBLIC_BETA] },
      { email: 'grace@example.com', betaGroups: [PUBLIC_BETA] },
      { email: 'edsger@example.com' },
      { email: 'barbara@example.com' },
    ],
  });

const inputs = {
  app: 'com.example.demo',
  version: '2.0',
  'build-number': '100',
  groups: 'Public Beta\nNightly',
  'create-missing-groups': 'true',
  testers: ['ada', 'grace', 'edsger', 'barbara', 'linus', 'margaret'].map((n) => `${n}@example.com`).join('\n'),
  'test-notes': '{"en-US": "Sync", "de-DE": "Abgleich"}',
  'uses-non-exempt-encryption': 'false',
  'notify-testers': 'true',
};

/** The parts of the emulator's state this action is responsible for, by name (ids may differ). */
function snapshot(emu: Emulator): unknown {
  const s = emu.state;
  const emails = (ids: string[]) => ids.map((id) => String(s.get('betaTesters', id)?.attributes.email)).sort();
  return {
    groups: s.betaGroups().map((g) => ({
      name: g.attributes.name,
      internal: g.attributes.isInternalGroup,
      builds: s.relatedIds(g, 'builds').length,
      testers: emails(s.relatedIds(g, 'betaTesters')),
    })),
    testers: s
      .all('betaTesters')
      .map((t) => String(t.attributes.email))
      .sort(),
    builds: s.all('builds').map((b) => ({
      version: b.attributes.version,
      compliance: b.attributes.usesNonExemptEncryption,
      expired: b.attributes.expired,
    })),
    notes: s
      .all('betaBuildLocalizations')
      .map((l) => `${String(l.attributes.locale)}=${String(l.attributes.whatsNew)}`)
      .sort(),
    submissions: s.all('betaAppReviewSubmissions').map((x) => x.attributes.betaReviewState),
    autoNotify: s.all('buildBetaDetails').map((d) => d.attributes.autoNotifyEnabled),
  };
}

test(`${RUNS} seeded runs with ${FAULT_RATE * 100}% faults end in the fault-free state, nothing created twice`, async () => {
  const reference = await world(seed());
  const clean = await reference.run(inputs, { deps: { concurrency: 1 } });
  expect(clean.errors).toEqual([]);
  const expected = snapshot(reference.emulator);
  expect(reference.emulator.violations).toEqual([]);
  await reference.close();
  expect(reference.emulator.state.all('buildBetaNotifications')).toHaveLength(1);
  expect(expected).toMatchObject({
    submissions: ['WAITING_FOR_REVIEW'],
    autoNotify: [false],
    testers: expect.arrayContaining(['linus@example.com', 'margaret@example.com']),
  });

  let faults = 0;
  let reruns = 0;
  for (let run = 1; run <= RUNS; run++) {
    const t0 = Date.now();
    const w = await world(seed());
    try {
      // The emulator's random soak: every run's faults are reproducible from its seed.
      w.emulator.faults.random({ seed: run, rate: FAULT_RATE, kinds: KINDS });
      let result = await w.run(inputs, { deps: { concurrency: 1 } });
      if (result.exitCode !== 0) {
        if (process.env.FAULT_TRACE) {
          const tail = w.emulator.requests
            .slice(-4)
            .map((r) => `${r.method} ${r.path} ${r.status}${r.authFailure ? ` (${r.authFailure})` : ''}`);
          process.stderr.write(
            `run ${run} failed: ${result.errors.join(' | ').slice(0, 120)}\n  ${tail.join('\n  ')}\n`,
          );
        }
        reruns++;
        result = await w.run(inputs, { deps: { concurrency: 1 } }); // a rerun converges
      }
      expect({ run, errors: result.errors }).toEqual({ run, errors: [] });
      expect({ run, state: snapshot(w.emulator) }).toEqual({ run, state: expected });
      const created = w.emulator.requests.filter(
        (r) =>
          r.method === 'POST' &&
          r.status === 201 &&
          ['/v1/betaTesters', '/v1/betaAppReviewSubmissions', '/v1/betaGroups'].includes(r.path),
      );
      const keys = created.map(
        (r) =>
          `${r.path} ${JSON.stringify((r.requestBody as { data: { attributes?: unknown } }).data.attributes ?? {})}`,
      );
      expect(new Set(keys).size).toBe(keys.length);
      // A notification is never sent twice (one whose answer was lost before Apple got it is not resent).
      expect(w.emulator.state.all('buildBetaNotifications').length).toBeLessThanOrEqual(1);
      faults += w.emulator.requests.filter(
        (r) => r.status === 0 || r.status >= 500 || r.status === 429 || r.authFailure?.startsWith('fault'),
      ).length;
      expect(w.emulator.violations).toEqual([]);
    } finally {
      await w.close();
    }
    if (process.env.FAULT_TRACE)
      process.stderr.write(`run ${run}: ${Date.now() - t0} ms, ${w.emulator.requests.length} requests\n`);
  }
  expect(faults).toBeGreaterThan(RUNS); // the faults did fire (about one in ten requests)
  // A run may stop when faults stack up beyond what a retry absorbs (two injected 401s in a row
  // read as bad credentials, rightly), or when the notification POST meets a 5xx: it is never
  // retried, so it is never sent twice (RATE × 2/6 of runs, 3 %, on average; seeds 1–50 happen to
  // draw it 6 times). Its rerun must converge. That stays rare: 8 of seeds 1–50 stopped once.
  expect(reruns).toBeLessThanOrEqual(Math.max(2, RUNS / 5));
  if (process.env.FAULT_TRACE) process.stderr.write(`faults fired: ${faults}; runs that needed a rerun: ${reruns}\n`);
}, 240_000);
