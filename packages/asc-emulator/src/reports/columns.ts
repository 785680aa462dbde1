/** How each named column of a generated report renders a row. Unknown names get a deterministic filler. */
import { money, type Row } from './rows.js';

type Cell = (r: Row) => string;

const SPACE = ' ';
const isFree = (r: Row): boolean => r.product.usd === 0;
const units = (r: Row): string => String(r.units);
const proceeds = (r: Row): string => money(r.proceedsCents, r.counter);
const price = (r: Row): string => money(r.priceCents, r.counter);
const subscriptionName = (r: Row): string => (r.product.subscription ? r.product.title : 'Notes Plus');
const subscriptionId = (r: Row): string => (r.product.subscription ? r.product.appleId : '1600000201');
const count =
  (mod: number) =>
  (r: Row): string =>
    String(Math.abs(r.units * 7 + r.counter) % mod);
const appName = (r: Row): string =>
  r.product.parent
    ? r.product.parent
        .replace('DEMO_', 'Demo ')
        .replace('NOTES', 'Notes')
        .replace('TASKS', 'Tasks')
        .replace('WETTER', 'Wetter')
    : r.product.title;
const appId = (r: Row): string => (r.product.parent ? '1600000001' : r.product.appleId);

const CELLS: Record<string, Cell> = {
  Provider: () => 'APPLE',
  'Provider Country': () => 'US',
  SKU: (r) => r.product.sku,
  // Subscription rows leave Developer and Version as a single space (docs/evidence/sales-reports.md §3).
  Developer: (r) => (r.product.subscription ? SPACE : 'Example Developer'),
  Title: (r) => r.product.title,
  Version: (r) => (r.product.subscription || r.product.parent ? SPACE : '2.4.1'),
  'Product Type Identifier': (r) => r.product.type,
  Units: units,
  'Developer Proceeds': proceeds,
  'Begin Date': (r) => r.begin,
  'End Date': (r) => r.end,
  'Customer Currency': (r) => r.territory.currency,
  'Country Code': (r) => r.territory.code,
  // Free rows sometimes carry a blank currency of proceeds (seen in the real SALES file).
  'Currency of Proceeds': (r) => (isFree(r) && r.counter % 3 === 0 ? SPACE : r.proceedsCurrency),
  'Apple Identifier': (r) => r.product.appleId,
  'Customer Price': price,
  'Promo Code': () => SPACE,
  'Parent Identifier': (r) => r.product.parent ?? SPACE,
  Subscription: (r) => (r.product.subscription ? (r.counter % 4 === 0 ? 'New' : 'Renewal') : SPACE),
  Period: (r) => (r.product.subscription ? '1 Month' : SPACE),
  Category: () => 'Productivity',
  CMB: () => '',
  Device: (r) => r.device,
  'Supported Platforms': (r) => r.product.platform,
  'Proceeds Reason': () => SPACE,
  'Preserved Pricing': () => SPACE,
  Client: () => SPACE,
  'Order Type': () => SPACE,
  // Subscription reports
  'App Name': appName,
  'App Apple ID': appId,
  'Subscription Name': subscriptionName,
  'Subscription Apple ID': subscriptionId,
  'Subscription Group ID': () => '21000001',
  'Standard Subscription Duration': () => '1 Month',
  'Subscription Offer Name': (r) => (r.offerType ? 'Welcome Offer' : ''),
  'Promotional Offer Name': (r) => (r.offerType ? 'Welcome Offer' : ''),
  'Promotional Offer ID': (r) => (r.offerType ? 'welcome_1' : ''),
  'Proceeds Currency': (r) => r.proceedsCurrency,
  State: (r) => r.state,
  Country: (r) => r.territory.code,
  'Event Date': (r) => r.begin,
  Event: (r) => r.event,
  'Subscription Offer Type': (r) => r.offerType,
  'Subscription Offer Duration': (r) => (r.offerType ? '1 Week' : ''),
  'Marketing Opt-In': () => '',
  'Marketing Opt-In Duration': () => '',
  'Consecutive Paid Periods': count(12),
  'Original Start Date': (r) => r.begin,
  'Previous Subscription Name': () => '',
  'Previous Subscription Apple ID': () => '',
  'Days Before Canceling': () => '',
  'Cancellation Reason': () => '',
  'Days Canceled': () => '',
  Quantity: (r) => String(Math.abs(r.units)),
  'Paid Service Days Recovered': () => '',
  'Subscriber ID': (r) => String(1234567890000 + r.counter),
  'Subscriber ID Reset': () => '',
  Refund: (r) => (r.refund ? 'Yes' : ''),
  'Purchase Date': (r) => (r.refund ? r.begin : ''),
  // Offer codes, pre-orders, placeholders
  Date: (r) => r.begin,
  'Offer Reference Name': () => 'Spring Promo',
  'Offer Code': (r) => (r.counter % 2 ? 'SPRING26' : ''),
  Territory: (r) => r.territory.code,
  Redemptions: (r) => String(Math.abs(r.units)),
  'Pre-Order Start Date': (r) => r.begin,
  'Pre-Order End Date': (r) => r.end,
  Ordered: (r) => `${Math.abs(r.units)}.00`,
  Canceled: (r) => `${r.counter % 5 === 0 ? 1 : 0}.00`,
  'Cumulative Ordered': (r) => `${Math.abs(r.units) * 3}.00`,
  'Cumulative Canceled': (r) => `${r.counter % 5 === 0 ? 2 : 0}.00`,
  'Start Date': (r) => r.begin,
  Installs: (r) => String(Math.abs(r.units) * 3),
  'Install Type': (r) => (r.counter % 2 ? 'First-time download' : 'Redownload'),
  Channel: (r) => (r.counter % 2 ? 'App Store Search' : 'Web Referrer'),
  'Source Type': (r) => (r.counter % 2 ? 'App Store Browse' : 'App Referrer'),
  Subscribers: count(50),
  'Eligible Subscribers': count(30),
};

const SUBSCRIPTION_COUNTS = /Subscriptions$|Win-Back Offers$|^Marketing Opt-Ins$|^Billing Retry$|^Grace Period$/;

/** The renderer of a column. */
export function cellFor(column: string): Cell {
  const known = CELLS[column];
  if (known) return known;
  if (SUBSCRIPTION_COUNTS.test(column)) return count(20);
  return (r) => `x${r.counter % 7}`;
}
