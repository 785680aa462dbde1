/**
 * Real reports (anonymised, from matisiekpl/appstore-sdk-go; read through ASC_CORPUS_DIR, never
 * copied into the repo), gzipped here and read by the action's own pipeline. Every total is
 * checked against figures this test computes on its own, the plain way: split lines and tabs,
 * look columns up by name, multiply in integer cents.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ReportType } from '../src/catalog.js';
import type { Outcome } from '../src/model.js';
import { processReports } from '../src/report/export.js';
import type { ReportSettings } from '../src/inputs/settings.js';
import { buildSummary, type SummaryJson } from '../src/report/summary.js';

const corpus = process.env.ASC_CORPUS_DIR;
if (!corpus || !existsSync(join(corpus, 'sales-reports')))
  throw new Error('ASC_CORPUS_DIR must point at the shared corpus (../shared/corpus): the real-report tests read it.');
const root = join(corpus, 'sales-reports', 'matisiekpl__appstore-sdk-go', 'stubs', 'reports');
const tmp = mkdtempSync(join(tmpdir(), 'corpus-'));
// Outputs are written only inside the workspace (core's safe writer): the temp folder stands in for it.
const workspaceBefore = process.env.GITHUB_WORKSPACE;
beforeAll(() => {
  process.env.GITHUB_WORKSPACE = tmp;
});
afterAll(() => {
  if (workspaceBefore === undefined) delete process.env.GITHUB_WORKSPACE;
  else process.env.GITHUB_WORKSPACE = workspaceBefore;
});

const FILES: Record<string, ReportType> = {
  'sales/sales.tsv': 'SALES',
  'sales/subscriptions.tsv': 'SUBSCRIPTION',
  'sales/subscriptions-events.tsv': 'SUBSCRIPTION_EVENT',
  'sales/subscribers.tsv': 'SUBSCRIBER',
  'finances/financial.tsv': 'FINANCIAL',
};

test('every file of the corpus is covered here', () => {
  const found = readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.tsv'))
    .sort();
  expect(found).toEqual(Object.keys(FILES).sort());
});

/** The file as records keyed by header name (the independent reading). */
function records(relative: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(join(root, relative), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const names = header!.split('\t');
  return lines
    .filter((l) => !l.startsWith('Total_'))
    .map((l) => Object.fromEntries(l.split('\t').map((c, i) => [names[i], c])));
}

const cents = (text: string | undefined): number => Math.round(Number((text ?? '').trim() || 0) * 100);

async function parse(
  relative: string,
  type: ReportType,
  format: 'tsv' | 'json' = 'tsv',
): Promise<{ summary: SummaryJson; output: string }> {
  const file = join(tmp, `${relative.replace(/\//g, '_')}.gz`);
  writeFileSync(file, gzipSync(readFileSync(join(root, relative))));
  const finance = type === 'FINANCIAL';
  const settings: ReportSettings = {
    vendorNumber: '12345678',
    reportType: type,
    finance,
    period: finance ? 'FISCAL_MONTH' : 'DAILY',
    version: 'auto',
    dates: ['2020-10-05'],
    range: false,
    outputPath: join(tmp, `${relative.replace(/\//g, '_')}.out.${format}`),
    outputFormat: format,
    ...(finance ? { regionCode: 'US' } : { reportSubType: 'SUMMARY' }),
  };
  const outcomes: Outcome[] = [{ date: '2020-10-05', state: 'available', source: 'api', file }];
  const processed = await processReports(outcomes, settings, true);
  return { summary: buildSummary(settings, outcomes, processed, []), output: readFileSync(processed.path!, 'utf8') };
}

function sumBy<T extends string>(
  rows: Array<Record<string, string>>,
  key: (r: Record<string, string>) => T,
  value: (r: Record<string, string>) => number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + value(r);
  return out;
}

test('SALES (real 28-column file): proceeds = Σ units × per-unit proceeds per currency, units per product type and territory', async () => {
  const rows = records('sales/sales.tsv');
  const { summary, output } = await parse('sales/sales.tsv', 'SALES');
  const withCurrency = rows.filter((r) => r['Currency of Proceeds']!.trim() !== '');
  const expected = sumBy(
    withCurrency,
    (r) => r['Currency of Proceeds']!,
    (r) => Number(r.Units) * cents(r['Developer Proceeds']),
  );
  expect(summary.proceedsByCurrency).toEqual(
    Object.fromEntries(
      Object.entries(expected)
        .sort()
        .map(([c, v]) => [c, v / 100]),
    ),
  );
  // By hand (awk over the file): 12×209.30 + 3×559.30 + 18×209.30 + 2×2065.00 + 31×419.30 + 1×489.30
  // + 0×59.80 (the refund row adds nothing) + 3×559.30 + 45×209.30 + 18×419.30 = 44218.30.
  expect(summary.proceedsByCurrency.RUB).toBe(44218.3);
  expect(summary.unitsByProductType).toEqual(
    sumBy(
      rows,
      (r) => r['Product Type Identifier']!,
      (r) => Number(r.Units),
    ),
  );
  expect(summary.units).toBe(rows.reduce((a, r) => a + Number(r.Units), 0));
  const territories = sumBy(
    rows,
    (r) => r['Country Code']!,
    (r) => Number(r.Units),
  );
  expect(Object.fromEntries(Object.entries(summary.territories).map(([k, t]) => [k, t.units]))).toEqual(territories);
  expect(summary.unitsByClass).toMatchObject({
    subscriptions: rows.filter((r) => r['Product Type Identifier'] === 'IAY').reduce((a, r) => a + Number(r.Units), 0),
  });
  expect(summary.refunds.rows).toBe(rows.filter((r) => r['Customer Price']!.startsWith('-')).length);
  expect(summary.rows).toBe(rows.length);
  // Output: single-space cells empty, MM/DD/YYYY dates as YYYY-MM-DD, same columns.
  const [header, first] = output.split('\n');
  expect(header).toBe(readFileSync(join(root, 'sales/sales.tsv'), 'utf8').split('\n')[0]);
  expect(first!.split('\t')).toEqual(expect.arrayContaining(['2020-10-05', 'Renewal', '7 Days']));
  expect(output).not.toMatch(/\t \t|\t \n|\d\d\/\d\d\/\d{4}/);
});

test('SUBSCRIBER (1_2 layout): proceeds per currency, refund rows counted, every unit a subscription', async () => {
  const rows = records('sales/subscribers.tsv');
  const { summary } = await parse('sales/subscribers.tsv', 'SUBSCRIBER');
  const expected = sumBy(
    rows,
    (r) => r['Proceeds Currency']!,
    (r) => Number(r.Units) * cents(r['Developer Proceeds']),
  );
  expect(summary.proceedsByCurrency).toEqual(
    Object.fromEntries(
      Object.entries(expected)
        .sort()
        .map(([c, v]) => [c, v / 100]),
    ),
  );
  expect(summary.refunds.rows).toBe(rows.filter((r) => r.Refund === 'Yes').length);
  expect(summary.refunds.rows).toBeGreaterThan(0);
  expect(summary.unitsByClass.subscriptions).toBe(rows.reduce((a, r) => a + Number(r.Units), 0));
  expect(Object.keys(summary.days)).toEqual([...new Set(rows.map((r) => r['Event Date']))].sort());
});

test('SUBSCRIPTION_EVENT (1_2 layout): events weighted by Quantity, per territory', async () => {
  const rows = records('sales/subscriptions-events.tsv');
  const { summary } = await parse('sales/subscriptions-events.tsv', 'SUBSCRIPTION_EVENT', 'json');
  expect(summary.events).toEqual(
    Object.fromEntries(
      Object.entries(
        sumBy(
          rows,
          (r) => r.Event!,
          (r) => Number(r.Quantity),
        ),
      ).sort(),
    ),
  );
  expect(summary.events!['Start Introductory Offer']).toBeGreaterThanOrEqual(42);
  expect(summary.units).toBe(rows.reduce((a, r) => a + Number(r.Quantity), 0));
  expect(summary.proceedsByCurrency).toEqual({});
});

test('SUBSCRIPTION (1_2 layout): subscription counts summed per column', async () => {
  const rows = records('sales/subscriptions.tsv');
  const { summary, output } = await parse('sales/subscriptions.tsv', 'SUBSCRIPTION', 'json');
  const active = rows.reduce((a, r) => a + Number(r['Active Standard Price Subscriptions']), 0);
  expect(summary.totals!['Active Standard Price Subscriptions']).toBe(active);
  expect(summary.totals!['Billing Retry']).toBe(rows.reduce((a, r) => a + Number(r['Billing Retry']), 0));
  expect(Object.keys(summary.territories).sort()).toEqual([...new Set(rows.map((r) => r.Country!))].sort());
  const json = JSON.parse(output) as Array<Record<string, string>>;
  expect(json).toHaveLength(rows.length);
  expect(json[0]!['App Name']).toBe(rows[0]!['App Name']);
});

test("FINANCIAL: Quantity × Partner Share per currency, checked against Apple's Total_ lines", async () => {
  const { summary, output } = await parse('finances/financial.tsv', 'FINANCIAL');
  expect(summary.proceedsByCurrency).toEqual({ USD: 34.65 });
  expect(summary.extendedPartnerShareByCurrency).toEqual({ USD: 34.65 });
  expect(summary.units).toBe(6);
  expect(summary.rows).toBe(2);
  expect(summary.notes).toEqual([]);
  expect(output).not.toContain('Total_');
  expect(output.split('\n')[1]!.startsWith('2020-10-05\t2021-10-05\t')).toBe(true);
});
