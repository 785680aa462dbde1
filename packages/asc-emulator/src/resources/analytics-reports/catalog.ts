/**
 * The reports an analytics report request holds, as Apple names and groups them.
 *
 * Evidence (Apple's "Analytics Reports" documentation, https://developer.apple.com/documentation/analytics-reports,
 * one page per report with its "Report Fields" table, availability and completeness):
 * - App Store Discovery and Engagement (APP_STORE_ENGAGEMENT): daily, weekly (Fridays, for the
 *   previous Monday–Sunday), monthly (the 5th); complete within three days; Standard and Detailed.
 * - App Downloads / "App Store Downloads" page (COMMERCE): Standard and Detailed.
 * - App Sessions (APP_USAGE): daily, weekly, monthly; complete within five days.
 * - App Store Installation and Deletion (APP_USAGE): fields Date, App Name, App Apple Identifier,
 *   Event, Download Type, App Version, Device, Platform Version, Source Type, Territory, Counts,
 *   Unique Devices (+ App Download Date, Page Type, Page Title, Source Info in the Detailed one).
 * - App Installs Performance: "Daily: Every day" only (no weekly or monthly instances).
 * The exact report names ("App Store Discovery and Engagement Standard", "App Downloads Standard",
 * "App Sessions Standard", "App Store Installation and Deletion Standard") are the `name`
 * attributes public clients match on (e.g. asc's internal/cli/analytics, and several open
 * dashboards found by code search); Apple's count of about 150 reports per request, mostly
 * FRAMEWORK_USAGE, is from those clients' comments, not Apple's docs. The FRAMEWORK_USAGE
 * reports below past the named ones are numbered placeholders that only make the list as long
 * as Apple's (for paging): their names are not Apple's.
 */
export type Category = 'APP_USAGE' | 'APP_STORE_ENGAGEMENT' | 'COMMERCE' | 'FRAMEWORK_USAGE' | 'PERFORMANCE';
export type Granularity = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export interface CatalogReport {
  name: string;
  category: Category;
  granularities: readonly Granularity[];
  /** Days after a date until its data is complete: a daily instance carries this many dates. */
  completenessDays: number;
  columns: readonly string[];
  /** Which generator fills the rows (analytics-reports/rows.ts). */
  kind: 'engagement' | 'downloads' | 'installs' | 'sessions' | 'generic';
}

const ALL: readonly Granularity[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const COMMON = ['Date', 'App Name', 'App Apple Identifier'];
const DEVICE = ['Device', 'Platform Version'];

export const ENGAGEMENT_STANDARD = [
  ...COMMON,
  'Event',
  'Page Type',
  'Source Type',
  ...DEVICE,
  'Territory',
  'Counts',
  'Unique Counts',
];
export const DOWNLOADS_STANDARD = [
  ...COMMON,
  'Download Type',
  'App Version',
  ...DEVICE,
  'Source Type',
  'Page Type',
  'Pre-Order',
  'Territory',
  'Counts',
];
export const INSTALLS_STANDARD = [
  ...COMMON,
  'Event',
  'Download Type',
  'App Version',
  ...DEVICE,
  'Source Type',
  'Territory',
  'Counts',
  'Unique Devices',
];
export const SESSIONS_STANDARD = [
  ...COMMON,
  'App Version',
  ...DEVICE,
  'Source Type',
  'Territory',
  'Sessions',
  'Total Session Duration',
  'Unique Devices',
];
const DETAILED_EXTRA = ['Source Info', 'Page Title'];
const withDetail = (columns: readonly string[]): string[] =>
  [...columns.slice(0, -1), ...DETAILED_EXTRA, columns.at(-1)!].filter((c, i, a) => a.indexOf(c) === i);

function pair(
  base: string,
  category: Category,
  kind: CatalogReport['kind'],
  columns: readonly string[],
  completenessDays: number,
): CatalogReport[] {
  return [
    { name: `${base} Standard`, category, granularities: ALL, completenessDays, columns, kind },
    { name: `${base} Detailed`, category, granularities: ALL, completenessDays, columns: withDetail(columns), kind },
  ];
}

const GENERIC = [...COMMON, ...DEVICE, 'Territory', 'Counts'];

const NAMED: CatalogReport[] = [
  ...pair('App Store Discovery and Engagement', 'APP_STORE_ENGAGEMENT', 'engagement', ENGAGEMENT_STANDARD, 3),
  ...pair('App Downloads', 'COMMERCE', 'downloads', DOWNLOADS_STANDARD, 2),
  ...pair('App Store Purchases', 'COMMERCE', 'generic', GENERIC, 2),
  ...pair('App Sessions', 'APP_USAGE', 'sessions', SESSIONS_STANDARD, 5),
  ...pair('App Store Installation and Deletion', 'APP_USAGE', 'installs', INSTALLS_STANDARD, 2),
  {
    name: 'App Crashes',
    category: 'APP_USAGE',
    granularities: ALL,
    completenessDays: 2,
    columns: [...COMMON, 'App Version', ...DEVICE, 'Territory', 'Crashes', 'Unique Devices'],
    kind: 'generic',
  },
  {
    name: 'App Installs Performance',
    category: 'PERFORMANCE',
    granularities: ['DAILY'],
    completenessDays: 2,
    columns: [...COMMON, 'App Version', ...DEVICE, 'Territory', 'Counts'],
    kind: 'generic',
  },
  {
    name: 'AirPlay Errors',
    category: 'PERFORMANCE',
    granularities: ALL,
    completenessDays: 2,
    columns: GENERIC,
    kind: 'generic',
  },
  {
    name: 'AirPlay Performance',
    category: 'PERFORMANCE',
    granularities: ALL,
    completenessDays: 2,
    columns: GENERIC,
    kind: 'generic',
  },
  {
    name: 'App Clip Usage',
    category: 'APP_USAGE',
    granularities: ALL,
    completenessDays: 2,
    columns: GENERIC,
    kind: 'generic',
  },
];

/** About 150 reports in all, as Apple's requests have. */
export const REPORTS_PER_REQUEST = 150;

/** The catalog with `total` reports (placeholders pad FRAMEWORK_USAGE). */
export function catalog(total = REPORTS_PER_REQUEST): CatalogReport[] {
  const padding = Math.max(0, total - NAMED.length);
  const fillers = Array.from({ length: padding }, (_, i): CatalogReport => ({
    name: `Framework Usage Placeholder ${String(i + 1).padStart(3, '0')}`,
    category: 'FRAMEWORK_USAGE',
    granularities: ALL,
    completenessDays: 2,
    columns: GENERIC,
    kind: 'generic',
  }));
  return [...NAMED, ...fillers];
}

export function catalogReport(name: string, total?: number): CatalogReport | undefined {
  return catalog(total).find((r) => r.name === name);
}
