/**
 * What this action knows about each report's columns (Apple's reference page per report,
 * docs/evidence/sales-reports.md §2; real files' quirks in §3): the
 * columns its math needs (required: a header without them is refused, with the columns seen),
 * which column plays which part, and which hold dates. Columns are found by name, never by
 * position: Apple reorders and renames them between versions. Names compare case-insensitively
 * with spaces around '/' ignored (Apple's Help writes `ISRC / ISBN`, the files `ISRC/ISBN`).
 *
 * Units × per-unit proceeds is the money rule everywhere: Developer Proceeds (and the finance
 * reports' Partner Share) is per unit.
 */
import type { ReportType } from '../../catalog.js';

export interface Roles {
  /** Signed units (refunds negative). */
  units?: string;
  /** Per-unit proceeds, multiplied by units. */
  perUnit?: string;
  /** Currency of the per-unit proceeds. */
  currency?: string;
  territory?: string;
  productType?: string;
  /** The day a row belongs to, for the per-day series. */
  date?: string;
  /** Customer price: a negative one marks a refund row even when units are 0. */
  customerPrice?: string;
  /** A Yes/No refund flag (Subscriber report). */
  refundFlag?: string;
  /** Units × Partner Share as Apple computed it (finance): cross-checked. */
  extended?: string;
  /** Counts per value of this column, weighted by units (Subscription Event: per event). */
  countBy?: string;
}

export interface Layout {
  name: string;
  /** Columns the math needs. */
  required: readonly string[];
  roles: Roles;
  /** Further numeric columns summed into `totals` (matched by these patterns). */
  sums?: RegExp;
  /** Every unit of this report is of one class (Subscriber: subscriptions). */
  fixedClass?: string;
  /** True when Apple publishes no column list: columns pass through, math only where names are known. */
  unpublished?: boolean;
  /** Finance reports end with `Total_*` lines of two fields. */
  trailer?: boolean;
}

const SALES: Layout = {
  name: 'Summary Sales Report',
  required: ['Units', 'Developer Proceeds', 'Currency of Proceeds', 'Product Type Identifier', 'Country Code'],
  roles: {
    units: 'Units',
    perUnit: 'Developer Proceeds',
    currency: 'Currency of Proceeds',
    territory: 'Country Code',
    productType: 'Product Type Identifier',
    date: 'Begin Date',
    customerPrice: 'Customer Price',
  },
};

/** For types Apple publishes no columns for: the sales names are used if they are there. */
const UNPUBLISHED: Layout = {
  name: 'report without a published layout',
  required: [],
  roles: { ...SALES.roles },
  unpublished: true,
};

const LAYOUTS: Record<ReportType, Layout> = {
  SALES,
  NEWSSTAND: { ...UNPUBLISHED, name: 'Newsstand report (no published layout)' },
  INSTALLS: { ...UNPUBLISHED, name: 'Installs report (no published layout)' },
  FIRST_ANNUAL: { ...UNPUBLISHED, name: 'First Annual report (no published layout)' },
  WIN_BACK_ELIGIBILITY: { ...UNPUBLISHED, name: 'Win-Back Eligibility report (no published layout)' },
  PRE_ORDER: {
    name: 'Pre-Order Report',
    required: ['Ordered', 'Canceled', 'Country Code'],
    roles: { territory: 'Country Code', date: 'Start Date' },
    sums: /^(Ordered|Canceled|Cumulative Ordered|Cumulative Canceled)$/i,
  },
  SUBSCRIPTION: {
    name: 'Subscription Report',
    required: ['Subscription Apple ID', 'Country', 'Active Standard Price Subscriptions'],
    roles: { territory: 'Country' },
    sums: /(Subscriptions|Win-Back Offers)$|^(Subscribers|Marketing Opt-Ins|Billing Retry|Grace Period)$/i,
  },
  SUBSCRIPTION_EVENT: {
    name: 'Subscription Event Report',
    required: ['Event Date', 'Event', 'Quantity', 'Country'],
    roles: { units: 'Quantity', territory: 'Country', date: 'Event Date', countBy: 'Event' },
  },
  SUBSCRIBER: {
    name: 'Subscriber Report',
    required: ['Event Date', 'Units', 'Developer Proceeds', 'Proceeds Currency', 'Country'],
    roles: {
      units: 'Units',
      perUnit: 'Developer Proceeds',
      currency: 'Proceeds Currency',
      territory: 'Country',
      date: 'Event Date',
      customerPrice: 'Customer Price',
      refundFlag: 'Refund',
    },
    fixedClass: 'subscriptions',
  },
  SUBSCRIPTION_OFFER_CODE_REDEMPTION: {
    // Column names back-translated from the zh-TW edition of Apple's reference page
    // (docs/evidence/sales-reports.md §2): nothing is required.
    name: 'Subscription Offer Code Redemption Report',
    required: [],
    roles: { units: 'Redemptions', territory: 'Territory', date: 'Date' },
  },
  FINANCIAL: {
    name: 'Financial Report',
    required: ['Quantity', 'Partner Share', 'Partner Share Currency'],
    roles: {
      units: 'Quantity',
      perUnit: 'Partner Share',
      currency: 'Partner Share Currency',
      territory: 'Country Of Sale',
      productType: 'Product Type Identifier',
      date: 'Start Date',
      customerPrice: 'Customer Price',
      extended: 'Extended Partner Share',
    },
    trailer: true,
  },
  FINANCE_DETAIL: {
    name: 'Financial Report (detail)',
    required: ['Quantity', 'Partner Share', 'Partner Share Currency'],
    roles: {
      units: 'Quantity',
      perUnit: 'Partner Share',
      currency: 'Partner Share Currency',
      territory: 'Country of Sale',
      productType: 'Product Type Identifier',
      date: 'Transaction Date',
      customerPrice: 'Customer Price',
      extended: 'Extended Partner Share',
    },
    trailer: true,
  },
};

export function layoutOf(type: ReportType): Layout {
  return LAYOUTS[type];
}

/** Columns whose cells are dates (written as YYYY-MM-DD in the output). */
export const DATE_COLUMN = /(^|\s)date$/i;

/** Header names compare without case, extra spaces, or spaces around '/'. */
export const normalName = (name: string): string =>
  name
    .trim()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .toLowerCase();
