/**
 * The Actions cache, through core's actionsCache and a local fake of the cache service: past
 * reports are kept, so a backfill rerun asks Apple nothing; without a service the action says so
 * once and goes on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCacheService, type CacheService } from '../../../test-support/cache-service.js';
import { recordingLogger, salesHarness, VENDOR, type Harness } from './fixtures.js';

let h: Harness;
let service: CacheService;
beforeAll(async () => {
  h = await salesHarness({
    reportVendors: [
      { vendorNumber: VENDOR, rows: 8, noSalesDates: ['2026-11-01'] },
      { vendorNumber: '86000001', rows: 4, versions: { SUBSCRIBER: ['1_4'] } },
    ],
  });
  service = await startCacheService();
});
afterAll(async () => {
  await h.close();
  await service.close();
});
beforeEach(() => {
  h.emulator.requests.length = 0;
});
afterEach(() => expect(h.emulator.violations).toEqual([]));

const withCache = { cache: 'true' };

test('a 30-day backfill is cached per report and as one set; the rerun restores the set alone and asks Apple nothing', async () => {
  const inputs = { ...withCache, from: '2026-10-27', to: '2026-11-25' };
  const first = await h.run({ ...inputs, 'output-path': join(h.workspace, 'first.tsv') }, { env: service.env });
  expect(first.errors).toEqual([]);
  expect(h.emulator.requests.filter((r) => r.path === '/v1/salesReports')).toHaveLength(30);
  expect(service.entries.map((e) => e.key)).toEqual(
    expect.arrayContaining([
      `asc-report-v1-${VENDOR}-SALES-SUMMARY-DAILY-2026-10-27-1_0`,
      `asc-report-v1-${VENDOR}-SALES-SUMMARY-DAILY-2026-11-01-1_0`,
    ]),
  );
  // the day without sales (25 days back) is kept too: Apple's answer is final by then
  expect(service.entries).toHaveLength(31);
  expect(service.entries.at(-1)!.key).toBe(`asc-report-v1-set-${VENDOR}-SALES-SUMMARY-DAILY-2026-10-27-2026-11-25-30`);

  h.emulator.requests.length = 0;
  service.requests.length = 0;
  const second = await h.run({ ...inputs, 'output-path': join(h.workspace, 'second.tsv') }, { env: service.env });
  expect(second.errors).toEqual([]);
  expect(h.emulator.requests).toHaveLength(0);
  // One look-up and one download: the set, not thirty restores.
  expect(service.requests).toEqual(['GET /_apis/artifactcache/cache', expect.stringMatching(/^GET \/_blob\/\d+$/)]);
  expect(service.entries).toHaveLength(31);
  expect(readFileSync(join(h.workspace, 'second.tsv'))).toEqual(readFileSync(join(h.workspace, 'first.tsv')));
  const summary = JSON.parse(second.outputs.summary!);
  expect(new Set(summary.dates.map((d: { source: string }) => d.source))).toEqual(new Set(['cache']));
  expect(summary.dates.find((d: { date: string }) => d.date === '2026-11-01')).toMatchObject({
    state: 'no-sales',
    source: 'cache',
  });
  expect({ ...second.outputs, 'report-path': '' }).toEqual({
    ...first.outputs,
    'report-path': '',
    summary: first.outputs.summary!.replace(/"source":"api"/g, '"source":"cache"'),
  });
}, 120_000);

test('a window moved back by a day restores the newest set and asks Apple only for the date it lacks', async () => {
  const inputs = { ...withCache, from: '2026-10-26', to: '2026-11-24' };
  const r = await h.run({ ...inputs, 'output-path': join(h.workspace, 'moved.tsv') }, { env: service.env });
  expect(r.errors).toEqual([]);
  expect(h.emulator.requests.map((q) => q.query)).toEqual([expect.stringContaining('filter[reportDate]=2026-10-26')]);
  const summary = JSON.parse(r.outputs.summary!);
  expect(summary.dates.filter((d: { source: string }) => d.source === 'cache')).toHaveLength(29);
  expect(service.entries.map((e) => e.key)).toContain(
    `asc-report-v1-set-${VENDOR}-SALES-SUMMARY-DAILY-2026-10-26-2026-11-24-30`,
  );
}, 120_000);

test('a report cached under the version Apple switched to is found again with version auto', async () => {
  const inputs = {
    ...withCache,
    'vendor-number': '86000001',
    'report-type': 'SUBSCRIBER',
    'report-date': '2026-11-20',
  };
  const first = await h.run({ ...inputs, 'output-path': join(h.workspace, 'sub1.tsv') }, { env: service.env });
  expect(first.outputs.version).toBe('1_4');
  expect(h.emulator.requests.map((r) => r.status)).toEqual([400, 200]);
  h.emulator.requests.length = 0;
  const second = await h.run({ ...inputs, 'output-path': join(h.workspace, 'sub2.tsv') }, { env: service.env });
  expect(h.emulator.requests).toHaveLength(0);
  expect(second.outputs.version).toBe('1_4');
});

test('a report that is not out yet is never cached', async () => {
  // 07:00 Pacific: the 25th's report comes out at 08:00.
  const early = await salesHarness(
    { reportVendors: [{ vendorNumber: '86000005', rows: 3 }] },
    Date.parse('2026-11-26T15:00:00Z'),
  );
  try {
    const before = service.entries.length;
    const r = await early.run(
      {
        ...withCache,
        'vendor-number': '86000005',
        'report-date': '2026-11-25',
        'output-path': join(early.workspace, 'x.tsv'),
      },
      { env: service.env },
    );
    expect(r.outputs.status).toBe('not-available-yet');
    expect(service.entries.length).toBe(before);
    expect(early.emulator.requests.map((q) => q.status)).toEqual([404]);
  } finally {
    await early.close();
  }
});

test('without a cache service: one warning, and the reports are fetched', async () => {
  const logger = recordingLogger();
  const none = {
    ACTIONS_CACHE_URL: undefined,
    ACTIONS_RESULTS_URL: undefined,
    ACTIONS_CACHE_SERVICE_V2: undefined,
    ACTIONS_RUNTIME_TOKEN: undefined,
  };
  const r = await h.run(
    { ...withCache, from: '2026-11-20', to: '2026-11-24', 'output-path': join(h.workspace, 'nocache.tsv') },
    { env: none, deps: { logger } },
  );
  expect(r.errors).toEqual([]);
  expect(logger.lines.filter((l) => l.startsWith('warning:'))).toEqual([
    'warning: No GitHub Actions cache service is available to this job: going on without the cache.',
  ]);
  expect(h.emulator.requests).toHaveLength(5);
});

test('a young "no sales" is asked again next run; an old one is kept (weekly: 14 days past the week)', async () => {
  // NOW is Thursday 2026-11-26: the week ending Sunday 2026-11-15 is 11 days past, the one ending 2026-11-08 is 18.
  const weekly = await salesHarness({
    reportVendors: [{ vendorNumber: '86000007', rows: 3, noSalesDates: ['2026-11-15', '2026-11-08'] }],
  });
  try {
    const ask = (date: string) =>
      weekly.run(
        {
          ...withCache,
          'vendor-number': '86000007',
          frequency: 'WEEKLY',
          'report-date': date,
          'output-path': join(weekly.workspace, `${date}.tsv`),
        },
        { env: service.env },
      );
    for (const date of ['2026-11-15', '2026-11-08']) {
      const r = await ask(date);
      expect([r.errors, r.outputs.status]).toEqual([[], 'no-sales']);
    }
    expect(service.entries.map((e) => e.key).filter((k) => k.includes('86000007'))).toEqual([
      `asc-report-v1-86000007-SALES-SUMMARY-WEEKLY-2026-11-08-1_0`,
    ]);
    weekly.emulator.requests.length = 0;
    await ask('2026-11-15');
    await ask('2026-11-08');
    expect(weekly.emulator.requests.map((r) => r.query)).toEqual([expect.stringContaining('2026-11-15')]);
  } finally {
    await weekly.close();
  }
});
