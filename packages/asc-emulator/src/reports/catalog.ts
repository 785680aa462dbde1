/**
 * What Apple's Sales and Trends endpoint accepts: the report type / subtype / frequency / version
 * matrix of Apple's "Download sales and trends reports" page
 * (https://developer.apple.com/documentation/appstoreconnectapi/get-v1-salesreports;
 * docs/evidence/sales-reports.md §1),
 * the date format per frequency, and when each report is published.
 *
 * The emulator keeps its own copy of this table on purpose: the action has one too, and a
 * mistake shared by both would never show up in a test.
 */

export interface Combination {
  reportType: string;
  reportSubType: string;
  frequencies: readonly string[];
  /** Oldest first; the last one is what Apple calls "the latest version for this report". */
  versions: readonly string[];
}

export const SALES_MATRIX: readonly Combination[] = [
  { reportType: 'FIRST_ANNUAL', reportSubType: 'DETAILED', frequencies: ['DAILY'], versions: ['1_0'] },
  { reportType: 'FIRST_ANNUAL', reportSubType: 'SUMMARY', frequencies: ['YEARLY'], versions: ['1_0'] },
  { reportType: 'INSTALLS', reportSubType: 'SUMMARY_CHANNEL', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { reportType: 'INSTALLS', reportSubType: 'SUMMARY_INSTALL_TYPE', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { reportType: 'INSTALLS', reportSubType: 'SUMMARY', frequencies: ['MONTHLY'], versions: ['1_2'] },
  { reportType: 'INSTALLS', reportSubType: 'SUMMARY_TERRITORY', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { reportType: 'INSTALLS', reportSubType: 'DETAILED', frequencies: ['MONTHLY'], versions: ['1_2'] },
  { reportType: 'INSTALLS', reportSubType: 'DETAILED', frequencies: ['YEARLY'], versions: ['1_0', '1_1'] },
  { reportType: 'NEWSSTAND', reportSubType: 'DETAILED', frequencies: ['DAILY', 'WEEKLY'], versions: ['1_0'] },
  {
    reportType: 'PRE_ORDER',
    reportSubType: 'SUMMARY',
    frequencies: ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'],
    versions: ['1_0'],
  },
  {
    reportType: 'SALES',
    reportSubType: 'SUMMARY',
    frequencies: ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'],
    versions: ['1_0'],
  },
  { reportType: 'SUBSCRIBER', reportSubType: 'DETAILED', frequencies: ['DAILY'], versions: ['1_3'] },
  { reportType: 'SUBSCRIPTION', reportSubType: 'SUMMARY', frequencies: ['DAILY'], versions: ['1_3'] },
  { reportType: 'SUBSCRIPTION_EVENT', reportSubType: 'SUMMARY', frequencies: ['DAILY'], versions: ['1_3'] },
  {
    reportType: 'SUBSCRIPTION_OFFER_CODE_REDEMPTION',
    reportSubType: 'SUMMARY',
    frequencies: ['DAILY'],
    versions: ['1_0'],
  },
  { reportType: 'WIN_BACK_ELIGIBILITY', reportSubType: 'SUMMARY', frequencies: ['DAILY'], versions: ['1_0'] },
];

/** The matrix row for a request, or undefined when Apple has no such report. */
export function findCombination(reportType: string, reportSubType: string, frequency: string): Combination | undefined {
  return SALES_MATRIX.find(
    (c) => c.reportType === reportType && c.reportSubType === reportSubType && c.frequencies.includes(frequency),
  );
}

/**
 * Currencies of a few finance regions (App Store Connect Help, "Financial reports"), used to fill
 * generated finance reports. Any two-character region code is accepted (Apple's list changes);
 * unlisted ones report in USD. ZZ is all regions consolidated; Z1 is the FINANCE_DETAIL region.
 */
export const FINANCE_REGION_CURRENCIES: Readonly<Record<string, readonly string[]>> = {
  US: ['USD'],
  CA: ['CAD'],
  MX: ['MXN'],
  AU: ['AUD'],
  NZ: ['NZD'],
  JP: ['JPY'],
  CN: ['CNY'],
  KR: ['KRW'],
  IN: ['INR'],
  EU: ['EUR'],
  GB: ['GBP'],
  CH: ['CHF'],
  WW: ['USD'],
  ZZ: ['USD', 'EUR', 'JPY', 'GBP'],
  Z1: ['USD', 'EUR', 'JPY', 'GBP'],
};

const DATE_FORMATS: Record<string, RegExp> = {
  DAILY: /^\d{4}-\d{2}-\d{2}$/,
  WEEKLY: /^\d{4}-\d{2}-\d{2}$/,
  MONTHLY: /^\d{4}-\d{2}$/,
  YEARLY: /^\d{4}$/,
};

export function dateMatchesFrequency(date: string, frequency: string): boolean {
  const format = DATE_FORMATS[frequency];
  if (!format?.test(date)) return false;
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  const t = Date.UTC(y!, m - 1, d);
  const back = new Date(t).toISOString().slice(0, date.length);
  if (back !== date) return false;
  return frequency !== 'WEEKLY' || new Date(t).getUTCDay() === 0;
}

/** Local date and hour in Pacific time (America/Los_Angeles, daylight saving included), e.g. '2026-11-26 07'. */
export function pacificHour(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}`;
}

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The Pacific-time day a report is published (at 8 am PT, "generally" per App Store Connect
 * Help): daily the next day, weekly the Monday after the Sunday that ends the week, monthly
 * five days after the month ends, yearly six days after the year ends. Finance reports of a
 * fiscal month: approximated as the 8th of the next calendar month (Apple's fiscal calendar
 * is not emulated).
 */
export function publicationDay(frequency: string, date: string): string {
  if (frequency === 'DAILY' || frequency === 'WEEKLY') return addDays(date, 1);
  if (frequency === 'YEARLY') return `${Number(date) + 1}-01-06`;
  const [y, m] = date.split('-').map(Number);
  const next = m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, '0')}`;
  return frequency === 'FISCAL_MONTH' ? `${next}-08` : `${next}-05`;
}

export const PUBLICATION_HOUR = '08';

export function isPublished(frequency: string, date: string, nowMs: number): boolean {
  return pacificHour(nowMs) >= `${publicationDay(frequency, date)} ${PUBLICATION_HOUR}`;
}

/** The newest report date of this frequency that is published at `nowMs`. */
export function latestPublished(frequency: string, nowMs: number): string {
  let day = pacificHour(nowMs).slice(0, 10);
  for (let i = 0; i < 800; i++, day = addDays(day, -1)) {
    const candidate = reportDateOn(frequency, day);
    if (candidate && isPublished(frequency, candidate, nowMs)) return candidate;
  }
  throw new Error(`no published ${frequency} report found`);
}

/** The report date of `frequency` that ends on `day`, if one does. */
function reportDateOn(frequency: string, day: string): string | undefined {
  if (frequency === 'DAILY') return day;
  if (frequency === 'WEEKLY') return new Date(`${day}T00:00:00Z`).getUTCDay() === 0 ? day : undefined;
  const lastOfMonth = addDays(day, 1).endsWith('-01');
  if (frequency === 'MONTHLY' || frequency === 'FISCAL_MONTH') return lastOfMonth ? day.slice(0, 7) : undefined;
  if (frequency === 'YEARLY') return day.endsWith('-12-31') ? day.slice(0, 4) : undefined;
  return undefined;
}
