/**
 * What a workflow gets wrong, and what comes back wrong: each case fails the step with one clear
 * line and leaves no output file; a bad input also makes no request at all.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SALES_COLUMNS } from '@asc-actions/asc-emulator';
import { salesHarness, VENDOR, type Harness } from './fixtures.js';

const LEGACY_SALES = [
  'Provider',
  'Provider Country',
  'Vendor Identifier',
  'UPC',
  'ISRC',
  'Artist / Show',
  'Title / Episode / Season',
  'Label/Studio/Network',
  'Product Type Identifier',
  'Units',
  'Royalty Price',
  'Begin Date',
  'End Date',
  'Customer Currency',
  'Country Code',
  'Royalty Currency',
];

let h: Harness;
beforeAll(async () => {
  h = await salesHarness({
    reportVendors: [
      { vendorNumber: VENDOR, rows: 5 },
      { vendorNumber: '86000002', rows: 5, layouts: { SALES: LEGACY_SALES } },
    ],
    salesReports: [
      {
        vendorNumber: '86000003',
        reportType: 'SALES',
        reportSubType: 'SUMMARY',
        frequency: 'DAILY',
        reportDate: '2026-11-25',
        version: '1_0',
        tsv: '',
      },
      {
        vendorNumber: '86000003',
        reportType: 'SALES',
        reportSubType: 'SUMMARY',
        frequency: 'DAILY',
        reportDate: '2026-11-24',
        version: '1_0',
        tsv: `${SALES_COLUMNS.join('\t')}\nAPPLE\tUS\tfoo\n`,
      },
    ],
  });
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.requests.length = 0;
  h.emulator.faults.clear();
});
afterEach(() => expect(h.emulator.violations).toEqual([]));

/** A proxy in front of the API that answers report downloads itself (an empty 200, an HTML page). */
const proxy =
  (body: string, type: string): typeof fetch =>
  async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/v1/salesReports')) return new Response(body, { status: 200, headers: { 'content-type': type } });
    return fetch(input, init);
  };

// Every row has all five fields: jest takes a test function with more parameters than the row for a `done`-callback test.
type Case = [
  name: string,
  inputs: Record<string, string>,
  message: RegExp,
  requests: number,
  fetcher: typeof fetch | undefined,
];

const CASES: Case[] = [
  [
    'bad date for the frequency',
    { frequency: 'MONTHLY', 'report-date': '2026-10-31' },
    /^Input "report-date" must be a monthly report date, YYYY-MM; got "2026-10-31"/,
    0,
    undefined,
  ],
  [
    'unknown report type',
    { 'report-type': 'DOWNLOADS' },
    /^Input "report-type" must be one of SALES \(default\), PRE_ORDER, NEWSSTAND, SUBSCRIPTION, SUBSCRIPTION_EVENT, SUBSCRIBER, SUBSCRIPTION_OFFER_CODE_REDEMPTION, INSTALLS, FIRST_ANNUAL, WIN_BACK_ELIGIBILITY, FINANCIAL, FINANCE_DETAIL; got "DOWNLOADS"\.$/,
    0,
    undefined,
  ],
  [
    'subtype not allowed for the type',
    { 'report-type': 'SUBSCRIBER', 'report-subtype': 'SUMMARY' },
    /^Input "report-subtype" SUMMARY is not offered for SUBSCRIBER reports; Apple offers DETAILED\.$/,
    0,
    undefined,
  ],
  [
    'frequency not allowed for the type',
    { 'report-type': 'SUBSCRIPTION_EVENT', frequency: 'MONTHLY' },
    /^Input "frequency" MONTHLY is not offered for SUBSCRIPTION_EVENT SUMMARY reports; Apple offers DAILY/,
    0,
    undefined,
  ],
  [
    'finance without region',
    { 'report-type': 'FINANCIAL' },
    /^Input "region-code" is required for FINANCIAL reports/,
    0,
    undefined,
  ],
  [
    'a date still running in Pacific time',
    { 'report-date': '2026-11-26' },
    /^Input "report-date" 2026-11-26 is not over yet in Pacific time/,
    0,
    undefined,
  ],
  [
    'a weekly date that is not a Sunday',
    { frequency: 'WEEKLY', 'report-date': '2026-11-20' },
    /not a Sunday \(try 2026-11-22\)/,
    0,
    undefined,
  ],
  [
    'vendor number with letters',
    { 'vendor-number': 'ACME' },
    /^Input "vendor-number" must be your vendor number, digits only/,
    0,
    undefined,
  ],
  [
    'output format against the extension',
    { 'output-format': 'json', 'output-path': 'report.csv' },
    /^Input "output-format" is json but "output-path" ends in \.csv/,
    0,
    undefined,
  ],
  [
    'wait longer than a job may run',
    { 'wait-until-available': '8h' },
    /^Input "wait-until-available" must be at most 6h/,
    0,
    undefined,
  ],
  [
    'a near miss of a report type',
    { 'report-type': 'SUBSCRIPTON' },
    /^Input "report-type" must be one of SALES \(default\), .*; got "SUBSCRIPTON"\. Did you mean SUBSCRIPTION\?$/,
    0,
    undefined,
  ],
  ['cache not a boolean', { cache: 'sometimes' }, /^Input "cache" must be true or false/, 0, undefined],
  [
    'truncated gzip',
    { 'report-date': '2026-11-25' },
    /^SALES SUMMARY DAILY report for 2026-11-25: the gzip stream is truncated \(unexpected end of file\), 3 times in a row\. Nothing was written\.$/,
    3,
    undefined,
  ],
  [
    'unknown layout (the pre-2011 SALES columns)',
    { 'vendor-number': '86000002' },
    /the header is not one this action knows \(a Summary Sales Report needs "Developer Proceeds", "Currency of Proceeds"\); columns seen: "Provider", .*"Royalty Price".*Nothing was written\.$/,
    1,
    undefined,
  ],
  [
    'empty report (gzip of nothing)',
    { 'vendor-number': '86000003' },
    /^SALES SUMMARY DAILY report for 2026-11-25: the report is empty \(no header line\)\. Nothing was written\.$/,
    1,
    undefined,
  ],
  [
    'malformed row',
    { 'vendor-number': '86000003', 'report-date': '2026-11-24' },
    /^SALES SUMMARY DAILY report for 2026-11-24, line 2: 3 fields where the header has 28; the report is malformed\. Nothing was written\.$/,
    1,
    undefined,
  ],
  [
    'empty body',
    {},
    /^SALES SUMMARY DAILY report for 2026-11-25: the answer's body was empty \(application\/a-gzip\), 3 times in a row\. Nothing was written\.$/,
    0,
    proxy('', 'application/a-gzip'),
  ],
  [
    "not gzip (a proxy's HTML page)",
    {},
    /^SALES SUMMARY DAILY report for 2026-11-25: the answer is not gzip \(text\/html; it starts with "<html>Gateway timeout<\/html>"\), 3 times in a row/,
    0,
    proxy('<html>Gateway timeout</html>', 'text/html'),
  ],
];

test.each(CASES)('%s: one clear error, no output file', async (name, inputs, message, requests, fetcher) => {
  if (name === 'truncated gzip')
    h.emulator.faults.add({ path: '/v1/salesReports', kind: 'truncated-gzip', times: Infinity });
  const dir = join(h.workspace, name.replace(/\W+/g, '-'));
  const path = inputs['output-path'] ? join(dir, inputs['output-path']) : join(dir, 'out.tsv');
  const r = await h.run({ ...inputs, 'output-path': path }, { deps: fetcher ? { fetch: fetcher } : {} });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toMatch(message);
  expect(h.emulator.requests).toHaveLength(requests);
  expect(existsSync(path)).toBe(false);
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  expect(r.outputs).toEqual({});
});
