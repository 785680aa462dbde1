/**
 * upload-metadata screenshots: 300 screenshots (10 locales × 3 display types × 10) uploaded
 * with 100 ms latency on every request (uploads included) at the default concurrency, against
 * the critical-path bound: every request the upload needs, 100 ms each, `concurrency` at a time.
 * Then the bundle's peak memory while it uploads a 400 MB preview (a child process; the figure
 * read at its exit), with 2 MB and 8 MB upload operations: fetch copies each part's body, so
 * the peak grows with the part size the server chooses.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appStoreFixture, fixtureLocales, makeApps, mediaControl, startEmulator } from '@asc-actions/asc-emulator';
import { generateTestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { parseOutputFile, REPO_ROOT, runInProcess } from '../../test-support/runner.js';
import { applySharedDefaults } from '../../test-support/shared-paths.js';
import { png, writeMovie } from '../../actions/upload-metadata/test/media-files.js';
import { run } from '../../actions/upload-metadata/src/main.js';
import type { BenchRow } from '../table.js';

const APP = '1700000001';
const LATENCY_MS = 100;
const CONCURRENCY = 4;
const SIZES: Array<[number, number]> = [
  [1290, 2796],
  [1242, 2688],
  [2064, 2752],
];
const MEMORY_GOAL_MB = 200;

async function manyScreenshots(dir: string): Promise<BenchRow> {
  const shots = join(dir, 'screenshots');
  for (const locale of fixtureLocales(10)) {
    for (const [w, h] of SIZES) {
      for (let i = 0; i < 10; i++) {
        const path = join(shots, locale, `${w}x${h}_${i}.png`);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, png(w, h, `${locale}-${w}-${i}`));
      }
    }
  }
  const metadata = join(dir, 'metadata');
  mkdirSync(join(metadata, 'en-US'), { recursive: true });
  writeFileSync(join(metadata, 'en-US/name.txt'), 'App en-US');
  const key = generateTestKey();
  const emu = await startEmulator({
    seed: { apps: makeApps(1), appStore: [appStoreFixture(APP, { locales: 10 })] },
    rateLimit: { limit: 1_000_000 },
  });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  mediaControl(emu.state).processingMs = 0;
  emu.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, times: Infinity });
  try {
    const t0 = performance.now();
    const result = await runInProcess(() => run(), {
      inputs: {
        'issuer-id': key.issuerId,
        'key-id': key.keyId,
        'private-key': key.privatePem,
        'api-base-url': emu.baseUrl,
        app: APP,
        'metadata-path': metadata,
        'screenshots-path': shots,
      },
      secrets: keyEncodings(key.privatePem),
      env: { GITHUB_WORKSPACE: dir },
    });
    const ms = performance.now() - t0;
    const requests = emu.requests.length;
    const bound = (requests * LATENCY_MS) / CONCURRENCY;
    const uploaded = emu.state.all('appScreenshots').length;
    const ok = result.exitCode === 0 && emu.violations.length === 0 && uploaded === 300;
    return {
      scenario: `upload-metadata: 300 screenshots (10 locales × 3 display types × 10), ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}`,
      figure: `${(ms / 1000).toFixed(1)} s for ${requests} requests; bound ${(bound / 1000).toFixed(1)} s; ratio ${(ms / bound).toFixed(2)}${ok ? '' : ' — FAILED'}`,
      goal: '≤ 1,000 requests, ≤ 1.2× the bound',
      met: ok && requests <= 1000 && ms <= 1.2 * bound,
    };
  } finally {
    await emu.close();
  }
}

/** `partMb`: the size of the upload operations the server hands out (Apple's choice, not ours). */
async function bigPreview(dir: string, partMb: number): Promise<BenchRow> {
  const previews = join(dir, 'previews');
  writeMovie(join(previews, 'en-US/IPHONE_67/preview.mp4'), 25, 886, 1920, 400 * 1024 * 1024, 'big');
  const metadata = join(dir, 'metadata');
  mkdirSync(join(metadata, 'en-US'), { recursive: true });
  writeFileSync(join(metadata, 'en-US/name.txt'), 'App en-US');
  const key = generateTestKey();
  const emu = await startEmulator({
    seed: { apps: makeApps(1), appStore: [appStoreFixture(APP, { locales: 1 })] },
    rateLimit: { limit: 1_000_000 },
  });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const control = mediaControl(emu.state);
  control.processingMs = 0;
  control.partSize = partMb * 1024 * 1024;
  try {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      // Core reads only inside the workspace: the bench's files are in its temp folder.
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(dir, 'out'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      'INPUT_ISSUER-ID': key.issuerId,
      'INPUT_KEY-ID': key.keyId,
      'INPUT_PRIVATE-KEY': key.privatePem,
      'INPUT_API-BASE-URL': emu.baseUrl,
      INPUT_APP: APP,
      'INPUT_METADATA-PATH': metadata,
      'INPUT_PREVIEWS-PATH': previews,
    };
    writeFileSync(env.GITHUB_OUTPUT, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    const proc = spawn(
      process.execPath,
      ['--require', join(REPO_ROOT, 'bench/scenarios/peak-rss.cjs'), join(REPO_ROOT, 'dist/upload-metadata/index.js')],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.resume();
    const code = await new Promise<number>((resolve) => proc.on('close', (c) => resolve(c ?? 1)));
    const mb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    const media = JSON.parse(parseOutputFile(readFileSync(env.GITHUB_OUTPUT, 'utf8')).media ?? '{}') as {
      totals?: { uploaded?: number };
    };
    const ok = code === 0 && media.totals?.uploaded === 1;
    return {
      scenario: `upload-metadata: bundle uploads a 400 MB preview in ${partMb} MB parts (peak memory)`,
      figure: `${mb.toFixed(0)} MB${ok ? '' : ' — FAILED'}`,
      goal: `< ${MEMORY_GOAL_MB} MB`,
      met: ok && mb < MEMORY_GOAL_MB,
    };
  } finally {
    await emu.close();
  }
}

export async function uploadScreenshots(): Promise<BenchRow[]> {
  applySharedDefaults();
  const dir = mkdtempSync(join(tmpdir(), 'bench-media-'));
  try {
    return [await manyScreenshots(dir), await bigPreview(dir, 2), await bigPreview(dir, 8)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
