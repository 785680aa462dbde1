/** The bundle, run as the runner runs it: a child process on the real clock against the emulator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionHarness, tempDir } from '../../../test-support/action-harness.js';
import { startCacheService } from '../../../test-support/cache-service.js';
import { run, type RunDeps } from '../src/main.js';
import type { Harness } from './fixtures.js';

let h: Harness;
/** A UTC day `n` days back on the real clock (the bundle runs on it): published, whatever the hour in Pacific time. */
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
beforeAll(async () => {
  h = await actionHarness<RunDeps>({
    run,
    bundle: 'fetch-sales-report',
    realClock: true,
    seed: {
      reportVendors: [
        { vendorNumber: '86000000', rows: 20 },
        { vendorNumber: '86000009', rows: 2, noSalesDates: [daysAgo(3), daysAgo(20)] },
      ],
    },
  });
});
afterAll(() => h.close());
afterEach(() => expect(h.emulator.violations).toEqual([]));

test('the bundle fetches the newest daily report, writes JSON and a summary; a warm cache rerun asks nothing', async () => {
  const cache = await startCacheService();
  // One RUNNER_TEMP for both runs, as on one runner (the cache is tied to the reports' paths).
  const env = { ...cache.env, RUNNER_TEMP: tempDir('sales-runner-temp') };
  const inputs = { 'vendor-number': '86000000', 'output-path': join(h.workspace, 'report.json') };
  try {
    const r = await h.runBundle(inputs, { env });
    expect(r.stderr).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({
      status: 'available',
      rows: '20',
      'report-path': join(h.workspace, 'report.json'),
    });
    expect(JSON.parse(readFileSync(join(h.workspace, 'report.json'), 'utf8'))).toHaveLength(20);
    expect(JSON.parse(r.outputs.summary!).proceedsByCurrency).toBeDefined();
    expect(r.summary).toContain('Currency of proceeds');
    expect(h.emulator.requests).toHaveLength(1);
    expect(cache.entries).toHaveLength(1);
    const again = await h.runBundle(inputs, { env });
    expect(again.exitCode).toBe(0);
    expect(h.emulator.requests).toHaveLength(1);
    expect(again.outputs.summary).toBe(r.outputs.summary!.replace('"source":"api"', '"source":"cache"'));
  } finally {
    await cache.close();
  }
});

test('the bundle keeps an old "no sales" in the cache but asks again for a young one (Apple may still be assembling it)', async () => {
  const cache = await startCacheService();
  const env = { ...cache.env, RUNNER_TEMP: tempDir('sales-runner-temp') };
  const runFor = (date: string) =>
    h.runBundle(
      { 'vendor-number': '86000009', 'report-date': date, 'output-path': join(h.workspace, `${date}.tsv`) },
      { env },
    );
  try {
    for (const date of [daysAgo(3), daysAgo(20)]) {
      const r = await runFor(date);
      expect(r.errors).toEqual([]);
      expect(r.outputs.status).toBe('no-sales');
    }
    expect(cache.entries.map((e) => e.key)).toEqual([expect.stringContaining(daysAgo(20))]);
    const before = h.emulator.requests.length;
    await runFor(daysAgo(20));
    expect(h.emulator.requests.length).toBe(before);
    await runFor(daysAgo(3));
    expect(h.emulator.requests.length).toBe(before + 1);
  } finally {
    await cache.close();
  }
});

test('the bundle turns Apple\'s 400 "Invalid vendor number" into one line that says where the number is', async () => {
  const r = await h.runBundle({
    'vendor-number': '12345678',
    'output-path': join(h.workspace, 'r.tsv'),
    cache: 'false',
  });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    'Input "vendor-number": Apple refused vendor number 12345678 ("Invalid vendor number"). It is shown top left in App Store Connect → Payments and Financial Reports; a key with the Sales role can only read its own vendor\'s reports.',
  ]);
});
