import { gunzipSync } from 'node:zlib';
import { demoSalesTsv, DEMO_VENDOR_NUMBER, SALES_SUMMARY_HEADER } from '../src/index.js';
import { firstError, harness, TestClock, type Harness } from './support/harness.js';

const DATE = '2026-11-25';
const report = {
  vendorNumber: DEMO_VENDOR_NUMBER,
  reportType: 'SALES',
  reportSubType: 'SUMMARY',
  frequency: 'DAILY',
  version: '1_0',
};

function query(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    'filter[vendorNumber]': DEMO_VENDOR_NUMBER,
    'filter[reportType]': 'SALES',
    'filter[reportSubType]': 'SUMMARY',
    'filter[frequency]': 'DAILY',
    ...extra,
  });
  return `/v1/salesReports?${params.toString()}`;
}

let h: Harness;
beforeAll(async () => {
  h = await harness({
    seed: {
      salesReports: [
        { ...report, reportDate: '2026-11-24', tsv: demoSalesTsv('2026-11-24') },
        { ...report, reportDate: DATE, tsv: demoSalesTsv(DATE) },
        { ...report, reportDate: '2026-11-23', tsv: null },
      ],
    },
  });
});
afterAll(() => h.emu.close());
beforeEach(() => {
  h.emu.faults.clear();
});
afterEach(() => {
  expect(h.emu.violations).toEqual([]);
});

test('a report is gzipped TSV with content type application/a-gzip', async () => {
  const res = await h.get(query({ 'filter[reportDate]': DATE, 'filter[version]': '1_0' }));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/a-gzip');
  expect(res.headers.get('x-reports-filename')).toBe('S_D_85000000_20261125.txt.gz');
  const tsv = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
  expect(tsv).toBe(demoSalesTsv(DATE));
  expect(tsv.split('\n')[0]?.split('\t')).toEqual(SALES_SUMMARY_HEADER);
  expect(tsv).toContain('\t11/25/2026\t');
});

test('without reportDate the latest report comes back', async () => {
  const res = await h.get(query());
  expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(demoSalesTsv(DATE));
});

test("'truncated-gzip' cuts the body short so that gunzip fails", async () => {
  h.emu.faults.add({ path: '/v1/salesReports', kind: 'truncated-gzip' });
  const res = await h.get(query({ 'filter[reportDate]': DATE }));
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  expect(body.length).toBeGreaterThan(0);
  expect(() => gunzipSync(body)).toThrow(/unexpected end of file/);
  expect(h.emu.faults.pending()).toEqual([]);
});

test("a report that is not there yet is a 404 with Apple's words", async () => {
  const res = await h.get(query({ 'filter[reportDate]': '2026-11-26' }));
  expect(res.status).toBe(404);
  const error = await firstError(res);
  expect(`${error.title} - ${error.detail}`).toMatch(
    /^The request expected results but none were found - Report is not available yet/,
  );
});

test('a day without sales is a 404 that says so', async () => {
  const res = await h.get(query({ 'filter[reportDate]': '2026-11-23' }));
  expect(res.status).toBe(404);
  expect((await firstError(res)).detail).toBe('There were no sales for the date specified.');
});

test("a wrong version or vendor is a 400 in Apple's words", async () => {
  const version = await h.get(query({ 'filter[version]': '1_3' }));
  expect(version.status).toBe(400);
  expect(await firstError(version)).toMatchObject({
    code: 'PARAMETER_ERROR.INVALID',
    detail: 'The version parameter you have specified is invalid. The latest version for this report is 1_0.',
    source: { parameter: 'filter[version]' },
  });
  const vendor = await h.get(query({ 'filter[vendorNumber]': '99999999' }));
  expect(await firstError(vendor)).toMatchObject({ detail: 'Invalid vendor number specified. Try again.' });
});

test("the demo seed has yesterday's report and salesReportKeys() gives its query", async () => {
  const clock = new TestClock(Date.parse('2026-03-02T08:00:00Z'));
  const demo = await harness({ clock });
  try {
    const [key] = demo.emu.state.salesReportKeys();
    expect(key).toMatchObject({ 'filter[reportDate]': '2026-03-01', 'filter[vendorNumber]': DEMO_VENDOR_NUMBER });
    const res = await demo.get(`/v1/salesReports?${new URLSearchParams(key).toString()}`);
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toContain('Demo Notes');
  } finally {
    await demo.emu.close();
  }
});
