/**
 * fetch-sales-report: parsing speed against `gzip -dc FILE | wc -l` on the same generated
 * 1,000,000-row SALES report (best of 3 each, interleaved; the parser in a child process of its
 * own), the bundle's peak memory fetching 10 thousand to a million rows (a child process, the
 * figure read at its exit), and the requests of a 30-day backfill rerun with a warm cache.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { layoutFor, reportLines, startEmulator } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { startCacheService } from '../../test-support/cache-service.js';
import { generateTestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { parseOutputFile, REPO_ROOT, runInProcess } from '../../test-support/runner.js';
import { applySharedDefaults } from '../../test-support/shared-paths.js';
import { run } from '../../actions/fetch-sales-report/src/main.js';
import type { BenchRow } from '../table.js';

const VENDOR = '86000000';
const MEMORY_GOAL_MB = 150;

/** Writes a generated SALES report of `rows` rows, gzipped; returns its uncompressed size. */
async function generate(path: string, rows: number): Promise<number> {
  const spec = {
    vendorNumber: VENDOR,
    reportType: 'SALES',
    reportSubType: 'SUMMARY',
    frequency: 'DAILY',
    version: '1_0',
    reportDate: '2026-11-25',
    columns: layoutFor('SALES', 'SUMMARY', '1_0'),
    rows,
  };
  let size = 0;
  async function* batches(): AsyncGenerator<string> {
    let batch = '';
    for (const line of reportLines(spec)) {
      batch += `${line}\n`;
      if (batch.length >= 1 << 20) {
        size += Buffer.byteLength(batch);
        yield batch;
        batch = '';
      }
    }
    size += Buffer.byteLength(batch);
    yield batch;
  }
  await pipeline(Readable.from(batches()), createGzip(), createWriteStream(path));
  return size;
}

function child(file: string, mode: 'parse' | 'tsv'): { ms: number; rows: number; peakRssMb: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'bench/scenarios/sales-report-child.ts'), file, mode],
    // The export is written next to the report, in the bench's temp folder: the runner's temp
    // folder as far as core's safe writer is concerned.
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, RUNNER_TEMP: dirname(file) } },
  );
  return JSON.parse(out) as { ms: number; rows: number; peakRssMb: number };
}

function gzipWc(file: string): number {
  const t0 = performance.now();
  execFileSync('sh', ['-c', `gzip -dc '${file}' | wc -l`]);
  return performance.now() - t0;
}

async function throughput(dir: string): Promise<BenchRow[]> {
  const file = join(dir, 'sales-1m.txt.gz');
  const size = await generate(file, 1_000_000);
  const gzip: number[] = [];
  const parse: number[] = [];
  const tsv: number[] = [];
  for (let i = 0; i < 3; i++) {
    gzip.push(gzipWc(file));
    parse.push(child(file, 'parse').ms);
    tsv.push(child(file, 'tsv').ms);
  }
  const [g, p, t] = [Math.min(...gzip), Math.min(...parse), Math.min(...tsv)];
  const mbps = (ms: number): string => `${(size / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
  const what = `1,000,000 rows, ${(statSync(file).size / 1e6).toFixed(1)} MB gzip → ${(size / 1e6).toFixed(0)} MB TSV`;
  return [
    {
      scenario: `sales report: gzip -dc | wc -l (${what})`,
      figure: `${g.toFixed(0)} ms (${mbps(g)})`,
      goal: 'reference',
    },
    {
      scenario: 'sales report: parse (gunzip, rows, cells, totals)',
      figure: `${p.toFixed(0)} ms (${mbps(p)}), ${((g / p) * 100).toFixed(0)}% of gzip|wc`,
      goal: '≥ 50% of gzip|wc',
      met: g / p >= 0.5,
    },
    {
      scenario: 'sales report: parse and write the TSV output',
      figure: `${t.toFixed(0)} ms (${mbps(t)}), ${((g / t) * 100).toFixed(0)}% of gzip|wc`,
      goal: 'information',
    },
  ];
}

/**
 * The bundle fetching a report of `rows` rows from the emulator, parsing it and writing the TSV:
 * its peak memory, read at its exit. The bundle, not a TypeScript loader, so the figure is the
 * action's own.
 */
async function bundleMemory(rows: number): Promise<BenchRow> {
  const key = generateTestKey();
  const emu = await startEmulator({ seed: { reportVendors: [{ vendorNumber: VENDOR, rows }] } });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: join(dir, 'out'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      'INPUT_ISSUER-ID': key.issuerId,
      'INPUT_KEY-ID': key.keyId,
      'INPUT_PRIVATE-KEY': key.privatePem,
      'INPUT_API-BASE-URL': emu.baseUrl,
      'INPUT_VENDOR-NUMBER': VENDOR,
      'INPUT_OUTPUT-PATH': join(dir, 'report.tsv'),
      INPUT_CACHE: 'false',
    };
    writeFileSync(env.GITHUB_OUTPUT, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    const proc = spawn(
      process.execPath,
      [
        '--require',
        join(REPO_ROOT, 'bench/scenarios/peak-rss.cjs'),
        join(REPO_ROOT, 'dist/fetch-sales-report/index.js'),
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.resume();
    const code = await new Promise<number>((resolve) => proc.on('close', (c) => resolve(c ?? 1)));
    const mb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
    const written = parseOutputFile(readFileSync(env.GITHUB_OUTPUT, 'utf8')).rows === String(rows);
    const ok = code === 0 && written;
    return {
      scenario: `sales report: bundle fetches, parses and writes ${rows.toLocaleString('en-US')} rows (peak memory)`,
      figure: `${mb.toFixed(0)} MB${ok ? '' : ' — FAILED'}`,
      goal: `< ${MEMORY_GOAL_MB} MB`,
      met: ok && mb < MEMORY_GOAL_MB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emu.close();
  }
}

/**
 * A 30-day backfill, then the same again with the cache warm: report requests and wall time of
 * each (its own scenario, `--only sales-report-backfill`, so the warm figure can be taken alone).
 */
export async function salesBackfill(): Promise<BenchRow[]> {
  applySharedDefaults();
  const key = generateTestKey();
  const clock = new VirtualClock(Date.parse('2026-11-26T18:00:00Z'));
  const emu = await startEmulator({ seed: { reportVendors: [{ vendorNumber: VENDOR, rows: 200 }] }, clock });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const cache = await startCacheService();
  const dir = mkdtempSync(join(tmpdir(), 'bench-backfill-'));
  const once = async (name: string): Promise<{ requests: number; ms: number; ok: boolean }> => {
    const before = emu.requests.length;
    const t0 = performance.now();
    const r = await runInProcess(() => run({ clock }), {
      inputs: {
        'issuer-id': key.issuerId,
        'key-id': key.keyId,
        'private-key': key.privatePem,
        'api-base-url': emu.baseUrl,
        'vendor-number': VENDOR,
        from: '2026-10-27',
        to: '2026-11-25',
        'output-path': join(dir, name),
      },
      env: { ...cache.env, GITHUB_WORKSPACE: dir },
      secrets: keyEncodings(key.privatePem),
    });
    return { requests: emu.requests.length - before, ms: performance.now() - t0, ok: r.exitCode === 0 };
  };
  try {
    const cold = await once('cold.tsv');
    const warm = await once('warm.tsv');
    return [
      {
        scenario: 'sales report: 30-day backfill, cold cache',
        figure: `${cold.requests} report requests, ${(cold.ms / 1000).toFixed(1)} s${cold.ok ? '' : ' — FAILED'}`,
        goal: '30 requests',
        met: cold.ok && cold.requests === 30,
      },
      {
        scenario: 'sales report: the same backfill again, warm cache',
        figure: `${warm.requests} report requests, ${(warm.ms / 1000).toFixed(2)} s${warm.ok ? '' : ' — FAILED'}`,
        goal: '0 requests, ≤ 1.5 s',
        met: warm.ok && warm.requests === 0 && warm.ms <= 1500,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cache.close();
    await emu.close();
  }
}

export async function salesReport(): Promise<BenchRow[]> {
  applySharedDefaults();
  const dir = mkdtempSync(join(tmpdir(), 'bench-sales-'));
  try {
    const rows = await throughput(dir);
    for (const n of [10_000, 100_000, 1_000_000]) rows.push(await bundleMemory(n));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
