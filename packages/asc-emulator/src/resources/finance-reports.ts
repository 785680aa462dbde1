/**
 * Financial reports: `GET /v1/financeReports` (FINANCIAL per region, FINANCE_DETAIL for region
 * Z1), generated for the vendors of `seed.reportVendors`; gzipped TSV as for sales reports.
 *
 * Fidelity and assumptions:
 * - FINANCIAL layout and the `Total_Rows` / `Total_Amount` / `Total_Units` trailer lines are
 *   from a real (anonymised) file; `Total_Amount` is written only when the report has one
 *   currency (what Apple writes for the consolidated ZZ report is not known);
 * - FINANCE_DETAIL's columns are from memory of Apple's page, unverified (reports/layouts.ts);
 * - a fiscal month is published on the 8th of the next calendar month at 8 am Pacific: Apple's
 *   fiscal calendar is not emulated; later months are "not available yet" (404);
 * - region codes: any two characters are accepted (Apple's list changes); FINANCE_DETAIL only
 *   with Z1 (Apple's docs), otherwise a 400 whose wording is assumed.
 */
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from '../jsonapi/reply.js';
import { invalidParameter } from '../jsonapi/errors.js';
import { dateMatchesFrequency, FINANCE_REGION_CURRENCIES, isPublished } from '../reports/catalog.js';
import { layoutFor } from '../reports/layouts.js';
import { DEFAULT_GENERATED_ROWS } from '../reports/vendors.js';
import { generatedBody, gzipReply, NO_SALES, NOT_AVAILABLE_YET, noResults, unknownVendor } from '../reports/answers.js';
import type { ResourceFamily } from './family.js';

const REQUIRED = ['vendorNumber', 'reportType', 'regionCode', 'reportDate'] as const;

function required(ctx: HandlerContext): Record<(typeof REQUIRED)[number], string> {
  const out: Partial<Record<(typeof REQUIRED)[number], string>> = {};
  for (const name of REQUIRED) {
    const value = ctx.query.get(`filter[${name}]`);
    if (!value) throw invalidParameter(`filter[${name}]`, `The parameter 'filter[${name}]' is required.`);
    out[name] = value;
  }
  return out as Record<(typeof REQUIRED)[number], string>;
}

/** `<vendor>_<MMYY>_<region>.txt.gz`, as Apple names downloaded financial reports. */
function fileName(vendor: string, date: string, region: string): string {
  return `${vendor}_${date.slice(5, 7)}${date.slice(2, 4)}_${region}.txt.gz`;
}

async function getFinanceReport(ctx: HandlerContext): Promise<Reply> {
  const want = required(ctx);
  const vendor = ctx.state.reportVendors.find((v) => v.vendorNumber === want.vendorNumber);
  if (!vendor) throw unknownVendor();
  if (!/^[A-Z0-9]{2}$/.test(want.regionCode))
    throw invalidParameter('filter[regionCode]', `Invalid region code '${want.regionCode}'.`);
  if (want.reportType === 'FINANCE_DETAIL' && want.regionCode !== 'Z1') {
    throw invalidParameter('filter[regionCode]', 'FINANCE_DETAIL reports are only available for region code Z1.');
  }
  if (!dateMatchesFrequency(want.reportDate, 'MONTHLY')) {
    throw invalidParameter(
      'filter[reportDate]',
      `Invalid date format '${want.reportDate}'; expected YYYY-MM (a fiscal month).`,
    );
  }
  if (!isPublished('FISCAL_MONTH', want.reportDate, ctx.now())) throw noResults(NOT_AVAILABLE_YET);
  if (vendor.noSalesDates?.includes(want.reportDate)) throw noResults(NO_SALES);
  const body = await generatedBody({
    vendorNumber: want.vendorNumber,
    reportType: want.reportType,
    reportSubType: '',
    frequency: 'FISCAL_MONTH',
    version: '',
    reportDate: want.reportDate,
    regionCode: want.regionCode,
    columns: layoutFor(want.reportType, '', '', vendor.layouts),
    rows: vendor.rows ?? DEFAULT_GENERATED_ROWS,
    currencies: FINANCE_REGION_CURRENCIES[want.regionCode] ?? ['USD'],
  });
  return gzipReply(body, fileName(want.vendorNumber, want.reportDate, want.regionCode));
}

export const financeReportsFamily: ResourceFamily = {
  name: 'financeReports',
  types: [],
  routes: [{ method: 'GET', path: '/v1/financeReports', handler: getFinanceReport }],
};
