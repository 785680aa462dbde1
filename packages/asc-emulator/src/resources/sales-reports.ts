/**
 * Sales and Trends: `GET /v1/salesReports`, answered as Apple does — gzipped TSV with
 * `Content-Type: application/a-gzip`.
 *
 * Fidelity (real behaviour the spec does not state):
 * - a report that does not exist yet is a **404** JSON error ("The request expected results but
 *   none were found" / "Report is not available yet…"), although the spec declares no 404 for
 *   this operation; a day without sales is also a 404 ("There were no sales for the date
 *   specified."). Seed such a day with `tsv: null`;
 * - a wrong `filter[version]` is a 400 naming the latest version;
 * - an unknown vendor number is a 400 ("Invalid vendor number specified. Try again.");
 * - without `filter[reportDate]` the latest report is returned;
 * - a captured response carried `Content-Encoding: agzip` (not `gzip`) and the file name in
 *   `x-reports-filename`: HTTP clients must not rely on transparent decompression, so the
 *   emulator does not offer it either.
 */
import { gzipSync } from 'node:zlib';
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from '../server/reply.js';
import type { SeedSalesReport } from '../types.js';
import { AppleError, invalidParameter } from '../jsonapi/errors.js';
import type { ResourceFamily } from './family.js';

const REQUIRED = ['vendorNumber', 'reportType', 'reportSubType', 'frequency'] as const;

const NOT_AVAILABLE_YET =
  'Report is not available yet. Daily reports for the Americas are available by 5 am Pacific Time; ' +
  'Japan, Australia, and New Zealand by 5 am Japan Standard Time; and 5 am Central European Time for all other territories.';

function noResults(detail: string): AppleError {
  return new AppleError(404, [{ status: '404', code: 'NOT_FOUND', title: 'The request expected results but none were found', detail }]);
}

function filter(ctx: HandlerContext, name: string): string | undefined {
  return ctx.query.get(`filter[${name}]`);
}

function candidates(ctx: HandlerContext): SeedSalesReport[] {
  const want: Record<string, string> = {};
  for (const name of REQUIRED) {
    const value = filter(ctx, name);
    if (!value) throw invalidParameter(`filter[${name}]`, `The parameter 'filter[${name}]' is required.`);
    want[name] = value;
  }
  const reports = ctx.state.salesReports;
  if (reports.length && !reports.some((r) => r.vendorNumber === want.vendorNumber)) {
    throw invalidParameter('filter[vendorNumber]', 'Invalid vendor number specified. Try again.');
  }
  return reports.filter((r) => REQUIRED.every((name) => r[name] === want[name]));
}

function pick(ctx: HandlerContext, matching: SeedSalesReport[]): SeedSalesReport {
  const latestVersion = matching.map((r) => r.version).sort().at(-1);
  const version = filter(ctx, 'version') ?? latestVersion;
  if (latestVersion && !matching.some((r) => r.version === version)) {
    throw invalidParameter(
      'filter[version]',
      `The version parameter you have specified is invalid. The latest version for this report is ${latestVersion}.`,
    );
  }
  const sameVersion = matching.filter((r) => r.version === version);
  const date = filter(ctx, 'reportDate') ?? sameVersion.map((r) => r.reportDate).sort().at(-1);
  const report = sameVersion.find((r) => r.reportDate === date);
  if (!report) throw noResults(NOT_AVAILABLE_YET);
  return report;
}

function fileName(r: SeedSalesReport): string {
  const prefix = r.reportType === 'SALES' ? `S_${r.frequency.charAt(0)}` : r.reportType;
  return `${prefix}_${r.vendorNumber}_${r.reportDate.replace(/-/g, '')}.txt.gz`;
}

function getSalesReport(ctx: HandlerContext): Reply {
  const report = pick(ctx, candidates(ctx));
  if (report.tsv === null) throw noResults('There were no sales for the date specified.');
  return {
    status: 200,
    binary: gzipSync(Buffer.from(report.tsv, 'utf8')),
    contentType: 'application/a-gzip',
    headers: { 'Content-Encoding': 'agzip', 'x-reports-filename': fileName(report) },
  };
}

export const salesReportsFamily: ResourceFamily = {
  name: 'salesReports',
  types: [],
  routes: [{ method: 'GET', path: '/v1/salesReports', handler: getSalesReport }],
  seed: (state, seed) => {
    state.salesReports.push(...(seed.salesReports ?? []).map((r) => ({ ...r })));
  },
};
