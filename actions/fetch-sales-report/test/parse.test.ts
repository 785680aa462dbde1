import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isoDate } from '../src/plan/periods.js';

// Output files go to temp folders here: the temp folder is the workspace (core's safe writer).
beforeAll(() => void (process.env.GITHUB_WORKSPACE = realpathSync(tmpdir())));
afterAll(() => void delete process.env.GITHUB_WORKSPACE);
import { bindHeader } from '../src/read/parse/header.js';
import { rowText, RowSplitter } from '../src/read/parse/lines.js';
import { Amount, scaled } from '../src/read/parse/numbers.js';
import { ReportError } from '../src/read/parse/report-error.js';
import { RowParser } from '../src/read/parse/rows.js';
import { classOf } from '../src/report/classes.js';
import { OutputWriter, unionColumns } from '../src/report/export-writer.js';
import { Totals } from '../src/report/totals.js';

const SALES_HEADER =
  'Provider\tProvider Country\tSKU\tDeveloper\tTitle\tVersion\tProduct Type Identifier\tUnits\tDeveloper Proceeds\tBegin Date\tEnd Date\tCustomer Currency\tCountry Code\tCurrency of Proceeds\tApple Identifier\tCustomer Price\tPromo Code\tParent Identifier\tSubscription\tPeriod\tCategory\tCMB\tDevice\tSupported Platforms\tProceeds Reason\tPreserved Pricing\tClient\tOrder Type';

test.each([
  ['209.30', 2, 20930],
  ['.97', 2, 97],
  ['-85.43', 2, -8543],
  ['0', 2, 0],
  ['12', 4, 120000],
  [' ', 2, 0],
  ['', 4, 0],
  ['1.5', 4, 15000],
  ['+3', 2, 300],
  ['1.234', 2, NaN],
  ['12a', 2, NaN],
  ['1,000.00', 2, NaN],
  ['-', 2, NaN],
  ['.', 2, NaN],
  ['1.2.3', 4, NaN],
] as const)('scaled(%j, %i) = %d', (text, decimals, expected) => {
  expect(scaled(text, decimals)).toBe(expected);
});

test('amounts are exact: 0.1 + 0.2 is 0.30, and sums past 2^53 micro-units stay exact', () => {
  const a = new Amount();
  a.addProduct(100, 1000);
  a.addProduct(100, 2000);
  expect(a.toNumber()).toBe(0.3);
  const big = new Amount();
  for (let i = 0; i < 1000; i++) big.addProduct(1_000_000_00, 16_990_0000); // 1,000,000 units × 16990.00 IDR, a thousand times
  expect(big.cents()).toBe(1_000_000 * 16990 * 1000 * 100);
  const refund = new Amount();
  refund.addProduct(-100, 20930);
  refund.addProduct(300, 20930);
  expect(refund.toNumber()).toBe(4.19);
  const half = new Amount();
  half.addProduct(100, 50); // 0.005 → 0.01 (half away from zero)
  expect(half.toNumber()).toBe(0.01);
  half.addProduct(-200, 50);
  expect(half.toNumber()).toBe(-0.01);
});

test.each([
  ['10/05/2020', '2020-10-05'],
  ['1/21/10', '2010-01-21'],
  ['2020-10-05', '2020-10-05'],
  ['01/21/2010', '2010-01-21'],
  ['13/01/2020', undefined],
  ['2020-02-30', undefined],
  ['10-05-2020', undefined],
  ['', undefined],
])('isoDate(%j) = %j', (text, expected) => {
  expect(isoDate(text)).toBe(expected);
});

test('product type identifiers map to kinds by Apple\'s table; unknown ones are "other"', () => {
  expect(
    ['1', '1F', '1T', 'F1', '1-B', '3', '3F', '7', '7T', 'F7', 'IA1', 'FI1', 'IA3', 'IAY', 'IAY-M', 'IA9', 'X9'].map(
      classOf,
    ),
  ).toEqual([
    'downloads',
    'downloads',
    'downloads',
    'downloads',
    'downloads',
    'redownloads',
    'redownloads',
    'updates',
    'updates',
    'updates',
    'inAppPurchases',
    'inAppPurchases',
    'restoredInAppPurchases',
    'subscriptions',
    'subscriptions',
    'subscriptions',
    'other',
  ]);
});

describe('headers are bound by name and refused when unknown', () => {
  const refusal = (line: string, type: Parameters<typeof bindHeader>[1] = 'SALES'): string => {
    try {
      bindHeader(line, type, 'SALES report for 2026-11-25');
    } catch (e) {
      expect(e).toBeInstanceOf(ReportError);
      return (e as Error).message;
    }
    throw new Error('not refused');
  };

  test('columns in another order bind to the same roles', () => {
    const shuffled = SALES_HEADER.split('\t').reverse().join('\t');
    const b = bindHeader(shuffled, 'SALES', 'x');
    expect(b.columns[b.at.units]).toBe('Units');
    expect(b.columns[b.at.perUnit]).toBe('Developer Proceeds');
    expect(b.columns[b.at.currency]).toBe('Currency of Proceeds');
    expect(b.dateColumns.map((i) => b.columns[i])).toEqual(['End Date', 'Begin Date']);
  });

  test('the pre-2011 SALES layout (Royalty Price, no Developer Proceeds) is refused with the columns it has', () => {
    const legacy =
      'Provider\tProvider Country\tVendor Identifier\tUPC\tISRC\tArtist / Show\tTitle / Episode / Season\tLabel/Studio/Network\tProduct Type Identifier\tUnits\tRoyalty Price\tBegin Date\tEnd Date\tCustomer Currency\tCountry Code\tRoyalty Currency';
    const message = refusal(legacy);
    expect(message).toMatch(
      /SALES report for 2026-11-25: the header is not one this action knows \(a Summary Sales Report needs "Developer Proceeds", "Currency of Proceeds"\)/,
    );
    expect(message).toContain('columns seen: "Provider", "Provider Country", "Vendor Identifier"');
    expect(message).toContain('"Royalty Price"');
  });

  test('a data line, a single column, duplicates, blank names and an empty report are refused', () => {
    expect(refusal('APPLE\tUS\tfoo\t12\t209.30\t10/05/2020')).toMatch(
      /"12" is a value, not a column name: the first line is data/,
    );
    expect(refusal('{"errors":[{"status":"404"}]}')).toMatch(/at least two columns/);
    expect(refusal(`${SALES_HEADER}\tUnits`)).toMatch(/column "units" appears twice/);
    expect(refusal(`${SALES_HEADER}\t`)).toMatch(/a column has no name/);
    expect(refusal('')).toMatch(/the report is empty \(no header line\)/);
  });

  test('names match without case or spaces around "/" (Apple\'s Help spells ISRC / ISBN)', () => {
    const b = bindHeader('start date\tQUANTITY\tPartner Share\tPartner Share Currency\tISRC / ISBN', 'FINANCIAL', 'x');
    expect(b.at.units).toBe(1);
    expect(b.at.date).toBe(0);
  });
});

/** Feeds text through the splitter in chunks of `size` bytes into a SALES parser and the TSV writer; returns the rows written. */
async function parseText(text: string, size: number, header = SALES_HEADER) {
  const totals = new Totals();
  const path = join(mkdtempSync(join(tmpdir(), 'parse-')), 'out.tsv');
  let parser: RowParser | undefined;
  let writer: OutputWriter | undefined;
  const bytes = Buffer.from(`${header}\n${text}`);
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );
  try {
    await pipeline(
      Readable.from(chunks),
      new RowSplitter((b, starts, fields, lineNo) => {
        if (lineNo === 1) {
          const binding = bindHeader(rowText(b, starts, fields), 'SALES', 'SALES report for 2026-11-25');
          writer = new OutputWriter(path, 'tsv', binding.columns);
          writer.useHeader(binding.columns, binding.dateColumns);
          parser = new RowParser(binding, totals, writer, 'SALES report for 2026-11-25');
        } else parser!.row(b, starts, fields, lineNo);
      }),
    );
    writer!.commit();
  } catch (error) {
    writer?.abort();
    throw error;
  }
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .slice(1, -1)
    .map((l) => l.split('\t'));
  return { rows, totals };
}

const row = (cells: Record<number, string>): string => Array.from({ length: 28 }, (_, i) => cells[i] ?? ' ').join('\t');

test('rows split across chunks at any byte (multi-byte titles included) parse the same', async () => {
  const text = [
    row({ 4: 'Café Über 日本', 6: '1F', 7: '3', 8: '2.09', 9: '10/05/2020', 12: 'US', 13: 'USD' }),
    row({ 4: '😀 Emoji', 6: 'IA1', 7: '-1', 8: '.70', 9: '2020-10-05', 12: 'DE', 13: 'EUR', 15: '-0.99' }),
  ].join('\n');
  const whole = await parseText(`${text}\n`, 1 << 16);
  for (const size of [1, 2, 3, 7, 64]) {
    const parsed = await parseText(`${text}\n`, size);
    expect(parsed.rows).toEqual(whole.rows);
  }
  expect(whole.rows[0]![4]).toBe('Café Über 日本');
  expect(whole.rows[1]![4]).toBe('😀 Emoji');
  expect(whole.rows[0]![9]).toBe('2020-10-05');
  expect(whole.rows[0]![16]).toBe(''); // a single-space cell is empty
  expect(whole.totals.all.proceeds.get('USD')!.toNumber()).toBe(6.27);
  expect(whole.totals.all.proceeds.get('EUR')!.toNumber()).toBe(-0.7);
  expect(whole.totals.refunds.rows).toBe(1);
  expect([...whole.totals.days.keys()]).toEqual(['2020-10-05']);
});

test('CRLF line endings, a BOM, a missing final newline and blank lines are read as plain rows', async () => {
  const r = row({ 6: '1', 7: '2', 8: '1.00', 9: '10/05/2020', 12: 'US', 13: 'USD' });
  const parsed = await parseText(`${r}\r\n\r\n${r}`, 5, `\uFEFF${SALES_HEADER}\r`);
  expect(parsed.rows).toHaveLength(2);
  expect(parsed.rows[1]![27]).toBe('');
  expect(parsed.totals.all.proceeds.get('USD')!.toNumber()).toBe(4);
});

test.each([
  [row({ 7: 'twelve', 13: 'USD' }), /line 2, column "Units": expected a number of units, got "twelve"/],
  [
    row({ 7: '1', 8: '1.23456', 13: 'USD' }),
    /line 2, column "Developer Proceeds": expected an amount per unit, got "1.23456"/,
  ],
  [
    row({ 7: '2', 8: '3.00', 13: ' ' }),
    /line 2, column "Currency of Proceeds": expected a currency for non-zero proceeds, got " "/,
  ],
  [
    row({ 7: '2', 8: '3.00', 9: '2020/10/05', 13: 'USD' }),
    /line 2, column "Begin Date": expected a date \(MM\/DD\/YYYY or YYYY-MM-DD\), got "2020\/10\/05"/,
  ],
  ['APPLE\tUS\tfoo', /line 2: 3 fields where the header has 28; the report is malformed/],
])('a bad row is refused with its line and column: %#', async (text, message) => {
  await expect(parseText(`${text}\n`, 1 << 16)).rejects.toThrow(message);
});

test('a free row with a blank currency and zero proceeds counts its units but no money', async () => {
  const parsed = await parseText(`${row({ 6: '1', 7: '5', 8: '0.00', 12: 'AM', 13: ' ' })}\n`, 1 << 16);
  expect(parsed.totals.all.units).toBe(500);
  expect(parsed.totals.all.proceeds.size).toBe(0);
  expect(parsed.totals.territories.get('AM')!.units).toBe(500);
});

test('reports with different headers share one output: columns by name, in order of first appearance', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'union-'));
  const a = ['Units', 'Country Code', 'Begin Date'];
  const b = ['country code', 'Units', 'Title', 'Begin Date'];
  const columns = unionColumns([a, b]);
  expect(columns).toEqual(['Units', 'Country Code', 'Begin Date', 'Title']);
  const outputs: Record<string, string> = {};
  for (const format of ['tsv', 'csv', 'json'] as const) {
    const writer = new OutputWriter(join(dir, `out.${format}`), format, columns);
    for (const [header, line] of [
      [a, '3\tUS\t10/05/2020'],
      [b, ' \t-1\tCafé, "Über"\t2020-10-06'],
    ] as const) {
      writer.useHeader([...header], [header.indexOf('Begin Date')]);
      const bytes = Buffer.from(`${line}\n`);
      const starts = Int32Array.from([
        0,
        ...[...bytes.entries()].filter(([, v]) => v === 9).map(([i]) => i + 1),
        bytes.length,
      ]);
      writer.row(bytes, starts, header.length, [isoDate(line.split('\t')[header.indexOf('Begin Date')]!)]);
    }
    writer.commit();
    outputs[format] = readFileSync(join(dir, `out.${format}`), 'utf8');
  }
  expect(outputs.tsv).toBe(
    'Units\tCountry Code\tBegin Date\tTitle\n3\tUS\t2020-10-05\t\n-1\t\t2020-10-06\tCafé, "Über"\n',
  );
  expect(outputs.csv).toBe(
    'Units,Country Code,Begin Date,Title\r\n3,US,2020-10-05,\r\n-1,,2020-10-06,"Café, ""Über"""\r\n',
  );
  expect(JSON.parse(outputs.json!)).toEqual([
    { Units: '3', 'Country Code': 'US', 'Begin Date': '2020-10-05', Title: '' },
    { Units: '-1', 'Country Code': '', 'Begin Date': '2020-10-06', Title: 'Café, "Über"' },
  ]);
});
