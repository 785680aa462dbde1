/**
 * Deterministic report generation: the same request always gives the same bytes, any number of
 * rows, streamed in batches so a million-row report never exists as one string.
 */
import { createGzip } from 'node:zlib';
import { cellFor } from './columns.js';
import { usesUsDates } from './layouts.js';
import { seededRandom } from '../seed/random.js';
import { makeRow, money, PRODUCTS, SUBSCRIPTION_PRODUCTS, TERRITORIES, type Row } from './rows.js';

export interface ReportSpec {
  vendorNumber: string;
  reportType: string;
  reportSubType: string;
  /** DAILY, WEEKLY, MONTHLY, YEARLY, or FISCAL_MONTH for finance reports. */
  frequency: string;
  version: string;
  /** As requested: YYYY-MM-DD, YYYY-MM or YYYY. */
  reportDate: string;
  regionCode?: string;
  columns: readonly string[];
  rows: number;
  /** Finance report currencies (from the region). */
  currencies?: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** First and last day of the report period, ISO. */
export function periodOf(frequency: string, date: string): { begin: string; end: string } {
  if (frequency === 'DAILY') return { begin: date, end: date };
  if (frequency === 'WEEKLY') return { begin: iso(Date.parse(`${date}T00:00:00Z`) - 6 * 86_400_000), end: date };
  if (frequency === 'YEARLY') return { begin: `${date}-01-01`, end: `${date}-12-31` };
  const [y, m] = date.split('-').map(Number);
  return { begin: `${date}-01`, end: iso(Date.UTC(y!, m, 0)) };
}

const SUBSCRIPTION_TYPES = new Set([
  'SUBSCRIPTION',
  'SUBSCRIPTION_EVENT',
  'SUBSCRIBER',
  'SUBSCRIPTION_OFFER_CODE_REDEMPTION',
  'FIRST_ANNUAL',
  'WIN_BACK_ELIGIBILITY',
]);

const usDate = (isoDate: string): string => `${isoDate.slice(5, 7)}/${isoDate.slice(8, 10)}/${isoDate.slice(0, 4)}`;

const FINANCE_CELLS: Record<string, (r: Row) => string> = {
  Quantity: (r) => String(r.units),
  'Partner Share': (r) => money(r.proceedsCents),
  'Extended Partner Share': (r) => money(r.proceedsCents * r.units),
  'Partner Share Currency': (r) => r.settlementCurrency ?? r.proceedsCurrency,
  'Sales or Return': (r) => (r.units < 0 ? 'R' : 'S'),
  'Sale or Return': (r) => (r.units < 0 ? 'R' : 'S'),
  'Vendor Identifier': (r) => r.product.sku,
  'Country Of Sale': (r) => r.territory.code,
  'Country of Sale': (r) => r.territory.code,
  'Artist/Show/Developer/Author': () => 'Example Developer',
  'Developer Name': () => 'Example Developer',
  'Transaction Date': (r) => r.begin,
  'Settlement Date': (r) => r.end,
  Region: () => 'Americas',
  'Customer Price': (r) => money(r.priceCents),
};
const FINANCE_BLANK = new Set([
  'UPC',
  'ISRC/ISBN',
  'Label/Studio/Network/Developer/Publisher',
  'Grid',
  'ISAN/Other Identifier',
  'Pre-order Flag',
  'Promo Code',
  'Order Type',
]);

function renderers(spec: ReportSpec): Array<(r: Row) => string> {
  const finance = spec.frequency === 'FISCAL_MONTH';
  return spec.columns.map((name) => {
    if (finance && FINANCE_CELLS[name]) return FINANCE_CELLS[name];
    if (finance && FINANCE_BLANK.has(name)) return () => '';
    return cellFor(name);
  });
}

/** The header line, the rows, and for FINANCIAL reports the `Total_*` trailer lines, each without '\n'. */
export function* reportLines(spec: ReportSpec): Generator<string> {
  const random = seededRandom(
    [
      spec.vendorNumber,
      spec.reportType,
      spec.reportSubType,
      spec.frequency,
      spec.version,
      spec.reportDate,
      spec.regionCode ?? '',
    ].join('|'),
  );
  const span = periodOf(spec.frequency === 'FISCAL_MONTH' ? 'MONTHLY' : spec.frequency, spec.reportDate);
  const period = usesUsDates(spec.reportType) ? { begin: usDate(span.begin), end: usDate(span.end) } : span;
  const territories = spec.currencies ? financeTerritories(spec.currencies) : TERRITORIES;
  const cells = renderers(spec);
  const products = SUBSCRIPTION_TYPES.has(spec.reportType) ? SUBSCRIPTION_PRODUCTS : PRODUCTS;
  yield spec.columns.join('\t');
  let units = 0;
  const amounts = new Map<string, number>();
  for (let i = 0; i < spec.rows; i++) {
    const row = makeRow(random, i, period, territories, products);
    // The Subscriber report has one row per transaction: Units 1, or 0 on a refund row
    // (docs/evidence/sales-reports.md §3).
    if (spec.reportType === 'SUBSCRIBER') row.units = row.refund ? 0 : 1;
    if (spec.currencies) row.settlementCurrency = row.territory.currency;
    units += row.units;
    amounts.set(row.proceedsCurrency, (amounts.get(row.proceedsCurrency) ?? 0) + row.proceedsCents * row.units);
    let line = cells[0]!(row);
    for (let c = 1; c < cells.length; c++) line += '\t' + cells[c]!(row);
    yield line;
  }
  if (spec.reportType === 'FINANCIAL') {
    yield `Total_Rows\t${spec.rows}`;
    // A total across currencies would be meaningless; the emulator writes Total_Amount only for one currency.
    if (amounts.size <= 1) yield `Total_Amount\t${money([...amounts.values()][0] ?? 0)}`;
    yield `Total_Units\t${units}`;
  }
}

function financeTerritories(currencies: readonly string[]): typeof TERRITORIES {
  const matching = TERRITORIES.filter((t) => currencies.includes(t.currency));
  return matching.length ? matching : [{ code: 'US', currency: currencies[0] ?? 'USD', rate: 1 }];
}

/** The whole report as text (small reports, tests). */
export function reportText(spec: ReportSpec): string {
  let text = '';
  for (const line of reportLines(spec)) text += line + '\n';
  return text;
}

/** The gzipped report, generated and compressed in batches of lines. */
export async function gzipReport(spec: ReportSpec): Promise<Buffer> {
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  let batch = '';
  for (const line of reportLines(spec)) {
    batch += line + '\n';
    if (batch.length >= 1 << 20) {
      if (!gzip.write(batch)) await new Promise((r) => gzip.once('drain', r));
      batch = '';
    }
  }
  gzip.end(batch);
  await done;
  return Buffer.concat(chunks);
}
