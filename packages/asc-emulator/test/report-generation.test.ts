import { gunzipSync } from 'node:zlib';
import { layoutFor, SALES_MATRIX } from '../src/index.js';
import { firstError, harness, TestClock, type Harness } from './support/harness.js';

const VENDOR = '87000000';
// 2026-11-26 16:00 UTC is 08:00 Pacific (PST): the daily report of the 25th has just come out.
const clock = new TestClock(Date.parse('2026-11-26T16:00:00Z'));

let h: Harness;
beforeAll(async () => {
  h = await harness({
    clock,
    seed: {
      reportVendors: [
        { vendorNumber: VENDOR, rows: 12, noSalesDates: ['2026-11-20', '2026-09'] },
        {
          vendorNumber: '87000001',
          rows: 5,
          versions: { SUBSCRIPTION: ['1_3', '1_4'], SUBSCRIBER: ['1_4'] },
          layouts: {
            SALES: [
              'Units',
              'Country Code',
              'Developer Proceeds',
              'Currency of Proceeds',
              'Product Type Identifier',
              'Begin Date',
            ],
          },
        },
      ],
    },
  });
});
afterAll(() => h.emu.close());
afterEach(() => {
  expect(h.emu.violations).toEqual([]);
  clock.t = Date.parse('2026-11-26T16:00:00Z');
});

function salesQuery(f: Record<string, string>): string {
  return `/v1/salesReports?${new URLSearchParams(Object.fromEntries(Object.entries(f).map(([k, v]) => [`filter[${k}]`, v]))).toString()}`;
}

const dateFor = (frequency: string): string =>
  ({ DAILY: '2026-11-25', WEEKLY: '2026-11-22', MONTHLY: '2026-10', YEARLY: '2025' })[frequency]!;

const cases = SALES_MATRIX.flatMap((c) =>
  c.frequencies.map((frequency) => [c.reportType, c.reportSubType, frequency, c.versions.at(-1)!] as const),
);

test.each(cases)(
  '%s %s %s is served as gzipped TSV in its layout (version %s)',
  async (reportType, reportSubType, frequency, version) => {
    const res = await h.get(
      salesQuery({
        vendorNumber: VENDOR,
        reportType,
        reportSubType,
        frequency,
        reportDate: dateFor(frequency),
        version,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/a-gzip');
    expect(res.headers.get('content-encoding')).toBe('agzip');
    const lines = gunzipSync(Buffer.from(await res.arrayBuffer()))
      .toString('utf8')
      .split('\n');
    expect(lines[0]!.split('\t')).toEqual(layoutFor(reportType, reportSubType, version));
    expect(lines.slice(1, -1)).toHaveLength(12);
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(1, -1)) expect(line.split('\t')).toHaveLength(lines[0]!.split('\t').length);
  },
);

test('the same request gives the same bytes; another date other rows', async () => {
  const q = salesQuery({
    vendorNumber: VENDOR,
    reportType: 'SALES',
    reportSubType: 'SUMMARY',
    frequency: 'DAILY',
    reportDate: '2026-11-24',
  });
  const a = Buffer.from(await (await h.get(q)).arrayBuffer());
  const b = Buffer.from(await (await h.get(q)).arrayBuffer());
  expect(a.equals(b)).toBe(true);
  const other = Buffer.from(await (await h.get(q.replace('2026-11-24', '2026-11-23'))).arrayBuffer());
  expect(gunzipSync(other).toString()).not.toBe(gunzipSync(a).toString());
  expect(gunzipSync(a).toString()).toContain('\t11/24/2026\t11/24/2026\t');
});

test('a report is published at 8 am Pacific the next day; before that it is a 404 "not available yet"', async () => {
  const q = salesQuery({
    vendorNumber: VENDOR,
    reportType: 'SALES',
    reportSubType: 'SUMMARY',
    frequency: 'DAILY',
    reportDate: '2026-11-25',
  });
  clock.t = Date.parse('2026-11-26T15:59:00Z'); // 07:59 PST
  const early = await h.get(q);
  expect(early.status).toBe(404);
  expect(await firstError(early)).toMatchObject({
    title: 'The request expected results but none were found',
    detail: expect.stringMatching(/^Report is not available yet/),
  });
  clock.t = Date.parse('2026-11-26T16:00:00Z');
  expect((await h.get(q)).status).toBe(200);
});

test('without a reportDate the latest published report comes back (weekly: the last Sunday)', async () => {
  const res = await h.get(
    salesQuery({ vendorNumber: VENDOR, reportType: 'SALES', reportSubType: 'SUMMARY', frequency: 'WEEKLY' }),
  );
  expect(res.headers.get('x-reports-filename')).toBe(`S_W_${VENDOR}_20261122.txt.gz`);
  const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString();
  expect(text).toContain('\t11/16/2026\t11/22/2026\t');
});

test('a day without sales is Apple\'s 404 "There were no sales for the date specified."', async () => {
  const res = await h.get(
    salesQuery({
      vendorNumber: VENDOR,
      reportType: 'SALES',
      reportSubType: 'SUMMARY',
      frequency: 'DAILY',
      reportDate: '2026-11-20',
    }),
  );
  expect(res.status).toBe(404);
  expect((await firstError(res)).detail).toBe('There were no sales for the date specified.');
});

test('a version Apple has moved past is a 400 naming the latest one', async () => {
  const base = {
    vendorNumber: '87000001',
    reportType: 'SUBSCRIBER',
    reportSubType: 'DETAILED',
    frequency: 'DAILY',
    reportDate: '2026-11-25',
  };
  const old = await h.get(salesQuery({ ...base, version: '1_3' }));
  expect(old.status).toBe(400);
  expect(await firstError(old)).toMatchObject({
    code: 'PARAMETER_ERROR.INVALID',
    source: { parameter: 'filter[version]' },
    detail: 'The version parameter you have specified is invalid. The latest version for this report is 1_4.',
  });
  expect((await h.get(salesQuery({ ...base, version: '1_4' }))).status).toBe(200);
  // An older version Apple still serves is served.
  expect(
    (await h.get(salesQuery({ ...base, reportType: 'SUBSCRIPTION', reportSubType: 'SUMMARY', version: '1_3' }))).status,
  ).toBe(200);
});

test('a seeded layout replaces the built-in one (columns in another order)', async () => {
  const res = await h.get(
    salesQuery({
      vendorNumber: '87000001',
      reportType: 'SALES',
      reportSubType: 'SUMMARY',
      frequency: 'DAILY',
      reportDate: '2026-11-25',
    }),
  );
  const [header, row] = gunzipSync(Buffer.from(await res.arrayBuffer()))
    .toString()
    .split('\n');
  expect(header).toBe(
    'Units\tCountry Code\tDeveloper Proceeds\tCurrency of Proceeds\tProduct Type Identifier\tBegin Date',
  );
  expect(row!.split('\t')[5]).toBe('11/25/2026');
});

test('impossible combinations, dates in the wrong format and unknown vendors are 400s', async () => {
  const bad: Array<Record<string, string>> = [
    { vendorNumber: VENDOR, reportType: 'SUBSCRIPTION', reportSubType: 'SUMMARY', frequency: 'WEEKLY' },
    { vendorNumber: VENDOR, reportType: 'SALES', reportSubType: 'DETAILED', frequency: 'DAILY' },
    {
      vendorNumber: VENDOR,
      reportType: 'SALES',
      reportSubType: 'SUMMARY',
      frequency: 'MONTHLY',
      reportDate: '2026-10-01',
    },
    {
      vendorNumber: VENDOR,
      reportType: 'SALES',
      reportSubType: 'SUMMARY',
      frequency: 'WEEKLY',
      reportDate: '2026-11-23',
    },
    { vendorNumber: '99999999', reportType: 'SALES', reportSubType: 'SUMMARY', frequency: 'DAILY' },
  ];
  for (const f of bad) {
    const res = await h.get(salesQuery(f));
    expect([f, res.status]).toEqual([f, 400]);
  }
});

describe('GET /v1/financeReports', () => {
  const financeQuery = (f: Record<string, string>): string =>
    `/v1/financeReports?${new URLSearchParams(Object.fromEntries(Object.entries(f).map(([k, v]) => [`filter[${k}]`, v]))).toString()}`;

  test('FINANCIAL: the real layout, rows in the region currency, and Total_ trailer lines that add up', async () => {
    const res = await h.get(
      financeQuery({ vendorNumber: VENDOR, reportType: 'FINANCIAL', regionCode: 'EU', reportDate: '2026-10' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/a-gzip');
    expect(res.headers.get('x-reports-filename')).toBe(`${VENDOR}_1026_EU.txt.gz`);
    const lines = gunzipSync(Buffer.from(await res.arrayBuffer()))
      .toString()
      .trimEnd()
      .split('\n');
    const header = lines[0]!.split('\t');
    expect(header).toEqual(layoutFor('FINANCIAL', '', ''));
    const rows = lines.slice(1, 13).map((l) => Object.fromEntries(l.split('\t').map((c, i) => [header[i], c])));
    expect(new Set(rows.map((r) => r['Partner Share Currency']))).toEqual(new Set(['EUR']));
    const cents = rows.reduce((sum, r) => sum + Math.round(Number(r['Extended Partner Share']) * 100), 0);
    const units = rows.reduce((sum, r) => sum + Number(r.Quantity), 0);
    expect(lines.slice(13)).toEqual([
      'Total_Rows\t12',
      `Total_Amount\t${(cents / 100).toFixed(2)}`,
      `Total_Units\t${units}`,
    ]);
    for (const r of rows)
      expect(Math.round(Number(r.Quantity) * Number(r['Partner Share']) * 100)).toBe(
        Math.round(Number(r['Extended Partner Share']) * 100),
      );
  });

  test('FINANCE_DETAIL is for region Z1; a month not closed yet is "not available yet"; no-sales months say so', async () => {
    expect(
      (
        await h.get(
          financeQuery({ vendorNumber: VENDOR, reportType: 'FINANCE_DETAIL', regionCode: 'Z1', reportDate: '2026-10' }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await h.get(
          financeQuery({ vendorNumber: VENDOR, reportType: 'FINANCE_DETAIL', regionCode: 'US', reportDate: '2026-10' }),
        )
      ).status,
    ).toBe(400);
    const november = await h.get(
      financeQuery({ vendorNumber: VENDOR, reportType: 'FINANCIAL', regionCode: 'US', reportDate: '2026-11' }),
    );
    expect(november.status).toBe(404);
    expect((await firstError(november)).detail).toMatch(/not available yet/);
    const september = await h.get(
      financeQuery({ vendorNumber: VENDOR, reportType: 'FINANCIAL', regionCode: 'US', reportDate: '2026-09' }),
    );
    expect((await firstError(september)).detail).toBe('There were no sales for the date specified.');
    expect(
      (
        await h.get(
          financeQuery({ vendorNumber: '99999999', reportType: 'FINANCIAL', regionCode: 'US', reportDate: '2026-10' }),
        )
      ).status,
    ).toBe(400);
  });
});
