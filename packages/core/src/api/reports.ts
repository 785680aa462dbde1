/**
 * Sales and Trends and finance reports: `GET /v1/salesReports`, `GET /v1/financeReports`.
 * Both answer a gzipped TSV (`application/a-gzip`) that is streamed, never buffered whole.
 *
 * Apple signals three things only in its error text, so this is the one place that reads it:
 * - 404 "There were no sales for the date specified." → `no-sales`;
 * - 404 "The request expected results but none were found" / "Report is not available yet…"
 *   → `not-available-yet` (the spec declares no 404 for these operations; Apple sends it);
 * - 400 on `filter[version]` "… The latest version for this report is 1_4." → the version.
 */
import { InvalidRequestError, NotFoundError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import type { HttpResponse } from '../http/types.js';
import type { FinanceReportsGetCollectionQuery, SalesReportsGetCollectionQuery } from './generated/index.js';

export function getSalesReport(client: AscClient, query: SalesReportsGetCollectionQuery): Promise<HttpResponse> {
  return client.getStream('/v1/salesReports', query);
}

export function getFinanceReport(client: AscClient, query: FinanceReportsGetCollectionQuery): Promise<HttpResponse> {
  return client.getStream('/v1/financeReports', query);
}

export type ReportAbsence = 'not-available-yet' | 'no-sales';

/** What a 404 from a report endpoint means, or undefined for any other error. */
export function reportAbsence(error: unknown): ReportAbsence | undefined {
  if (!(error instanceof NotFoundError)) return undefined;
  const text = error.errors.map((e) => `${e.title} ${e.detail}`).join(' ');
  if (/no sales for the date/i.test(text)) return 'no-sales';
  if (/not available yet|expected results but none were found/i.test(text)) return 'not-available-yet';
  return undefined;
}

/** The version Apple names as current in a 400 about `filter[version]`, or undefined. */
export function latestReportVersion(error: unknown): string | undefined {
  if (!(error instanceof InvalidRequestError)) return undefined;
  for (const e of error.errors) {
    const m = /latest version for this report is\s+([0-9]+_[0-9]+)/i.exec(e.detail ?? '');
    if (m) return m[1];
  }
  return undefined;
}
