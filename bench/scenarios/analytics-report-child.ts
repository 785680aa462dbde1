/**
 * Child process of the analytics-report bench: reads one gzipped segment with the action's own
 * reader and prints `{ms, cpuMs, rows, peakRssMb}` as JSON (cpuMs: every thread's CPU time for
 * the parse alone, a fair figure on a busy machine). `scan` is the verification pass every
 * downloaded segment gets (header by name, every row's Date); `write` is the output pass (every
 * cell, the funnel, a CSV written).
 *   node --import tsx bench/scenarios/analytics-report-child.ts FILE scan|write
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeReport } from '../../actions/fetch-analytics-report/src/apply/write-output.js';
import { pickWinners } from '../../actions/fetch-analytics-report/src/plan/winners.js';
import { scanSegment } from '../../actions/fetch-analytics-report/src/read/segment-file.js';
import { Funnel } from '../../actions/fetch-analytics-report/src/report/funnel.js';

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== 'scan' && mode !== 'write')) throw new Error('usage: analytics-report-child.ts FILE scan|write');
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const scanned = await scanSegment(file, 'bench segment');
let rows = scanned.rows;
if (mode === 'write') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-analytics-out-'));
  process.env.RUNNER_TEMP = dir; // core's safe writer writes only in the workspace or RUNNER_TEMP
  copyFileSync(file, join(dir, 'seg.csv.gz'));
  const instance = {
    id: 'i1',
    processingDate: '2026-11-26',
    granularity: 'DAILY' as const,
    segments: [{ id: 's1', checksum: '', sizeInBytes: 0, file: 'seg.csv.gz', ...scanned }],
  };
  const winners = pickWinners([instance]);
  const pending = await writeReport(
    join(dir, 'out.csv'),
    'csv',
    'App Store Discovery and Engagement Standard',
    [instance],
    winners,
    scanned.columns,
    (f) => join(dir, f),
    new Funnel(),
  );
  rows = pending.rows;
  rmSync(dir, { recursive: true, force: true });
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows, peakRssMb: process.resourceUsage().maxRSS / 1024 }),
);
