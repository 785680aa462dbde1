/** `report-date`, `from` and `to`: which report dates to fetch, checked against what can exist. */
import { InputError } from '@asc-actions/core';
import {
  addDays,
  currentPeriod,
  dateProblem,
  datesBetween,
  FORMAT_OF,
  latestExpected,
  publicationDay,
  pacificHour,
} from '../plan/periods.js';
import type { Period } from '../model.js';

/** At most this many reports in one run (a year of daily reports and some). */
export const MAX_REPORTS = 400;

/** Apple keeps daily, weekly and monthly reports for one year after they come out; yearly ones for good. */
const RETENTION_DAYS = 365;

type DateInputs = Record<'report-date' | 'from' | 'to', string>;

function checked(input: string, value: string, period: Period, nowMs: number): string {
  const date = value.trim();
  const problem = dateProblem(date, period);
  if (problem)
    throw new InputError(
      `Input "${input}" must be a ${period.toLowerCase().replace('_', ' ')} report date, ${FORMAT_OF[period]}; got ${JSON.stringify(value)}: ${problem}.`,
      { input },
    );
  const running = currentPeriod(period, nowMs);
  if (date >= running) {
    throw new InputError(
      `Input "${input}" ${date} is not over yet in Pacific time (Apple's reporting time zone), so its report cannot exist; the newest report that should exist is ${latestExpected(period, nowMs)}.`,
      { input },
    );
  }
  if (period !== 'YEARLY' && period !== 'FISCAL_MONTH') {
    const today = pacificHour(nowMs).slice(0, 10);
    if (addDays(publicationDay(period, date), RETENTION_DAYS) < today) {
      throw new InputError(
        `Input "${input}" ${date} is older than Apple keeps ${period.toLowerCase()} reports (one year after they come out); Apple no longer has it.`,
        { input },
      );
    }
  }
  return date;
}

export function resolveDates(raw: DateInputs, period: Period, nowMs: number): { dates: string[]; range: boolean } {
  const single = raw['report-date'].trim();
  const from = raw.from.trim();
  const to = raw.to.trim();
  if (single && (from || to))
    throw new InputError('Input "report-date" fetches one report and "from"/"to" a range: give one or the other.', {
      input: 'report-date',
    });
  if (!from && !to)
    return {
      dates: [single ? checked('report-date', single, period, nowMs) : latestExpected(period, nowMs)],
      range: false,
    };
  if (!from)
    throw new InputError('Input "from" is required with "to": the first report date of the range.', { input: 'from' });
  const first = checked('from', from, period, nowMs);
  const last = to ? checked('to', to, period, nowMs) : latestExpected(period, nowMs);
  if (first > last) throw new InputError(`Input "from" ${first} is after "to" ${last}.`, { input: 'from' });
  const dates = datesBetween(period, first, last);
  if (dates.length > MAX_REPORTS)
    throw new InputError(
      `The range from ${first} to ${last} holds ${dates.length} reports; at most ${MAX_REPORTS} per run.`,
      { input: 'from' },
    );
  return { dates, range: true };
}
