import { performance } from 'node:perf_hooks';
import { makeApps, makeReviews, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey, type TestKey } from '../../test-support/keys.js';
import { startCacheService, type CacheService } from '../../test-support/cache-service.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { applySharedDefaults } from '../../test-support/shared-paths.js';
import { runInProcess, type RunResult } from '../../test-support/runner.js';
import { run } from '../../actions/respond-to-reviews/src/main.js';
import type { BenchRow } from '../table.js';

const APP = '1700000001';
const LATENCY_MS = 100;
// Recent 5-star reviews are thanked; everything else is skipped, so the first run handles all.
const RULES = '- rating: 5\n  max-age-days: 2\n  reply: "Thank you, {nickname}!"\n- skip: true';

interface Measured {
  result: RunResult;
  requests: number;
  pages: number;
  ms: number;
}

async function nightly(emulator: Emulator, key: TestKey, cache: CacheService): Promise<Measured> {
  const before = emulator.requests.length;
  const t0 = performance.now();
  const result = await runInProcess(() => run(), {
    inputs: {
      'issuer-id': key.issuerId,
      'key-id': key.keyId,
      'private-key': key.privatePem,
      'api-base-url': emulator.baseUrl,
      app: APP,
      rules: RULES,
      since: 'last-run',
    },
    env: cache.env,
    secrets: keyEncodings(key.privatePem),
  });
  const ms = performance.now() - t0;
  const made = emulator.transcript().slice(before);
  return {
    result,
    requests: made.length,
    pages: made.filter((l) => l.includes(`/apps/${APP}/customerReviews`)).length,
    ms,
  };
}

function addNewReviews(emulator: Emulator, n: number): void {
  for (const r of makeReviews(n, {
    app: APP,
    newestMs: Date.now() - 60_000,
    stepMs: 60_000,
    seed: 99,
    firstId: 50_000,
  })) {
    emulator.state.create('customerReviews', {
      id: r.id,
      attributes: {
        rating: r.rating,
        title: r.title,
        body: r.body,
        reviewerNickname: r.reviewerNickname,
        createdDate: r.createdDate,
        territory: r.territory,
      },
      relationships: { app: { type: 'apps', id: APP }, response: null },
    });
  }
}

const describe = (m: Measured): string =>
  `${m.pages} page(s), ${m.requests} requests (${m.result.outputs.replied ?? '?'} replies), ${(m.ms / 1000).toFixed(1)} s${m.result.exitCode === 0 ? '' : ' — FAILED'}`;

/**
 * A first run over 10,000 unanswered reviews (since: last-run, no state yet), then a nightly run
 * after 30 new reviews arrived, both with 100 ms latency on every request (real time), the
 * emulator checking every request and response against Apple's spec.
 */
export async function respondToReviews(): Promise<BenchRow[]> {
  applySharedDefaults();
  const key = generateTestKey();
  const reviews = makeReviews(10_000, { app: APP, newestMs: Date.now() - 3_600_000, stepMs: 3_600_000, seed: 5 });
  const emulator = await startEmulator({
    seed: { apps: makeApps(1), customerReviews: reviews },
    rateLimit: { limit: 1_000_000 },
  });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  emulator.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, times: Infinity });
  const cache = await startCacheService();
  try {
    const first = await nightly(emulator, key, cache);
    addNewReviews(emulator, 30);
    const second = await nightly(emulator, key, cache);
    const valid = !process.env.ASC_OPENAPI_SPEC
      ? ' (spec not checked)'
      : emulator.violations.length === 0
        ? ''
        : ` — ${emulator.violations.length} contract violations`;
    return [
      {
        scenario: `respond-to-reviews: first run over 10,000 reviews (${LATENCY_MS} ms latency)`,
        figure: describe(first) + valid,
        goal: '50 pages',
        met: first.pages === 50 && first.result.exitCode === 0,
      },
      {
        scenario: `respond-to-reviews: nightly run, 30 new of 10,030 (${LATENCY_MS} ms latency)`,
        figure: describe(second) + valid,
        goal: '≤ 1 page',
        met: second.pages <= 1 && second.result.exitCode === 0,
      },
    ];
  } finally {
    await cache.close();
    await emulator.close();
  }
}
