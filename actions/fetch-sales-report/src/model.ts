/** The action's own types: report periods, what a run learned about each report date, what the cache keeps. */

/** `DAILY | WEEKLY | MONTHLY | YEARLY`, or `FISCAL_MONTH` for finance reports. */
export type Period = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY' | 'FISCAL_MONTH';

export type ReportState = 'available' | 'no-sales' | 'not-available-yet';

export interface Outcome {
  date: string;
  state: ReportState;
  /** Sales reports: the version that answered (or was asked for last). */
  version?: string;
  source: 'api' | 'cache';
  /** `available`: the verified gzip file. */
  file?: string;
  /** Apple's words, for the states that are not `available`. */
  detail?: string;
}

export interface CachedState {
  state: 'available' | 'no-sales';
  /** Sales reports: the version Apple answered with. */
  version?: string;
}
