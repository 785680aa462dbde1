import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { layoutFor, reportText } from '@asc-actions/asc-emulator';
import { recordingLogger, salesHarness, VENDOR, type Harness } from './fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await salesHarness({
    reportVendors: [
      { vendorNumber: VENDOR, rows: 25, noSalesDates: ['2026-11-21'] },
      { vendorNumber: '86000001', rows: 6, versions: { SUBSCRIPTION: ['1_4'] } },
    ],
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.requests.length = 0;
  h.emulator.faults.clear();
});
afterEach(() => expect(h.emulator.violations).toEqual([]));

const out = (name: string): string => join(h.workspace, name);
const SALES_QUERY = `filter[vendorNumber]=${VENDOR}&filter[reportType]=SALES&filter[reportSubType]=SUMMARY&filter[frequency]=DAILY`;

/** The emulator's report as text, read independently of the action (plain split). */
function expectedRecords(date: string): Array<Record<string, string>> {
  const text = reportText({
    vendorNumber: VENDOR,
    reportType: 'SALES',
    reportSubType: 'SUMMARY',
    frequency: 'DAILY',
    version: '1_0',
    reportDate: date,
    columns: layoutFor('SALES', 'SUMMARY', '1_0'),
    rows: 25,
  });
  const [header, ...lines] = text.trimEnd().split('\n');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((c, i) => [header!.split('\t')[i], c])));
}

test('a daily SALES report: one request, the file, outputs with proceeds per currency, and a job summary', async () => {
  const r = await h.run({ 'output-path': out('daily.tsv') });
  expect(r.errors).toEqual([]);
  expect(r.exitCode).toBe(0);
  expect(h.emulator.transcript()).toEqual([
    `GET /v1/salesReports?${SALES_QUERY}&filter[reportDate]=2026-11-25&filter[version]=1_0`,
  ]);
  expect(r.outputs).toMatchObject({ status: 'available', 'report-path': out('daily.tsv'), rows: '25', version: '1_0' });
  const summary = JSON.parse(r.outputs.summary!);
  const records = expectedRecords('2026-11-25');
  const cents: Record<string, number> = {};
  for (const rec of records) {
    const currency = rec['Currency of Proceeds']!.trim();
    if (currency)
      cents[currency] =
        (cents[currency] ?? 0) + Number(rec.Units) * Math.round(Number(rec['Developer Proceeds']) * 100);
  }
  expect(summary.proceedsByCurrency).toEqual(
    Object.fromEntries(
      Object.entries(cents)
        .sort()
        .map(([c, v]) => [c, v / 100]),
    ),
  );
  expect(summary.units).toBe(records.reduce((a, rec) => a + Number(rec.Units), 0));
  expect(summary.dates).toEqual([{ date: '2026-11-25', state: 'available', source: 'api', rows: 25, version: '1_0' }]);
  const file = readFileSync(out('daily.tsv'), 'utf8').trimEnd().split('\n');
  expect(file).toHaveLength(26);
  expect(file[1]!.split('\t')[9]).toBe('2026-11-25');
  expect(readdirSync(h.workspace).filter((f) => f.includes('.partial'))).toEqual([]);
  expect(r.summary).toContain('<h3>App Store SALES SUMMARY DAILY report, 2026-11-25</h3>');
  expect(r.summary).toContain('<th>Currency of proceeds</th>');
  expect(r.summary).toContain('<th>Territory</th>');
});

test('CSV and JSON hold the same rows as TSV', async () => {
  await h.run({ 'report-date': '2026-11-24', 'output-path': out('same.tsv') });
  await h.run({ 'report-date': '2026-11-24', 'output-path': out('same.csv') });
  await h.run({ 'report-date': '2026-11-24', 'output-path': out('same.json') });
  const tsv = readFileSync(out('same.tsv'), 'utf8')
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.split('\t'));
  const csv = readFileSync(out('same.csv'), 'utf8')
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((l) => l.split(','));
  const json = JSON.parse(readFileSync(out('same.json'), 'utf8')) as Array<Record<string, string>>;
  expect(csv).toEqual(tsv); // no cell needs quoting in these reports
  expect(json.map((o) => Object.values(o))).toEqual(tsv.slice(1));
  expect(Object.keys(json[0]!)).toEqual(tsv[0]);
});

const TYPES: Array<[string, Record<string, string>]> = [
  ['SALES', { frequency: 'WEEKLY', 'report-date': '2026-11-22' }],
  ['PRE_ORDER', { frequency: 'MONTHLY', 'report-date': '2026-10' }],
  ['NEWSSTAND', {}],
  ['SUBSCRIPTION', {}],
  ['SUBSCRIPTION_EVENT', {}],
  ['SUBSCRIBER', {}],
  ['SUBSCRIPTION_OFFER_CODE_REDEMPTION', {}],
  ['INSTALLS', { 'report-subtype': 'SUMMARY_CHANNEL', 'report-date': '2025' }],
  ['FIRST_ANNUAL', { 'report-subtype': 'DETAILED' }],
  ['WIN_BACK_ELIGIBILITY', {}],
  ['FINANCIAL', { 'region-code': 'ZZ' }],
  ['FINANCE_DETAIL', {}],
];

test.each(TYPES)('%s reports are fetched, parsed and written', async (type, inputs) => {
  const r = await h.run({ 'report-type': type, 'output-path': out(`${type}.json`), ...inputs });
  expect(r.errors).toEqual([]);
  expect(r.outputs).toMatchObject({ status: 'available', rows: '25' });
  expect(JSON.parse(readFileSync(out(`${type}.json`), 'utf8'))).toHaveLength(25);
  const [request] = h.emulator.transcript();
  expect(request).toContain(type.startsWith('FINANC') ? '/v1/financeReports?' : '/v1/salesReports?');
  expect(request).toContain(`filter[reportType]=${type}`);
});

test("a day without sales: status no-sales, a notice in Apple's words, no file, success", async () => {
  const r = await h.run({ 'report-date': '2026-11-21', 'output-path': out('none.tsv') });
  expect(r.exitCode).toBe(0);
  expect(r.outputs).toMatchObject({ status: 'no-sales', rows: '0', 'report-path': '' });
  expect(r.stdout).toMatch(
    /::notice[^:]*::SALES SUMMARY DAILY report for 2026-11-21: no sales \(Apple: "There were no sales for the date specified"\)/,
  );
  expect(existsSync(out('none.tsv'))).toBe(false);
});

test('fail-if-missing: a missing report fails the step, naming date and state, and writes nothing', async () => {
  const r = await h.run({ 'report-date': '2026-11-21', 'fail-if-missing': 'true', 'output-path': out('fail.tsv') });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    'Missing reports (fail-if-missing is true): SALES SUMMARY DAILY report for 2026-11-21: no sales (Apple: "There were no sales for the date specified").',
  ]);
  expect(existsSync(out('fail.tsv'))).toBe(false);
});

test('version auto: Apple names 1_4 as current, the action switches to it and says so', async () => {
  const logger = recordingLogger();
  const r = await h.run(
    { 'vendor-number': '86000001', 'report-type': 'SUBSCRIPTION', 'output-path': out('sub.tsv') },
    { deps: { logger } },
  );
  expect(r.errors).toEqual([]);
  expect(
    h.emulator.requests.map(
      (q) => `${q.status} ${decodeURIComponent(q.query).match(/filter\[version\]=([^&]+)/)?.[1]}`,
    ),
  ).toEqual(['400 1_3', '200 1_4']);
  expect(logger.lines).toContain(
    'warning: Apple says the current version of SUBSCRIPTION reports is 1_4 (this action asked for 1_3); using 1_4.',
  );
  expect(r.outputs.version).toBe('1_4');
  expect(JSON.parse(r.outputs.summary!).versionSwitches).toEqual([{ from: '1_3', to: '1_4' }]);
  expect(r.summary).toContain('Apple moved this report from version 1_3 to 1_4.');
});

test('a pinned version Apple refuses fails with the version Apple names, and writes nothing', async () => {
  const r = await h.run({
    'vendor-number': '86000001',
    'report-type': 'SUBSCRIBER',
    version: '1_2',
    'output-path': out('pinned.tsv'),
  });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    'Apple refused version 1_2 of SUBSCRIBER reports: the latest version is 1_3. Set "version" to 1_3, or to auto to follow Apple.',
  ]);
  expect(h.emulator.requests).toHaveLength(1);
  expect(existsSync(out('pinned.tsv'))).toBe(false);
});

test('a backfill range: the first date alone, one file for all days, per-day totals and a chart', async () => {
  const r = await h.run({ from: '2026-11-18', to: '2026-11-24', 'output-path': out('week.tsv') });
  expect(r.errors).toEqual([]);
  expect(r.outputs.status).toBe('available'); // the 21st had no sales: that is a fact, not a missing report
  const summary = JSON.parse(r.outputs.summary!);
  expect(summary.dates.map((d: { date: string; state: string }) => `${d.date} ${d.state}`)).toEqual([
    '2026-11-18 available',
    '2026-11-19 available',
    '2026-11-20 available',
    '2026-11-21 no-sales',
    '2026-11-22 available',
    '2026-11-23 available',
    '2026-11-24 available',
  ]);
  expect(Object.keys(summary.days)).toEqual([
    '2026-11-18',
    '2026-11-19',
    '2026-11-20',
    '2026-11-22',
    '2026-11-23',
    '2026-11-24',
  ]);
  expect(r.outputs.rows).toBe('150');
  const lines = readFileSync(out('week.tsv'), 'utf8').trimEnd().split('\n');
  expect(lines.filter((l) => l.startsWith('Provider\t'))).toHaveLength(1);
  expect(lines.slice(1).map((l) => l.split('\t')[9])).toEqual([...lines.slice(1).map((l) => l.split('\t')[9])].sort());
  expect(h.emulator.requests[0]!.query).toContain('2026-11-18');
  expect(h.emulator.requests).toHaveLength(7);
  expect(r.summary).toContain(
    '```mermaid\nxychart-beta\n  title "Units per day"\n  x-axis ["11-18", "11-19", "11-20", "11-22", "11-23", "11-24"]',
  );
  expect(r.summary).toContain('<li>2026-11-21: no sales that day');
});

test('a body cut short is downloaded again; cut short every time, it is a clear error and no file', async () => {
  h.emulator.faults.add({ path: '/v1/salesReports', kind: 'truncated-gzip' });
  const once = await h.run({ 'report-date': '2026-11-23', 'output-path': out('retried.tsv') });
  expect(once.errors).toEqual([]);
  expect(h.emulator.requests.map((q) => q.status)).toEqual([200, 200]);
  await h.run({ 'report-date': '2026-11-23', 'output-path': out('clean.tsv') });
  expect(readFileSync(out('retried.tsv'))).toEqual(readFileSync(out('clean.tsv')));
  h.emulator.faults.add({ path: '/v1/salesReports', kind: 'truncated-gzip', times: Infinity });
  const always = await h.run({ 'report-date': '2026-11-23', 'output-path': out('broken.tsv') });
  expect(always.exitCode).toBe(1);
  expect(always.errors).toEqual([
    'SALES SUMMARY DAILY report for 2026-11-23: the gzip stream is truncated (unexpected end of file), 3 times in a row. Nothing was written.',
  ]);
  expect(existsSync(out('broken.tsv'))).toBe(false);
});

test('dry-run prints the plan and its cache keys, and asks Apple nothing', async () => {
  const r = await h.run({ 'dry-run': 'true', from: '2026-11-23', to: '2026-11-24', 'output-path': out('dry.tsv') });
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain(
    `would fetch SALES SUMMARY DAILY report for 2026-11-23 (cache key asc-report-v1-${VENDOR}-SALES-SUMMARY-DAILY-2026-11-23-1_0)`,
  );
  expect(r.outputs.status).toBe('dry-run');
  expect(h.emulator.requests).toHaveLength(0);
  expect(existsSync(out('dry.tsv'))).toBe(false);
});

test("the finance report: Quantity × Partner Share per currency agrees with Apple's Extended Partner Share and Total_ lines", async () => {
  const r = await h.run({ 'report-type': 'FINANCIAL', 'region-code': 'EU', 'output-path': out('fin.tsv') });
  expect(r.errors).toEqual([]);
  expect(h.emulator.transcript()).toEqual([
    `GET /v1/financeReports?filter[vendorNumber]=${VENDOR}&filter[reportType]=FINANCIAL&filter[regionCode]=EU&filter[reportDate]=2026-10`,
  ]);
  const summary = JSON.parse(r.outputs.summary!);
  expect(Object.keys(summary.proceedsByCurrency)).toEqual(['EUR']);
  expect(summary.proceedsByCurrency).toEqual(summary.extendedPartnerShareByCurrency);
  expect(summary.notes).toEqual([]); // Total_Rows, Total_Units and Total_Amount all agreed
  expect(summary.units).toBe(summary.rows > 0 ? summary.units : 0);
});
