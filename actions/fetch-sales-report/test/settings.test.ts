import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@asc-actions/core';
import { resolveSettings, type RawInputs } from '../src/inputs/settings.js';
import { latestExpected, shouldExist } from '../src/plan/periods.js';

// 10:00 Pacific (PST) on Thursday 26 November 2026.
const NOW = Date.parse('2026-11-26T18:00:00Z');
const cwd = mkdtempSync(join(tmpdir(), 'settings-'));

const raw = (inputs: Partial<RawInputs> = {}): RawInputs => ({
  'vendor-number': '86000000',
  'report-type': '',
  'report-subtype': '',
  frequency: '',
  'report-date': '',
  from: '',
  to: '',
  version: '',
  'region-code': '',
  'output-path': '',
  'output-format': '',
  ...inputs,
});

test("defaults: yesterday's daily SALES SUMMARY report in Pacific time, version auto from 1_0, TSV in the working directory", () => {
  expect(resolveSettings(raw(), NOW, cwd)).toEqual({
    vendorNumber: '86000000',
    reportType: 'SALES',
    finance: false,
    reportSubType: 'SUMMARY',
    period: 'DAILY',
    version: 'auto',
    startVersion: '1_0',
    dates: ['2026-11-25'],
    range: false,
    outputPath: join(cwd, 'SALES_SUMMARY_DAILY_86000000_2026-11-25.tsv'),
    outputFormat: 'tsv',
  });
});

test.each([
  // [when (UTC), frequency, newest report that should exist]
  ['2026-11-26T15:59:00Z', 'DAILY', '2026-11-24'], // 07:59 PST: the 25th is not out yet
  ['2026-11-26T16:00:00Z', 'DAILY', '2026-11-25'], // 08:00 PST
  ['2026-07-02T15:00:00Z', 'DAILY', '2026-07-01'], // 08:00 PDT (daylight saving)
  ['2026-07-02T14:59:00Z', 'DAILY', '2026-06-30'],
  ['2026-11-30T16:00:00Z', 'WEEKLY', '2026-11-29'], // Monday 08:00: the week ending Sunday the 29th
  ['2026-11-30T15:00:00Z', 'WEEKLY', '2026-11-22'],
  ['2026-12-05T16:00:00Z', 'MONTHLY', '2026-11'], // five days after the month
  ['2026-12-04T16:00:00Z', 'MONTHLY', '2026-10'],
  ['2027-01-06T16:00:00Z', 'YEARLY', '2026'],
  ['2027-01-05T16:00:00Z', 'YEARLY', '2025'],
  ['2026-12-08T16:00:00Z', 'FISCAL_MONTH', '2026-11'],
  ['2026-12-07T16:00:00Z', 'FISCAL_MONTH', '2026-10'],
] as const)('at %s the newest %s report that should exist is %s', (when, frequency, expected) => {
  const now = Date.parse(when);
  expect(latestExpected(frequency, now)).toBe(expected);
  expect(shouldExist(frequency, expected, now)).toBe(true);
});

test('a range lists every report date; weekly ranges step by Sundays, monthly by months', () => {
  expect(resolveSettings(raw({ from: '2026-11-20', to: '2026-11-23' }), NOW, cwd).dates).toEqual([
    '2026-11-20',
    '2026-11-21',
    '2026-11-22',
    '2026-11-23',
  ]);
  expect(resolveSettings(raw({ frequency: 'weekly', from: '2026-11-01' }), NOW, cwd).dates).toEqual([
    '2026-11-01',
    '2026-11-08',
    '2026-11-15',
    '2026-11-22',
  ]);
  const finance = resolveSettings(raw({ 'report-type': 'FINANCIAL', 'region-code': 'eu', from: '2026-07' }), NOW, cwd);
  expect(finance).toMatchObject({
    finance: true,
    regionCode: 'EU',
    period: 'FISCAL_MONTH',
    dates: ['2026-07', '2026-08', '2026-09', '2026-10'],
    range: true,
  });
  expect(finance.outputPath).toBe(join(cwd, 'FINANCIAL_EU_86000000_2026-07_to_2026-10.tsv'));
});

test('subtype and frequency default to the only ones offered; FINANCE_DETAIL to region Z1; the format follows the file extension', () => {
  expect(resolveSettings(raw({ 'report-type': 'subscriber' }), NOW, cwd)).toMatchObject({
    reportSubType: 'DETAILED',
    period: 'DAILY',
    startVersion: '1_3',
  });
  expect(
    resolveSettings(
      raw({ 'report-type': 'INSTALLS', 'report-subtype': 'SUMMARY', 'report-date': '2026-10' }),
      NOW,
      cwd,
    ),
  ).toMatchObject({ period: 'MONTHLY', startVersion: '1_2' });
  expect(resolveSettings(raw({ 'report-type': 'FINANCE_DETAIL' }), NOW, cwd)).toMatchObject({
    regionCode: 'Z1',
    dates: ['2026-10'],
  });
  expect(resolveSettings(raw({ 'output-path': 'out/report.json' }), NOW, cwd)).toMatchObject({
    outputFormat: 'json',
    outputPath: join(cwd, 'out/report.json'),
  });
  expect(resolveSettings(raw({ 'output-path': 'out/', 'output-format': 'CSV' }), NOW, cwd).outputPath).toBe(
    join(cwd, 'out', 'SALES_SUMMARY_DAILY_86000000_2026-11-25.csv'),
  );
  expect(resolveSettings(raw({ version: '1_1' }), NOW, cwd)).toMatchObject({ version: '1_1', startVersion: '1_1' });
});

const file = join(cwd, 'a-file');
writeFileSync(file, '');

test.each([
  ['vendor number missing', { 'vendor-number': '' }, 'vendor-number', /digits only.*it was empty/],
  ['vendor number not digits', { 'vendor-number': '85-000' }, 'vendor-number', /digits only/],
  [
    'unknown report type',
    { 'report-type': 'REVENUE' },
    'report-type',
    /must be one of SALES \(default\), PRE_ORDER, .*FINANCE_DETAIL; got "REVENUE"/,
  ],
  [
    'subtype not offered for the type',
    { 'report-type': 'SALES', 'report-subtype': 'DETAILED' },
    'report-subtype',
    /DETAILED is not offered for SALES reports; Apple offers SUMMARY/,
  ],
  ['unknown subtype', { 'report-subtype': 'FULL' }, 'report-subtype', /must be one of SUMMARY, DETAILED/],
  [
    'subtype required when the type has several',
    { 'report-type': 'INSTALLS' },
    'report-subtype',
    /required for INSTALLS reports: one of SUMMARY, DETAILED/,
  ],
  [
    'frequency not offered',
    { 'report-type': 'SUBSCRIPTION', frequency: 'WEEKLY' },
    'frequency',
    /WEEKLY is not offered for SUBSCRIPTION SUMMARY reports; Apple offers DAILY/,
  ],
  [
    'frequency required when several and no DAILY',
    { 'report-type': 'INSTALLS', 'report-subtype': 'DETAILED' },
    'frequency',
    /one of MONTHLY, YEARLY/,
  ],
  [
    'bad date for the frequency (monthly)',
    { frequency: 'MONTHLY', 'report-date': '2026-10-01' },
    'report-date',
    /monthly report date, YYYY-MM; got "2026-10-01"/,
  ],
  [
    'bad date for the frequency (daily)',
    { 'report-date': '11/25/2026' },
    'report-date',
    /daily report date, YYYY-MM-DD/,
  ],
  ['a day that does not exist', { 'report-date': '2026-02-30' }, 'report-date', /does not exist/],
  [
    'weekly date not a Sunday',
    { frequency: 'WEEKLY', 'report-date': '2026-11-18' },
    'report-date',
    /not a Sunday \(try 2026-11-22\)/,
  ],
  [
    'a day that is not over in Pacific time',
    { 'report-date': '2026-11-26' },
    'report-date',
    /not over yet in Pacific time.*newest report that should exist is 2026-11-25/,
  ],
  ['older than Apple keeps', { 'report-date': '2025-06-01' }, 'report-date', /older than Apple keeps daily reports/],
  [
    'report-date and a range together',
    { 'report-date': '2026-11-20', from: '2026-11-01' },
    'report-date',
    /one or the other/,
  ],
  ['to without from', { to: '2026-11-20' }, 'from', /required with "to"/],
  ['from after to', { from: '2026-11-20', to: '2026-11-10' }, 'from', /after "to"/],
  ['finance without region', { 'report-type': 'FINANCIAL' }, 'region-code', /required for FINANCIAL reports/],
  [
    'finance region malformed',
    { 'report-type': 'FINANCIAL', 'region-code': 'EUR' },
    'region-code',
    /two-character region code/,
  ],
  ['FINANCE_DETAIL outside Z1', { 'report-type': 'FINANCE_DETAIL', 'region-code': 'US' }, 'region-code', /must be Z1/],
  [
    'region for a sales report',
    { 'region-code': 'US' },
    'region-code',
    /applies to FINANCIAL and FINANCE_DETAIL reports only/,
  ],
  [
    'subtype for a finance report',
    { 'report-type': 'FINANCIAL', 'region-code': 'US', 'report-subtype': 'SUMMARY' },
    'report-subtype',
    /finance reports have no subtype/,
  ],
  [
    'weekly finance',
    { 'report-type': 'FINANCIAL', 'region-code': 'US', frequency: 'WEEKLY' },
    'frequency',
    /empty or MONTHLY/,
  ],
  [
    'version for a finance report',
    { 'report-type': 'FINANCIAL', 'region-code': 'US', version: '1_0' },
    'version',
    /finance reports have no version/,
  ],
  ['malformed version', { version: 'v1.3' }, 'version', /auto or a report version such as 1_0/],
  ['unknown output format', { 'output-format': 'xlsx' }, 'output-format', /one of TSV \(default\), CSV, JSON/],
  [
    'format and extension disagree',
    { 'output-path': 'out.csv', 'output-format': 'json' },
    'output-format',
    /make them agree/,
  ],
  ['output under a file', { 'output-path': join(file, 'out.tsv') }, 'output-path', /not a folder/],
] as const)('%s is refused, naming the input', (_name, inputs, input, message) => {
  let error: unknown;
  try {
    resolveSettings(raw(inputs), NOW, cwd);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).input).toBe(input);
  expect((error as InputError).message).toMatch(message);
});

test('a range of more than 400 reports is refused', () => {
  expect(() => resolveSettings(raw({ frequency: 'YEARLY', from: '1500' }), NOW, cwd)).toThrow(/at most 400 per run/);
});
