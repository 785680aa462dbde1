import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appStoreFixture, fixtureLocales, makeApps, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey, type TestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { applySharedDefaults } from '../../test-support/shared-paths.js';
import { runInProcess, type RunResult } from '../../test-support/runner.js';
import { run } from '../../actions/upload-metadata/src/main.js';
import type { BenchRow } from '../table.js';

const APP = '1700000001';
const LATENCY_MS = 100;
/** The client's default: requests on the wire at once. */
const CONCURRENCY = 4;

/** A fastlane tree equal to appStoreFixture's values, with `changed` locales given a new description (and subtitle). */
function metadataTree(locales: string[], changed: { description: number; subtitle: number }): string {
  const root = mkdtempSync(join(tmpdir(), 'bench-metadata-'));
  locales.forEach((locale, i) => {
    const dir = join(root, locale);
    mkdirSync(dir);
    const files: Record<string, string> = {
      'name.txt': `App ${locale}`,
      'subtitle.txt': i < changed.subtitle ? 'Subtitle v2' : 'Subtitle v1',
      'privacy_url.txt': 'https://example.com/privacy',
      'description.txt': i < changed.description ? `Description v2 (${locale})` : `Description v1 (${locale})`,
      'keywords.txt': 'alpha,beta',
      'support_url.txt': 'https://example.com/support',
      'promotional_text.txt': 'Promo v1',
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), `${text}\n`);
  });
  writeFileSync(join(root, 'copyright.txt'), '2025 Example\n');
  writeFileSync(join(root, 'primary_category.txt'), 'PRODUCTIVITY\n');
  return root;
}

interface Measured {
  result: RunResult;
  reads: number;
  writes: number;
  ms: number;
}

async function measure(locales: number, changed: { description: number; subtitle: number }): Promise<Measured> {
  const key: TestKey = generateTestKey();
  const emulator: Emulator = await startEmulator({
    seed: { apps: makeApps(1), appStore: [appStoreFixture(APP, { locales })] },
    rateLimit: { limit: 1_000_000 },
  });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  emulator.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, times: Infinity });
  const metadata = metadataTree(fixtureLocales(locales), changed);
  try {
    const t0 = performance.now();
    const result = await runInProcess(() => run(), {
      inputs: {
        'issuer-id': key.issuerId,
        'key-id': key.keyId,
        'private-key': key.privatePem,
        'api-base-url': emulator.baseUrl,
        app: APP,
        'metadata-path': metadata,
      },
      secrets: keyEncodings(key.privatePem),
      env: { GITHUB_WORKSPACE: metadata },
    });
    const ms = performance.now() - t0;
    const lines = emulator.transcript();
    const reads = lines.filter((l) => l.startsWith('GET ')).length;
    return { result, reads, writes: lines.length - reads, ms };
  } finally {
    rmSync(metadata, { recursive: true, force: true });
    await emulator.close();
  }
}

const ok = (m: Measured) => (m.result.exitCode === 0 ? '' : ' — FAILED');

/**
 * upload-metadata with 100 ms latency on every request (real time), the emulator checking every
 * request and response against Apple's spec: a no-op over 30 locales, a run changing k
 * resources, and 50 locales with every localization changed, against the critical-path bound
 * (request rounds at the default concurrency × latency).
 */
export async function uploadMetadata(): Promise<BenchRow[]> {
  applySharedDefaults();
  // Warm-up (not measured): loads Apple's spec and compiles the emulator's validators for these operations.
  await measure(50, { description: 50, subtitle: 50 });
  const noop = await measure(30, { description: 0, subtitle: 0 });
  const k = 5;
  const some = await measure(30, { description: k, subtitle: 0 });
  const all = await measure(50, { description: 50, subtitle: 50 });
  // Rounds: the app; app infos, versions and the version list together; the writes; the read-back.
  const rounds = 1 + 1 + Math.ceil(all.writes / CONCURRENCY) + 1;
  const bound = rounds * LATENCY_MS;
  return [
    {
      scenario: `upload-metadata: no-op over 30 locales (${LATENCY_MS} ms latency)`,
      figure: `${noop.reads + noop.writes} requests (${noop.writes} writes), ${(noop.ms / 1000).toFixed(2)} s${ok(noop)}`,
      goal: '≤ 4 requests',
      met: noop.reads + noop.writes <= 4 && noop.writes === 0 && noop.result.exitCode === 0,
    },
    {
      scenario: `upload-metadata: ${k} resources changed of 30 locales`,
      figure: `${some.reads} reads (4 + read-back) + ${some.writes} writes, ${(some.ms / 1000).toFixed(2)} s${ok(some)}`,
      goal: `reads + ${k} writes`,
      met: some.writes === k && some.reads <= 4 + 2 && some.result.exitCode === 0,
    },
    {
      scenario: `upload-metadata: 50 locales all changed (${all.writes} writes, concurrency ${CONCURRENCY})`,
      figure: `${(all.ms / 1000).toFixed(2)} s = ${(all.ms / bound).toFixed(2)}× the bound of ${rounds} rounds × ${LATENCY_MS} ms${ok(all)}`,
      goal: `≤ 1.3× ${(bound / 1000).toFixed(1)} s`,
      met: all.ms <= 1.3 * bound && all.result.exitCode === 0,
    },
  ];
}
