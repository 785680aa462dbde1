import { performance } from 'node:perf_hooks';
import { REVIEW_APP_ID, reviewReadySeed, startEmulator } from '@asc-actions/asc-emulator';
import { generateTestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { applySharedDefaults } from '../../test-support/shared-paths.js';
import { runInProcess } from '../../test-support/runner.js';
import { run } from '../../actions/submit-for-review/src/main.js';
import type { BenchRow } from '../table.js';

const LATENCY_MS = 100;

/**
 * submit-for-review's request budget, as the issue sets it: the happy path (readiness, build,
 * release type, phased release, submission, item, submit, read-back) in ≤ 14 requests, and the
 * rerun (already waiting for review) in ≤ 5 reads and no write. 100 ms latency on every request,
 * the emulator checking each against Apple's spec.
 */
export async function submitForReview(): Promise<BenchRow[]> {
  applySharedDefaults();
  const key = generateTestKey();
  const emulator = await startEmulator({ seed: reviewReadySeed({ now: Date.now() }), rateLimit: { limit: 1_000_000 } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  emulator.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, times: Infinity });
  const inputs = {
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emulator.baseUrl,
    app: REVIEW_APP_ID,
    version: '2.1',
    'build-number': '100',
    'release-type': 'manual',
    'phased-release': 'true',
  };
  try {
    const t0 = performance.now();
    const first = await runInProcess(() => run(), { inputs, secrets: keyEncodings(key.privatePem) });
    const firstMs = performance.now() - t0;
    const firstLines = emulator.transcript();
    const firstWrites = firstLines.filter((l) => !l.startsWith('GET ')).length;
    const t1 = performance.now();
    const rerun = await runInProcess(() => run(), { inputs, secrets: keyEncodings(key.privatePem) });
    const rerunMs = performance.now() - t1;
    const rerunLines = emulator.transcript().slice(firstLines.length);
    const rerunWrites = rerunLines.filter((l) => !l.startsWith('GET ')).length;
    const ok =
      first.exitCode === 0 &&
      rerun.exitCode === 0 &&
      first.outputs.state === 'WAITING_FOR_REVIEW' &&
      emulator.violations.length === 0;
    return [
      {
        scenario: `submit-for-review: happy path (build, manual release, phased release, new submission), ${LATENCY_MS} ms latency`,
        figure: `${firstLines.length} requests (${firstLines.length - firstWrites} reads, ${firstWrites} writes), ${(firstMs / 1000).toFixed(1)} s${ok ? '' : ' — FAILED'}`,
        goal: '≤ 14 requests',
        met: ok && firstLines.length <= 14,
      },
      {
        scenario: 'submit-for-review: rerun (already waiting for review)',
        figure: `${rerunLines.length - rerunWrites} reads, ${rerunWrites} writes, ${(rerunMs / 1000).toFixed(1)} s`,
        goal: '≤ 5 reads, 0 writes',
        met: ok && rerunLines.length - rerunWrites <= 5 && rerunWrites === 0,
      },
    ];
  } finally {
    await emulator.close();
  }
}
