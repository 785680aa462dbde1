import { performance } from 'node:perf_hooks';
import {
  startEmulator,
  type Seed,
  type SeedBetaGroup,
  type SeedBetaTester,
  type TestFlightSeed,
} from '@asc-actions/asc-emulator';
import { generateTestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { applySharedDefaults } from '../../test-support/shared-paths.js';
import { runInProcess } from '../../test-support/runner.js';
import { run } from '../../actions/assign-testflight-group/src/main.js';
import { TESTER_BATCH } from '../../actions/assign-testflight-group/src/plan/plan.js';
import type { BenchRow } from '../table.js';

const APP = '1600000001';
const LATENCY_MS = 100;
const GROUPS = 20;
const TESTERS = 500;

function seed(): Seed & TestFlightSeed {
  const groups: SeedBetaGroup[] = Array.from({ length: GROUPS }, (_, i) => ({
    app: APP,
    name: `Group ${String(i + 1).padStart(2, '0')}`,
  }));
  // Half the testers exist in App Store Connect (testers of the app, in none of the groups).
  const existing: SeedBetaTester[] = Array.from({ length: TESTERS / 2 }, (_, i) => ({
    email: `old${i}@example.com`,
    apps: [APP],
  }));
  return {
    apps: [{ id: APP, name: 'Demo Notes', bundleId: 'com.example.demo' }],
    betaGroups: groups,
    betaTesters: existing,
    builds: [
      {
        app: APP,
        version: '1.4',
        buildNumber: '42',
        uploadedDate: new Date(Date.now() - 3_600_000).toISOString(),
        usesNonExemptEncryption: false,
      },
    ],
    betaAppLocalizations: [{ app: APP, locale: 'en-US', description: 'Notes.', feedbackEmail: 'beta@example.com' }],
    betaAppReviewDetails: [
      {
        app: APP,
        contactFirstName: 'R',
        contactLastName: 'V',
        contactPhone: '+1 555 0100',
        contactEmail: 'r@example.com',
      },
    ],
  };
}

/**
 * 20 groups get the build and 500 testers (250 existing in none of the groups, 250 new) join all
 * of them, with 100 ms latency on every request (real time) and the emulator checking every
 * request against the spec. Issue #13's restated goal: writes ≤ 1 + new testers + groups ×
 * ⌈existing / batch⌉ + 3 (What to Test, submission and one spare), and reads ≤ 15 beyond the
 * build lookup (`GET /v1/builds?…`, which a build-id input skips).
 */
export async function assignTestflightGroup(): Promise<BenchRow[]> {
  applySharedDefaults();
  const key = generateTestKey();
  const emulator = await startEmulator({ seed: seed(), rateLimit: { limit: 1_000_000 } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  emulator.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, times: Infinity });
  try {
    const existing = Array.from({ length: TESTERS / 2 }, (_, i) => `old${i}@example.com`);
    const testers = [...existing, ...Array.from({ length: TESTERS / 2 }, (_, i) => `new${i}@example.com`)];
    const t0 = performance.now();
    const result = await runInProcess(() => run(), {
      inputs: {
        'issuer-id': key.issuerId,
        'key-id': key.keyId,
        'private-key': key.privatePem,
        'api-base-url': emulator.baseUrl,
        app: APP,
        'build-number': '42',
        groups: Array.from({ length: GROUPS }, (_, i) => `Group ${String(i + 1).padStart(2, '0')}`).join('\n'),
        testers: testers.join('\n'),
        'test-notes': 'Try it.',
      },
      secrets: keyEncodings(key.privatePem),
    });
    const ms = performance.now() - t0;
    const lines = emulator.transcript();
    const writes = lines.filter((l) => !l.startsWith('GET '));
    const reads = lines.filter((l) => l.startsWith('GET ') && !l.startsWith('GET /v1/builds?'));
    const creates = writes.filter((l) => /^POST \/v1\/betaTesters$/.test(l)).length;
    const newTesters = TESTERS / 2;
    const goal = 1 + newTesters + GROUPS * Math.ceil(existing.length / TESTER_BATCH) + 3;
    const ok = result.exitCode === 0 && emulator.violations.length === 0;
    return [
      {
        scenario: `assign-testflight-group: ${GROUPS} groups, ${TESTERS} testers (${existing.length} existing in no group, ${newTesters} new), ${LATENCY_MS} ms latency`,
        figure: `${writes.length} writes (${creates} tester creates, batches of ≤${TESTER_BATCH}), ${(ms / 1000).toFixed(1)} s${ok ? '' : ' — FAILED'}`,
        goal: `≤ ${goal} writes (1 + ${newTesters} + ${GROUPS}×⌈${existing.length}/${TESTER_BATCH}⌉ + 3)`,
        met: ok && writes.length <= goal,
      },
      {
        scenario: 'assign-testflight-group: the same, reads beyond the build lookup (read-back included)',
        figure: `${reads.length} reads`,
        goal: '≤ 15',
        met: ok && reads.length <= 15,
      },
    ];
  } finally {
    await emulator.close();
  }
}
