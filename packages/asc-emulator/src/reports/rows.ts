/**
 * One generated report row as facts (what was sold, where, how many, for how much), and how each
 * named column renders those facts. Layouts pick columns by name, so any column order works.
 *
 * Quirks of real files are reproduced (docs/evidence/sales-reports.md §3): single-space "empty" cells next to truly
 * empty ones, blank `Currency of Proceeds` on some free rows, blank Developer/Version on
 * subscription rows, money written `.70` without a leading zero, refunds with negative Units and
 * Customer Price but positive Developer Proceeds.
 */

import type { Random } from '../seed/random.js';

export interface Territory {
  code: string;
  currency: string;
  /** Local units per USD, for prices. */
  rate: number;
  /** Whole-number currencies still print two decimals (`16990.00 KZT`). */
  whole?: boolean;
}

export const TERRITORIES: readonly Territory[] = [
  { code: 'US', currency: 'USD', rate: 1 },
  { code: 'CA', currency: 'CAD', rate: 1.4 },
  { code: 'MX', currency: 'MXN', rate: 20 },
  { code: 'BR', currency: 'BRL', rate: 5.5 },
  { code: 'GB', currency: 'GBP', rate: 0.8 },
  { code: 'DE', currency: 'EUR', rate: 0.95 },
  { code: 'FR', currency: 'EUR', rate: 0.95 },
  { code: 'IT', currency: 'EUR', rate: 0.95 },
  { code: 'NL', currency: 'EUR', rate: 0.95 },
  { code: 'CH', currency: 'CHF', rate: 0.9 },
  { code: 'SE', currency: 'SEK', rate: 11 },
  { code: 'PL', currency: 'PLN', rate: 4 },
  { code: 'RU', currency: 'RUB', rate: 100, whole: true },
  { code: 'KZ', currency: 'KZT', rate: 500, whole: true },
  { code: 'TR', currency: 'TRY', rate: 35 },
  { code: 'IN', currency: 'INR', rate: 85, whole: true },
  { code: 'JP', currency: 'JPY', rate: 150, whole: true },
  { code: 'KR', currency: 'KRW', rate: 1400, whole: true },
  { code: 'CN', currency: 'CNY', rate: 7.2 },
  { code: 'AU', currency: 'AUD', rate: 1.5 },
  { code: 'NZ', currency: 'NZD', rate: 1.7 },
  { code: 'SA', currency: 'SAR', rate: 3.75 },
  { code: 'AE', currency: 'AED', rate: 3.67 },
  { code: 'ZA', currency: 'ZAR', rate: 18 },
  { code: 'ID', currency: 'IDR', rate: 16000, whole: true },
  { code: 'UA', currency: 'USD', rate: 1 },
];

export interface Product {
  sku: string;
  title: string;
  appleId: string;
  type: string;
  usd: number;
  parent?: string;
  subscription?: boolean;
  platform: 'iOS' | 'macOS';
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'DEMO_NOTES', title: 'Demo Notes', appleId: '1600000001', type: '1F', usd: 2.99, platform: 'iOS' },
  { sku: 'DEMO_NOTES', title: 'Demo Notes', appleId: '1600000001', type: '3F', usd: 0, platform: 'iOS' },
  { sku: 'DEMO_NOTES', title: 'Demo Notes', appleId: '1600000001', type: '7F', usd: 0, platform: 'iOS' },
  { sku: 'DEMO_TASKS', title: 'Demo Tasks', appleId: '1600000002', type: '1', usd: 0, platform: 'iOS' },
  { sku: 'DEMO_TASKS', title: 'Demo Tasks', appleId: '1600000002', type: '7', usd: 0, platform: 'iOS' },
  { sku: 'DEMO_WETTER', title: 'Demo Wetter', appleId: '1600000003', type: 'F1', usd: 4.99, platform: 'macOS' },
  { sku: 'DEMO_WETTER', title: 'Demo Wetter', appleId: '1600000003', type: 'F7', usd: 0, platform: 'macOS' },
  {
    sku: 'DEMO_NOTES_PRO',
    title: 'Demo Notes Pro',
    appleId: '1600000101',
    type: 'IA1',
    usd: 4.99,
    parent: 'DEMO_NOTES',
    platform: 'iOS',
  },
  {
    sku: 'DEMO_NOTES_THEMES',
    title: 'Themes Pack',
    appleId: '1600000102',
    type: 'IA1',
    usd: 0.99,
    parent: 'DEMO_NOTES',
    platform: 'iOS',
  },
  {
    sku: 'DEMO_NOTES_PRO',
    title: 'Demo Notes Pro',
    appleId: '1600000101',
    type: 'IA3',
    usd: 0,
    parent: 'DEMO_NOTES',
    platform: 'iOS',
  },
  {
    sku: 'DEMO_NOTES_PLUS',
    title: 'Notes Plus',
    appleId: '1600000201',
    type: 'IAY',
    usd: 1.99,
    parent: 'DEMO_NOTES',
    subscription: true,
    platform: 'iOS',
  },
  {
    sku: 'DEMO_WETTER_PRO',
    title: 'Wetter Pro',
    appleId: '1600000301',
    type: 'IAY-M',
    usd: 9.99,
    parent: 'DEMO_WETTER',
    subscription: true,
    platform: 'macOS',
  },
  {
    sku: 'DEMO_TASKS_PASS',
    title: 'Tasks Season Pass',
    appleId: '1600000202',
    type: 'IA9',
    usd: 14.99,
    parent: 'DEMO_TASKS',
    platform: 'iOS',
  },
];

const EVENTS = [
  'Subscribe',
  'Renew',
  'Cancel',
  'Start Introductory Offer',
  'Billing Retry from Paid Subscription',
  'Renewal from Billing Retry',
  'Upgrade',
];
const OFFER_TYPES = ['Free Trial', 'Pay as you go', 'Pay Up Front'];
const DEVICES = ['iPhone', 'iPad', 'Desktop'];
const STATES = ['CA', 'NY', 'QLD', 'Lagos', 'BY', ' '];

export interface Row {
  product: Product;
  territory: Territory;
  units: number;
  /** Customer price per unit in hundredths of the local currency (negative on refunds). */
  priceCents: number;
  /** Developer proceeds per unit in hundredths (positive on refunds, as Apple writes them). */
  proceedsCents: number;
  proceedsCurrency: string;
  event: string;
  offerType: string;
  device: string;
  state: string;
  refund: boolean;
  /** Report period, already formatted for this layout. */
  begin: string;
  end: string;
  /** Finance reports: the currency the region settles in. */
  settlementCurrency?: string;
  counter: number;
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export const SUBSCRIPTION_PRODUCTS: readonly Product[] = PRODUCTS.filter((p) => p.subscription);

export function makeRow(
  random: Random,
  counter: number,
  period: { begin: string; end: string },
  territories = TERRITORIES,
  products = PRODUCTS,
): Row {
  const product = pick(random, products);
  const territory = pick(random, territories);
  const paid = product.usd > 0;
  const refund = paid && random() < 0.04;
  const units = refund ? -1 - Math.floor(random() * 2) : 1 + Math.floor(random() ** 3 * 40);
  const local = product.usd * territory.rate;
  const price = paid ? Math.round(territory.whole ? Math.round(local) * 100 : local * 100) : 0;
  const share = product.subscription && random() < 0.5 ? 0.85 : 0.7;
  return {
    product,
    territory,
    units,
    priceCents: refund ? -price : price,
    proceedsCents: Math.round(price * share),
    proceedsCurrency: territory.currency,
    event: pick(random, EVENTS),
    offerType: random() < 0.3 ? pick(random, OFFER_TYPES) : '',
    device: product.platform === 'macOS' ? 'Desktop' : pick(random, DEVICES.slice(0, 2)),
    state: pick(random, STATES),
    refund,
    begin: period.begin,
    end: period.end,
    counter,
  };
}

/** `209.30`, `-85.43`; below one, every other value drops the leading zero (`.70`), as Apple's samples do. */
export function money(cents: number, counter = 0): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${sign}${whole === 0 && abs > 0 && counter % 2 === 1 ? '' : whole}.${frac}`;
}
