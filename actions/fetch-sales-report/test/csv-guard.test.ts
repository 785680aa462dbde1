/**
 * Report cells are text from outside: in the CSV export, a cell a spreadsheet would run as a
 * formula (starting with = + - @) gets core's guard (a leading apostrophe), while plain numbers
 * such as a refund's -1 stay numbers. Run through the action against the emulator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSalesTsv } from '@asc-actions/asc-emulator';
import { salesHarness, type Harness } from './fixtures.js';

const VENDOR = '86000004';
const DATE = '2026-11-24';

/** The demo report with hostile titles: one per formula start, the refund row's title included. */
function hostileReport(): string {
  const titles = ['=HYPERLINK("http://x","y")', '+1 555 0100', '@SUM(A1)', '-2+3+cmd|x'];
  let n = 0;
  return demoSalesTsv(DATE)
    .split('\n')
    .map((line, i) => (i === 0 || !line ? line : line.replace(/\tDemo Notes( Pro)?\t/, () => `\t${titles[n++]}\t`)))
    .join('\n');
}

let h: Harness;
beforeAll(async () => {
  h = await salesHarness({
    salesReports: [
      {
        vendorNumber: VENDOR,
        reportType: 'SALES',
        reportSubType: 'SUMMARY',
        frequency: 'DAILY',
        reportDate: DATE,
        version: '1_0',
        tsv: hostileReport(),
      },
    ],
  });
});
const inputs = { 'vendor-number': VENDOR, 'report-date': DATE };
afterAll(() => h.close());

test('CSV export: cells starting with = + - @ are guarded, plain numbers (-1, -2.99) are not', async () => {
  const r = await h.run({ ...inputs, 'output-path': 'guarded.csv', 'output-format': 'csv' });
  expect(r.errors).toEqual([]);
  const lines = readFileSync(join(h.workspace, 'guarded.csv'), 'utf8').split('\r\n');
  const header = lines[0]!.split(',');
  const title = header.indexOf('Title');
  const units = header.indexOf('Units');
  const price = header.indexOf('Customer Price');
  // No other cell of these rows has a comma or quote, so the rows split on commas up to the title.
  const rows = lines.slice(1, -1);
  expect(rows).toHaveLength(4);
  expect(rows[0]).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
  const cells = rows.slice(1).map((row) => row.split(','));
  expect(cells.map((c) => c[title])).toEqual(["'+1 555 0100", "'@SUM(A1)", "'-2+3+cmd|x"]);
  expect(cells[2]![units]).toBe('-1');
  expect(cells[2]![price]).toBe('-2.99');
  expect(lines.at(-1)).toBe('');
});

test('JSON keeps the cells as Apple wrote them (no spreadsheet runs them there)', async () => {
  const r = await h.run({ ...inputs, 'output-path': 'as-is.json', 'output-format': 'json' });
  expect(r.errors).toEqual([]);
  const rows = JSON.parse(readFileSync(join(h.workspace, 'as-is.json'), 'utf8')) as Array<Record<string, string>>;
  expect(rows.map((row) => row.Title)).toEqual(['=HYPERLINK("http://x","y")', '+1 555 0100', '@SUM(A1)', '-2+3+cmd|x']);
});
