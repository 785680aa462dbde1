/** The default data: a handful of apps, two beta groups, and yesterday's sales report. */
import { demoTestFlightSeed } from './demo-testflight.js';
export { DEMO_VENDOR_NUMBER } from './demo-sales-reports.js';
import type { Seed, SeedApp, SeedSalesReport } from '../types.js';
import { DEMO_VENDOR_NUMBER, demoReportVendors } from './demo-sales-reports.js';
import { demoAppStore } from './demo-metadata.js';
import { demoReviews } from './demo-reviews.js';
import { SALES_COLUMNS } from '../reports/layouts.js';

export const DEMO_APP_ID = '1600000001';

/** Apple's current SALES / SUMMARY header (28 columns): the one list the report layouts keep. */
export const SALES_SUMMARY_HEADER = SALES_COLUMNS;

/** `n` apps with predictable names, bundle ids and SKUs, for paging tests. */
export function makeApps(n: number, start = 1): SeedApp[] {
  return Array.from({ length: n }, (_, i) => {
    const k = String(start + i).padStart(4, '0');
    return { id: String(1_700_000_000 + start + i), name: `App ${k}`, bundleId: `com.example.app${k}`, sku: `APP${k}` };
  });
}

/** MM/DD/YYYY, as Apple writes dates inside reports. */
function reportDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${m}/${d}/${y}`;
}

/** A small SALES / SUMMARY / DAILY report: app units in two currencies, an IAP and a refund. */
export function demoSalesTsv(isoDate: string): string {
  const day = reportDay(isoDate);
  const row = (
    sku: string,
    title: string,
    type: string,
    units: string,
    proceeds: string,
    cur: string,
    country: string,
    id: string,
    price: string,
    parent = '',
  ): string =>
    [
      'APPLE',
      'US',
      sku,
      'Example Developer',
      title,
      '1.4',
      type,
      units,
      proceeds,
      day,
      day,
      cur,
      country,
      cur,
      id,
      price,
      '',
      parent,
      '',
      '',
      'Productivity',
      '',
      'iPhone',
      'iOS',
      '',
      '',
      '',
      '',
    ].join('\t');
  const rows = [
    row('DEMO_NOTES', 'Demo Notes', '1F', '12', '2.09', 'USD', 'US', DEMO_APP_ID, '2.99'),
    row('DEMO_NOTES', 'Demo Notes', '1F', '3', '2.14', 'EUR', 'DE', DEMO_APP_ID, '2.99'),
    row('DEMO_NOTES_PRO', 'Demo Notes Pro', 'IA1', '2', '3.49', 'USD', 'US', '1600000101', '4.99', 'DEMO_NOTES'),
    row('DEMO_NOTES', 'Demo Notes', '1F', '-1', '2.09', 'USD', 'US', DEMO_APP_ID, '-2.99'),
  ];
  return `${SALES_SUMMARY_HEADER.join('\t')}\n${rows.join('\n')}\n`;
}

/** The demo seed; the sales report is for the UTC day before `now`. */
export function demoSeed(now: number = Date.now()): Seed {
  const yesterday = new Date(now - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const report: SeedSalesReport = {
    vendorNumber: DEMO_VENDOR_NUMBER,
    reportType: 'SALES',
    reportSubType: 'SUMMARY',
    frequency: 'DAILY',
    reportDate: yesterday,
    version: '1_0',
    tsv: demoSalesTsv(yesterday),
  };
  return {
    apps: [
      { id: DEMO_APP_ID, name: 'Demo Notes', bundleId: 'com.example.demo', sku: 'DEMO_NOTES', primaryLocale: 'en-US' },
      {
        id: '1600000002',
        name: 'Demo Tasks',
        bundleId: 'com.example.tasks',
        sku: 'DEMO_TASKS',
        primaryLocale: 'en-US',
      },
      {
        id: '1600000003',
        name: 'Demo Wetter',
        bundleId: 'com.example.wetter',
        sku: 'DEMO_WETTER',
        primaryLocale: 'de-DE',
      },
    ],
    betaGroups: [
      { id: 'a1b2c3d4-0000-4000-8000-000000000001', app: DEMO_APP_ID, name: 'Internal Testers', isInternalGroup: true },
      { id: 'a1b2c3d4-0000-4000-8000-000000000002', app: DEMO_APP_ID, name: 'Public Beta' },
    ],
    salesReports: [report],
    reportVendors: demoReportVendors(),
    appStore: demoAppStore(DEMO_APP_ID),
    customerReviews: demoReviews(DEMO_APP_ID, now),
    // Analytics reports asked for three weeks ago: daily instances since, for the conversion loop.
    analytics: { requests: [{ app: DEMO_APP_ID, createdAt: new Date(now - 21 * 24 * 60 * 60 * 1000).toISOString() }] },
    ...demoTestFlightSeed(now),
  };
}
