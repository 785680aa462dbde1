/**
 * The bundle, run as the runner runs it: a child process on the real clock against the emulator,
 * with the local cache service. First run → requested; a day and more later → available; a warm
 * rerun downloads no segment and writes the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyticsControl } from '@asc-actions/asc-emulator';
import { actionHarness, tempDir, type ActionHarness } from '../../../test-support/action-harness.js';
import { startCacheService, type CacheService } from '../../../test-support/cache-service.js';
import { run as runAction, type RunDeps } from '../src/main.js';

const NEW_APP = '6400000001';
const APP = '6400000002';
const FILES = ['app-store-discovery-and-engagement-standard.csv', 'app-downloads-standard.csv'];
let h: ActionHarness<RunDeps>;
let cache: CacheService;

beforeAll(async () => {
  cache = await startCacheService();
  // One app never asked for (first run), one whose request Apple has had for three days.
  h = await actionHarness<RunDeps>({
    run: runAction,
    bundle: 'fetch-analytics-report',
    realClock: true,
    seed: {
      apps: [
        { id: NEW_APP, name: 'Notes', bundleId: 'com.example.notes' },
        { id: APP, name: 'Tasks', bundleId: 'com.example.tasks' },
      ],
      analytics: { requests: [{ app: APP, createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }] },
    },
    inputs: { 'output-path': 'analytics' },
    env: { ...cache.env, RUNNER_TEMP: tempDir('analytics-bundle-runner') },
  });
});
afterAll(async () => {
  await h.close();
  await cache.close();
});
afterEach(() => expect(h.emulator.violations).toEqual([]));

const run = (app = APP) => h.runBundle({ app });
/** The output files' bytes, one character per byte (`toEqual` on strings is fast; on Buffers it is not). */
const outputs = (): string[] => FILES.map((f) => readFileSync(join(h.workspace, 'analytics', f), 'latin1'));

test('first run requests, a later run fetches and summarizes, a warm rerun downloads nothing', async () => {
  const first = await run(NEW_APP);
  expect(first.errors).toEqual([]);
  expect(first.exitCode).toBe(0);
  expect(first.outputs.state).toBe('requested');
  expect(first.stdout).toContain('Apple needs a day or more');
  expect(h.emulator.requests.map((r) => r.method)).toEqual(['GET', 'POST']);

  const later = await run();
  expect(later.errors).toEqual([]);
  expect(later.outputs.state).toBe('available');
  const downloads = analyticsControl(h.emulator.state).downloads.length;
  expect(downloads).toBeGreaterThan(0);
  expect(later.summary).toContain('Impressions → product page views → downloads');
  const files = outputs();

  const warm = await run();
  expect(warm.errors).toEqual([]);
  expect(analyticsControl(h.emulator.state).downloads).toHaveLength(downloads);
  expect(outputs()).toEqual(files);
  expect(JSON.parse(warm.outputs.summary!).days).toEqual(JSON.parse(later.outputs.summary!).days);
  expect(JSON.parse(warm.outputs.summary!).reports.map((r: { downloaded: number }) => r.downloaded)).toEqual([0, 0]);
});

/** The columns of Apple's App Store Purchases and App Clip Usage pages ("Report Fields", Standard report), in order. */
const PURCHASES_STANDARD =
  'Date,App Name,App Apple Identifier,Purchase Type,Content Name,Content Apple Identifier,Payment Method,Device,' +
  'Platform Version,Source Type,Page Type,App Download Date,Pre-Order,Territory,Purchases,Proceeds in USD,' +
  'Sales in USD,Paying Users';
const APP_CLIP_STANDARD =
  'Date,App Name,App Apple Identifier,App Clip Event Type,Source Type,App Version,Device,Platform Version,' +
  'Territory,Counts,Total Session Duration,Unique Devices';

test('App Store Purchases and App Clip Usage: the documented columns in order, rows that parse', async () => {
  const r = await h.runBundle({
    app: APP,
    report: 'App Store Purchases Standard, App Clip Usage Standard',
    'output-path': 'documented',
  });
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('available');
  expect(Number(r.outputs.rows)).toBeGreaterThan(0);
  const summary = JSON.parse(r.outputs.summary!) as { reports: Array<{ name: string; missingColumns: string[] }> };
  expect(summary.reports.map((x) => [x.name, x.missingColumns])).toEqual([
    ['App Store Purchases Standard', []],
    ['App Clip Usage Standard', []],
  ]);
  for (const [file, header, integers] of [
    ['app-store-purchases-standard.csv', PURCHASES_STANDARD, ['Purchases', 'Paying Users']],
    ['app-clip-usage-standard.csv', APP_CLIP_STANDARD, ['Counts', 'Total Session Duration', 'Unique Devices']],
  ] as const) {
    const [head, ...rows] = readFileSync(join(h.workspace, 'documented', file), 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(head).toBe(header);
    const columns = header.split(',');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cells = Object.fromEntries(row.split(',').map((v, i) => [columns[i], v]));
      expect(row.split(',')).toHaveLength(columns.length);
      expect(cells.Date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${cells.Date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(cells.Date);
      expect(cells.Territory).toMatch(/^[A-Z]{2}$/);
      for (const c of integers) expect(cells[c]).toMatch(/^\d+$/);
      if (file.includes('purchases')) {
        expect(cells['Sales in USD']).toMatch(/^\d+\.\d{2}$/);
        expect(Number(cells['Proceeds in USD'])).toBeLessThan(Number(cells['Sales in USD']));
      }
    }
  }
});
