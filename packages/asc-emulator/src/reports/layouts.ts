/**
 * Column layouts of the reports the emulator generates (sources: docs/evidence/sales-reports.md).
 *
 * Fidelity, per layout (F: seen in a real file; A: Apple's documentation; T: a third party's
 * transcription; P: placeholder, because Apple publishes no column list — the emulator needs
 * *some* columns to serve these types, and the names below are not Apple's):
 * - SALES 1_0 (F), FINANCIAL (F);
 * - SUBSCRIPTION 1_3 (A for the first 16 columns, T for the rest, order of the rest unverified);
 * - SUBSCRIPTION_EVENT 1_3 and SUBSCRIBER 1_3 (A + T);
 * - SUBSCRIPTION_OFFER_CODE_REDEMPTION 1_0 (A, back-translated from Apple's zh-TW page);
 * - PRE_ORDER 1_0 (A, partial: Apple's excerpt ends at Supported Platforms);
 * - FINANCE_DETAIL: from memory of Apple's "financial report detail", not checked against a file;
 * - NEWSSTAND, INSTALLS, FIRST_ANNUAL, WIN_BACK_ELIGIBILITY: P.
 * A seed can give any other layout (`reportVendors[].layouts`), e.g. columns reordered.
 */

export const SALES_COLUMNS = [
  'Provider',
  'Provider Country',
  'SKU',
  'Developer',
  'Title',
  'Version',
  'Product Type Identifier',
  'Units',
  'Developer Proceeds',
  'Begin Date',
  'End Date',
  'Customer Currency',
  'Country Code',
  'Currency of Proceeds',
  'Apple Identifier',
  'Customer Price',
  'Promo Code',
  'Parent Identifier',
  'Subscription',
  'Period',
  'Category',
  'CMB',
  'Device',
  'Supported Platforms',
  'Proceeds Reason',
  'Preserved Pricing',
  'Client',
  'Order Type',
];

const SUBSCRIPTION_COLUMNS = [
  'App Name',
  'App Apple ID',
  'Subscription Name',
  'Subscription Apple ID',
  'Subscription Group ID',
  'Standard Subscription Duration',
  'Subscription Offer Name',
  'Promotional Offer ID',
  'Customer Price',
  'Customer Currency',
  'Developer Proceeds',
  'Proceeds Currency',
  'Preserved Pricing',
  'Proceeds Reason',
  'Client',
  'Device',
  'State',
  'Country',
  'Active Standard Price Subscriptions',
  'Active Free Trial Introductory Offer Subscriptions',
  'Active Pay Up Front Introductory Offer Subscriptions',
  'Active Pay As You Go Introductory Offer Subscriptions',
  'Free Trial Promotional Offer Subscriptions',
  'Pay Up Front Promotional Offer Subscriptions',
  'Pay As You Go Promotional Offer Subscriptions',
  'Free Trial Offer Code Subscriptions',
  'Pay Up Front Offer Code Subscriptions',
  'Pay As You Go Offer Code Subscriptions',
  'Marketing Opt-Ins',
  'Billing Retry',
  'Grace Period',
  'Subscribers',
  'Free Trial Win-Back Offers',
  'Pay Up Front Win-Back Offers',
  'Pay As You Go Win-Back Offers',
];

const SUBSCRIPTION_EVENT_COLUMNS = [
  'Event Date',
  'Event',
  'App Name',
  'App Apple ID',
  'Subscription Name',
  'Subscription Apple ID',
  'Subscription Group ID',
  'Standard Subscription Duration',
  'Subscription Offer Type',
  'Subscription Offer Duration',
  'Marketing Opt-In',
  'Marketing Opt-In Duration',
  'Preserved Pricing',
  'Proceeds Reason',
  'Subscription Offer Name',
  'Promotional Offer ID',
  'Consecutive Paid Periods',
  'Original Start Date',
  'Device',
  'Client',
  'State',
  'Country',
  'Previous Subscription Name',
  'Previous Subscription Apple ID',
  'Days Before Canceling',
  'Cancellation Reason',
  'Days Canceled',
  'Quantity',
  'Paid Service Days Recovered',
];

const SUBSCRIBER_COLUMNS = [
  'Event Date',
  'App Name',
  'App Apple ID',
  'Subscription Name',
  'Subscription Apple ID',
  'Subscription Group ID',
  'Standard Subscription Duration',
  'Subscription Offer Name',
  'Promotional Offer ID',
  'Subscription Offer Type',
  'Subscription Offer Duration',
  'Marketing Opt-In Duration',
  'Customer Price',
  'Customer Currency',
  'Developer Proceeds',
  'Proceeds Currency',
  'Preserved Pricing',
  'Proceeds Reason',
  'Client',
  'Device',
  'Country',
  'Subscriber ID',
  'Subscriber ID Reset',
  'Refund',
  'Purchase Date',
  'Units',
];

const OFFER_CODE_COLUMNS = [
  'Date',
  'App Name',
  'App Apple ID',
  'Subscription Name',
  'Subscription Apple ID',
  'Offer Reference Name',
  'Offer Code',
  'Territory',
  'Redemptions',
];

const PRE_ORDER_COLUMNS = [
  'Provider',
  'Provider Country',
  'SKU',
  'Developer',
  'Title',
  'Pre-Order Start Date',
  'Pre-Order End Date',
  'Ordered',
  'Canceled',
  'Cumulative Ordered',
  'Cumulative Canceled',
  'Start Date',
  'End Date',
  'Country Code',
  'Apple Identifier',
  'Device',
  'Supported Platforms',
];

export const FINANCIAL_COLUMNS = [
  'Start Date',
  'End Date',
  'UPC',
  'ISRC/ISBN',
  'Vendor Identifier',
  'Quantity',
  'Partner Share',
  'Extended Partner Share',
  'Partner Share Currency',
  'Sales or Return',
  'Apple Identifier',
  'Artist/Show/Developer/Author',
  'Title',
  'Label/Studio/Network/Developer/Publisher',
  'Grid',
  'Product Type Identifier',
  'ISAN/Other Identifier',
  'Country Of Sale',
  'Pre-order Flag',
  'Promo Code',
  'Customer Price',
  'Customer Currency',
];

const FINANCE_DETAIL_COLUMNS = [
  'Transaction Date',
  'Settlement Date',
  'Apple Identifier',
  'SKU',
  'Title',
  'Developer Name',
  'Product Type Identifier',
  'Country of Sale',
  'Quantity',
  'Partner Share',
  'Extended Partner Share',
  'Partner Share Currency',
  'Customer Price',
  'Customer Currency',
  'Sale or Return',
  'Promo Code',
  'Order Type',
  'Region',
];

// Placeholders (P): Apple publishes no column list for these.
const NEWSSTAND_COLUMNS = [
  'Provider',
  'Provider Country',
  'SKU',
  'Developer',
  'Title',
  'Version',
  'Product Type Identifier',
  'Units',
  'Developer Proceeds',
  'Begin Date',
  'End Date',
  'Customer Currency',
  'Country Code',
  'Currency of Proceeds',
  'Apple Identifier',
  'Customer Price',
  'Parent Identifier',
  'Subscription',
  'Period',
];
const INSTALLS_COLUMNS = ['Date', 'App Name', 'App Apple ID', 'Territory', 'Installs'];
const FIRST_ANNUAL_COLUMNS = [
  'Date',
  'App Name',
  'App Apple ID',
  'Subscription Name',
  'Subscription Apple ID',
  'Country',
  'Subscribers',
];
const WIN_BACK_COLUMNS = [
  'Date',
  'App Name',
  'App Apple ID',
  'Subscription Name',
  'Subscription Apple ID',
  'Subscription Group ID',
  'Country',
  'Eligible Subscribers',
];

const BY_TYPE: Record<string, readonly string[]> = {
  SALES: SALES_COLUMNS,
  PRE_ORDER: PRE_ORDER_COLUMNS,
  NEWSSTAND: NEWSSTAND_COLUMNS,
  SUBSCRIPTION: SUBSCRIPTION_COLUMNS,
  SUBSCRIPTION_EVENT: SUBSCRIPTION_EVENT_COLUMNS,
  SUBSCRIBER: SUBSCRIBER_COLUMNS,
  SUBSCRIPTION_OFFER_CODE_REDEMPTION: OFFER_CODE_COLUMNS,
  INSTALLS: INSTALLS_COLUMNS,
  FIRST_ANNUAL: FIRST_ANNUAL_COLUMNS,
  WIN_BACK_ELIGIBILITY: WIN_BACK_COLUMNS,
  FINANCIAL: FINANCIAL_COLUMNS,
  FINANCE_DETAIL: FINANCE_DETAIL_COLUMNS,
};

/** INSTALLS subtypes differ in one grouping column (placeholder names). */
const INSTALLS_EXTRA: Record<string, string> = {
  SUMMARY_INSTALL_TYPE: 'Install Type',
  SUMMARY_CHANNEL: 'Channel',
  DETAILED: 'Source Type',
};

/**
 * The columns of a generated report. `overrides` is keyed `TYPE/SUBTYPE/VERSION` or `TYPE/VERSION`
 * or `TYPE` (most specific wins).
 */
export function layoutFor(
  reportType: string,
  reportSubType: string,
  version: string,
  overrides: Record<string, readonly string[]> = {},
): readonly string[] {
  const custom =
    overrides[`${reportType}/${reportSubType}/${version}`] ??
    overrides[`${reportType}/${version}`] ??
    overrides[reportType];
  if (custom) return custom;
  const base = BY_TYPE[reportType];
  if (!base) throw new Error(`no layout for ${reportType}`);
  const extra = reportType === 'INSTALLS' ? INSTALLS_EXTRA[reportSubType] : undefined;
  return extra ? [...base.slice(0, 4), extra, ...base.slice(4)] : base;
}

/** Date columns are written MM/DD/YYYY in these layouts (SALES-like and finance); elsewhere YYYY-MM-DD. */
export function usesUsDates(reportType: string): boolean {
  return ['SALES', 'PRE_ORDER', 'NEWSSTAND', 'FINANCIAL', 'FINANCE_DETAIL'].includes(reportType);
}
