/**
 * Apple's answers for report downloads: the gzip reply and the errors, in Apple's words where
 * they are known.
 *
 * Known from real responses (Apple forums and client code; docs/evidence/sales-reports.md §4):
 * - a report not published yet: 404 "The request expected results but none were found" with
 *   "Report is not available yet. Daily reports for the Americas are available by 5 am Pacific
 *   Time; …" (the spec declares no 404 for these operations);
 * - a day without sales: 404 "There were no sales for the date specified.";
 * - a wrong version: 400 "… The latest version for this report is 1_4.";
 * - an unknown vendor: 400 "Invalid vendor number specified. Try again.";
 * - `Content-Type: application/a-gzip`, `Content-Encoding: agzip`, file name in `x-reports-filename`.
 * Assumed (no recorded response seen): the texts for an impossible type/subtype/frequency
 * combination, a date in the wrong format, and a finance region that does not fit the type.
 */
import { AppleError, invalidParameter } from '../jsonapi/errors.js';
import type { Reply } from '../jsonapi/reply.js';
import { gzipReport, type ReportSpec } from './generate.js';

export const NOT_AVAILABLE_YET =
  'Report is not available yet. Daily reports for the Americas are available by 5 am Pacific Time; ' +
  'Japan, Australia, and New Zealand by 5 am Japan Standard Time; and 5 am Central European Time for all other territories.';
export const NO_SALES = 'There were no sales for the date specified.';

export function noResults(detail: string): AppleError {
  return new AppleError(404, [
    { status: '404', code: 'NOT_FOUND', title: 'The request expected results but none were found', detail },
  ]);
}

export function versionError(latest: string): AppleError {
  return invalidParameter(
    'filter[version]',
    `The version parameter you have specified is invalid. The latest version for this report is ${latest}.`,
  );
}

export function unknownVendor(): AppleError {
  return invalidParameter('filter[vendorNumber]', 'Invalid vendor number specified. Try again.');
}

export function gzipReply(body: Buffer, fileName: string): Reply {
  return {
    status: 200,
    binary: body,
    contentType: 'application/a-gzip',
    headers: { 'Content-Encoding': 'agzip', 'x-reports-filename': fileName },
  };
}

// Retries of one big report should not regenerate it: the last few are kept.
const recent = new Map<string, Promise<Buffer>>();
const RECENT_MAX = 4;

export function generatedBody(spec: ReportSpec): Promise<Buffer> {
  const key = JSON.stringify(spec);
  let body = recent.get(key);
  if (!body) {
    body = gzipReport(spec);
    recent.set(key, body);
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  }
  return body;
}

const PREFIX: Record<string, string> = {
  SUBSCRIPTION: 'Subscription',
  SUBSCRIPTION_EVENT: 'Subscription_Event',
  SUBSCRIBER: 'Subscriber',
  WIN_BACK_ELIGIBILITY: 'Winback_Eligibility_Report',
};

/** App Store Connect Help, "Report file names": S_D_<vendor>_<yyyymmdd>, P_S_W_…, Subscription_Event_…_V1_3. */
export function salesFileName(r: {
  reportType: string;
  frequency: string;
  vendorNumber: string;
  reportDate: string;
  version: string;
}): string {
  const f = r.frequency.charAt(0);
  const prefix =
    r.reportType === 'SALES'
      ? `S_${f}`
      : r.reportType === 'PRE_ORDER'
        ? `P_S_${f}`
        : (PREFIX[r.reportType] ?? r.reportType);
  const suffix = PREFIX[r.reportType] ? `_V${r.version}` : '';
  return `${prefix}_${r.vendorNumber}_${r.reportDate.replace(/-/g, '')}${suffix}.txt.gz`;
}
