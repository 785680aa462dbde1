/**
 * Sales and Trends: `GET /v1/salesReports`, answered as Apple does — gzipped TSV with
 * `Content-Type: application/a-gzip` (Apple's words and headers: reports/answers.ts).
 *
 * Two sources of reports:
 * - `seed.salesReports`: explicit reports (`tsv: null` is a day without sales); a date not
 *   listed is "not available yet";
 * - `seed.reportVendors`: every report type of the matrix (reports/catalog.ts), generated
 *   deterministically for any date Apple would have published by the emulator's clock (8 am
 *   Pacific the day after, the Monday after a week, the 5th after a month, 6 January after a
 *   year); later dates are "not available yet", `noSalesDates` answer "no sales". An explicit
 *   report for the same key wins over a generated one.
 *
 * Fidelity (real behaviour the spec does not state): the 404s although the spec declares none;
 * a wrong `filter[version]` is a 400 naming the latest version; an unknown vendor a 400; without
 * `filter[reportDate]` the latest report; `Content-Encoding: agzip`, so HTTP clients must not
 * rely on transparent decompression and the emulator does not offer it either.
 */
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from '../jsonapi/reply.js';
import type { SeedSalesReport } from '../types.js';
import { invalidParameter } from '../jsonapi/errors.js';
import { dateMatchesFrequency, findCombination, isPublished, latestPublished } from '../reports/catalog.js';
import { layoutFor } from '../reports/layouts.js';
import { DEFAULT_GENERATED_ROWS, type SeedReportVendor } from '../reports/vendors.js';
import {
  generatedBody,
  gzipReply,
  NO_SALES,
  NOT_AVAILABLE_YET,
  noResults,
  salesFileName,
  unknownVendor,
  versionError,
} from '../reports/answers.js';
import { gzipSync } from 'node:zlib';
import type { ResourceFamily } from './family.js';

const REQUIRED = ['vendorNumber', 'reportType', 'reportSubType', 'frequency'] as const;
type Wanted = Record<(typeof REQUIRED)[number], string>;

function filter(ctx: HandlerContext, name: string): string | undefined {
  return ctx.query.get(`filter[${name}]`);
}

function wanted(ctx: HandlerContext): Wanted {
  const want: Partial<Wanted> = {};
  for (const name of REQUIRED) {
    const value = filter(ctx, name);
    if (!value) throw invalidParameter(`filter[${name}]`, `The parameter 'filter[${name}]' is required.`);
    want[name] = value;
  }
  return want as Wanted;
}

/** Explicit reports only: the behaviour for `seed.salesReports`. */
function explicitReport(ctx: HandlerContext, want: Wanted): SeedSalesReport {
  const reports = ctx.state.salesReports;
  if (!reports.some((r) => r.vendorNumber === want.vendorNumber)) throw unknownVendor();
  const matching = reports.filter((r) => REQUIRED.every((name) => r[name] === want[name]));
  const latestVersion = matching
    .map((r) => r.version)
    .sort()
    .at(-1);
  const version = filter(ctx, 'version') ?? latestVersion;
  if (latestVersion && !matching.some((r) => r.version === version)) throw versionError(latestVersion);
  const sameVersion = matching.filter((r) => r.version === version);
  const date =
    filter(ctx, 'reportDate') ??
    sameVersion
      .map((r) => r.reportDate)
      .sort()
      .at(-1);
  const report = sameVersion.find((r) => r.reportDate === date);
  if (!report) throw noResults(NOT_AVAILABLE_YET);
  return report;
}

function explicitReply(report: SeedSalesReport): Reply {
  if (report.tsv === null) throw noResults(NO_SALES);
  return gzipReply(gzipSync(Buffer.from(report.tsv, 'utf8')), salesFileName(report));
}

/** A generated report for a vendor of `seed.reportVendors`. */
async function generatedReply(ctx: HandlerContext, want: Wanted, vendor: SeedReportVendor): Promise<Reply> {
  const combination = findCombination(want.reportType, want.reportSubType, want.frequency);
  if (!combination) {
    throw invalidParameter(
      'filter[reportSubType]',
      `Invalid request. ${want.reportType} reports are not available with reportSubType ${want.reportSubType} and frequency ${want.frequency}.`,
    );
  }
  const versions = vendor.versions?.[want.reportType] ?? combination.versions;
  const latest = versions.at(-1)!;
  const version = filter(ctx, 'version') ?? latest;
  if (!versions.includes(version)) throw versionError(latest);
  const date = filter(ctx, 'reportDate') ?? latestPublished(want.frequency, ctx.now());
  if (!dateMatchesFrequency(date, want.frequency)) {
    throw invalidParameter('filter[reportDate]', `Invalid date format for frequency ${want.frequency}: '${date}'.`);
  }
  // A seeded report is served as seeded, whatever the clock says.
  const key = { ...want, version, reportDate: date };
  const explicit = ctx.state.salesReports.find((r) =>
    (Object.keys(key) as Array<keyof typeof key>).every((k) => r[k] === key[k]),
  );
  if (explicit) return explicitReply(explicit);
  if (!isPublished(want.frequency, date, ctx.now())) throw noResults(NOT_AVAILABLE_YET);
  if (vendor.noSalesDates?.includes(date)) throw noResults(NO_SALES);
  const columns = layoutFor(want.reportType, want.reportSubType, version, vendor.layouts);
  const body = await generatedBody({ ...key, columns, rows: vendor.rows ?? DEFAULT_GENERATED_ROWS });
  return gzipReply(body, salesFileName(key));
}

async function getSalesReport(ctx: HandlerContext): Promise<Reply> {
  const want = wanted(ctx);
  const vendor = ctx.state.reportVendors.find((v) => v.vendorNumber === want.vendorNumber);
  if (vendor) return generatedReply(ctx, want, vendor);
  return explicitReply(explicitReport(ctx, want));
}

export const salesReportsFamily: ResourceFamily = {
  name: 'salesReports',
  types: [],
  routes: [{ method: 'GET', path: '/v1/salesReports', handler: getSalesReport }],
  seed: (state, seed) => {
    state.salesReports.push(...(seed.salesReports ?? []).map((r) => ({ ...r })));
    state.reportVendors.push(...(seed.reportVendors ?? []).map((v) => ({ ...v })));
  },
};
