/**
 * Report dates. Apple's Sales and Trends days are Pacific-time days, and reports are published
 * "generally by 8 am Pacific" (App Store Connect Help, "Sales and Trends reports availability"):
 * daily reports the next day, weekly ones on the Monday after the week (weeks end on Sunday),
 * monthly ones five days after the month ends, yearly ones six days after the year ends.
 * Finance reports cover Apple's fiscal months; this action approximates their publication as
 * the 8th of the next calendar month (a report that is not out yet is a state, not an error).
 */

import type { Period } from '../model.js';

export const FORMAT_OF: Record<Period, string> = {
  DAILY: 'YYYY-MM-DD',
  WEEKLY: 'YYYY-MM-DD, a Sunday (weeks end on Sunday)',
  MONTHLY: 'YYYY-MM',
  YEARLY: 'YYYY',
  FISCAL_MONTH: 'YYYY-MM (a fiscal month)',
};

const PATTERN: Record<Period, RegExp> = {
  DAILY: /^\d{4}-\d{2}-\d{2}$/,
  WEEKLY: /^\d{4}-\d{2}-\d{2}$/,
  MONTHLY: /^\d{4}-\d{2}$/,
  YEARLY: /^\d{4}$/,
  FISCAL_MONTH: /^\d{4}-\d{2}$/,
};

const DAY_MS = 86_400_000;
const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
export const addDays = (iso: string, days: number): string =>
  new Date(utc(iso) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (iso: string): number => new Date(utc(iso)).getUTCDay();

/** Why `date` is not a report date of `period`, or undefined when it is one. */
export function dateProblem(date: string, period: Period): string | undefined {
  if (!PATTERN[period].test(date)) return `expected ${FORMAT_OF[period]}`;
  const full = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  const [y, m, d] = full.split('-').map(Number);
  if (new Date(Date.UTC(y!, m! - 1, d)).toISOString().slice(0, 10) !== full) return 'that day does not exist';
  if (period === 'WEEKLY' && weekday(date) !== 0)
    return `weekly reports are named by the Sunday that ends the week; ${date} is not a Sunday (try ${addDays(date, 7 - weekday(date))})`;
  return undefined;
}

/** Made once: building an Intl formatter costs about a millisecond, and a run asks for dozens of hours. */
let pacificFormat: Intl.DateTimeFormat | undefined;

/** Pacific local date and hour, e.g. `2026-11-26 07` (America/Los_Angeles, daylight saving included). */
export function pacificHour(ms: number): string {
  pacificFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const parts = pacificFormat.formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}`;
}

/** The Pacific day on which Apple publishes the report of `date`. */
export function publicationDay(period: Period, date: string): string {
  if (period === 'DAILY' || period === 'WEEKLY') return addDays(date, 1);
  if (period === 'YEARLY') return `${Number(date) + 1}-01-06`;
  const next = nextPeriod('MONTHLY', date);
  return period === 'FISCAL_MONTH' ? `${next}-08` : `${next}-05`;
}

export const PUBLICATION_HOUR = 8;

/** True when the report of `date` should be out by `nowMs`. */
export function shouldExist(period: Period, date: string, nowMs: number): boolean {
  return pacificHour(nowMs) >= `${publicationDay(period, date)} ${String(PUBLICATION_HOUR).padStart(2, '0')}`;
}

/** The report date after `date`. */
export function nextPeriod(period: Period, date: string): string {
  if (period === 'DAILY') return addDays(date, 1);
  if (period === 'WEEKLY') return addDays(date, 7);
  if (period === 'YEARLY') return String(Number(date) + 1);
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, '0')}`;
}

/** The report date that contains the Pacific day `day`. */
function periodContaining(period: Period, day: string): string {
  if (period === 'DAILY') return day;
  if (period === 'WEEKLY') return addDays(day, (7 - weekday(day)) % 7);
  if (period === 'YEARLY') return day.slice(0, 4);
  return day.slice(0, 7);
}

/** The newest report of `period` that should exist at `nowMs`: the default `report-date`. */
export function latestExpected(period: Period, nowMs: number): string {
  let date = periodContaining(period, pacificHour(nowMs).slice(0, 10));
  for (let i = 0; i < 4 && !shouldExist(period, date, nowMs); i++) date = previousPeriod(period, date);
  return date;
}

export function previousPeriod(period: Period, date: string): string {
  if (period === 'DAILY') return addDays(date, -1);
  if (period === 'WEEKLY') return addDays(date, -7);
  if (period === 'YEARLY') return String(Number(date) - 1);
  const [y, m] = date.split('-').map(Number);
  return m === 1 ? `${y! - 1}-12` : `${y}-${String(m! - 1).padStart(2, '0')}`;
}

/** The period that is still running at `nowMs` (its report cannot exist yet). */
export function currentPeriod(period: Period, nowMs: number): string {
  return periodContaining(period, pacificHour(nowMs).slice(0, 10));
}

/** Every report date from `from` to `to`, both included (both valid for `period`, from ≤ to). */
export function datesBetween(period: Period, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextPeriod(period, d)) out.push(d);
  return out;
}

/** `MM/DD/YYYY`, `M/D/YY` (reports before 2011) or `YYYY-MM-DD` → `YYYY-MM-DD`; undefined when unreadable. */
export function isoDate(text: string): string | undefined {
  let y: number;
  let m: number;
  let d: number;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (us) {
    [m, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (us[3]!.length === 2) y += 2000;
  } else {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!iso) return undefined;
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  const out = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === out ? out : undefined;
}

/** The last day of the period a report date names (`YYYY-MM-DD`). */
export function periodEnd(period: Period, date: string): string {
  if (period === 'DAILY' || period === 'WEEKLY') return date;
  if (period === 'YEARLY') return `${date}-12-31`;
  return addDays(`${nextPeriod('MONTHLY', date)}-01`, -1);
}

/**
 * Whether Apple's "There were no sales for the date specified" can be taken as final. Apple
 * answers the same 404 while a period is still being assembled (a just-ended week can 404
 * while every day inside it has sales, as one public client's docs report; see
 * docs/evidence/sales-reports.md §4), so only old answers are
 * kept: a day at least 7 days back, a week, month or year at least 14 days past its end.
 */
export const NO_SALES_FINAL_DAYS: Record<Period, number> = {
  DAILY: 7,
  WEEKLY: 14,
  MONTHLY: 14,
  YEARLY: 14,
  FISCAL_MONTH: 14,
};

export function noSalesIsFinal(period: Period, date: string, nowMs: number): boolean {
  const today = pacificHour(nowMs).slice(0, 10);
  return today >= addDays(periodEnd(period, date), NO_SALES_FINAL_DAYS[period]);
}
