/**
 * The reports an analytics report request holds, as Apple names and groups them.
 *
 * Columns, availability and completeness: each report's page under Apple's "Analytics Reports"
 * documentation (https://developer.apple.com/documentation/analytics-reports, "Report Fields"
 * tables; read through a public markdown mirror, Averyy/apple-dev-docs
 * documentation/analytics-reports/*.md, each page ending "View on Apple Developer"):
 * - …/app-store-discovery-and-engagement: daily, weekly, monthly; complete within three days;
 *   Standard = Date, App Name, App Apple Identifier, Event, Page Type, Source Type, Engagement
 *   Type, Device, Platform Version, Territory, Counts, Unique Counts; Detailed adds Page Title,
 *   Source Info, Campaign.
 * - …/app-download ("App Store Downloads"): the Standard report daily only ("Weekly (detailed
 *   report only)", "Monthly (detailed report only)"); complete within two days; Detailed adds
 *   Source Info, Campaign, Page Title.
 * - …/app-installs ("App Store Installations and Deletions") and …/app-sessions: complete within
 *   five days; both carry Page Type and App Download Date in the Standard report.
 * - …/app-crashes: no Territory column; complete within five days.
 * - …/app-store-purchase ("App Store Purchases"): daily, weekly, monthly; complete within two
 *   days; Standard = Date, App Name, App Apple Identifier, Purchase Type, Content Name, Content
 *   Apple Identifier, Payment Method, Device, Platform Version, Source Type, Page Type, App Download
 *   Date, Pre-Order, Territory, Purchases, Proceeds in USD, Sales in USD, Paying Users; Detailed
 *   adds Source Info and Campaign after Source Type, Page Title after Page Type.
 * - …/app-clip-usage ("App Clip Usage"): daily, weekly, monthly; complete within five days;
 *   Standard = Date, App Name, App Apple Identifier, App Clip Event Type, Source Type, App Version,
 *   Device, Platform Version, Territory, Counts, Total Session Duration, Unique Devices; Detailed
 *   adds Source Info and Campaign after Source Type.
 * - …/airplay-errors and …/airplay-performance: no App Name / App Apple Identifier columns; the
 *   metrics come first (performance: Average Video Start Up Time, Average Activate to Start Time,
 *   Average AirPlay Session Duration), then Video Session Type, Media Type, Date, Territory, Device,
 *   Platform Version, Build Type, Build. Neither page states availability or completeness: the
 *   emulator keeps daily, weekly, monthly and two days.
 * - …/app-installs-performance ("App Installs Performance"): daily only; complete within two
 *   days; Date, App Name, App Apple Identifier, Download Type, Download Info, Install Status,
 *   Install Package Type, Device, Platform Version, Territory, Counts, Avg Install Duration (no
 *   Standard/Detailed split).
 * - FRAMEWORK_USAGE: framework-usage.ts (all 89 pages of the collection's "Framework Usage" topic).
 * The `name` attributes the API lists differ from the page titles: "App Downloads Standard" (page
 * "App Store Downloads"), "App Store Installation and Deletion Standard" (page "App Store
 * Installations and Deletions"), "App Install Performance" (page "App Installs Performance"),
 * "App Clip Usage Standard"/"Detailed" (page "App Clip Usage"). Apple's docs do not list the API
 * names; these are the names public clients match on (a report-name enum dumped from the API in a
 * public Python client; asc's internal/cli/analytics; dashboards found by code search).
 * GENERIC columns (report-columns.ts) are left only for the placeholders below: the emulator's
 * stand-ins, NOT Apple's. Values the pages document no list for
 * (Payment Method, Install Status, Install Package Type, Build Type, Release Type, Level, paths
 * and hashes…) are the emulator's, said where they are made (rows.ts, typed-rows.ts).
 * About 150 reports a request: public clients' comments (one saw 156); any count past the named
 * ones is padded with "Framework Usage Placeholder NNN" reports, labelled as not Apple's.
 */
import {
  FRAMEWORK_BASE,
  FRAMEWORK_BASE_FIELDS,
  FRAMEWORK_USAGE_TITLES,
  OWN_SHAPE,
  VERIFIED,
} from './framework-usage.js';
import * as C from './report-columns.js';
import type { Field } from './field.js';

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
  kind: 'engagement' | 'downloads' | 'installs' | 'sessions' | 'purchases' | 'app-clip' | 'typed' | 'generic';
  /** For kind `typed`: how each column the rows generator does not fill by name is filled. */
  fields?: Readonly<Record<string, Field>>;
  /** The territories the report covers when its page limits them (the EU-only browser-choice reports). */
  territories?: readonly string[];
}

export type { Field } from './field.js';

const ALL: readonly Granularity[] = ['DAILY', 'WEEKLY', 'MONTHLY'];

const report = (
  name: string,
  category: Category,
  kind: CatalogReport['kind'],
  columns: readonly string[],
  completenessDays = 2,
  granularities: readonly Granularity[] = ALL,
  fields?: Readonly<Record<string, Field>>,
): CatalogReport => ({ name, category, granularities, completenessDays, columns, kind, ...(fields && { fields }) });

/** A Framework Usage report: its page's columns when it was read (daily only, up to 8 days late), else GENERIC. */
function frameworkUsage(name: string): CatalogReport {
  const shape = OWN_SHAPE[name];
  if (shape) {
    const { columns, fields, daily, completenessDays, territories } = shape;
    const made = report(name, 'FRAMEWORK_USAGE', 'typed', columns, completenessDays, daily ? ['DAILY'] : ALL, fields);
    return territories ? { ...made, territories } : made;
  }
  const own = VERIFIED[name];
  if (!own) return report(name, 'FRAMEWORK_USAGE', 'generic', C.GENERIC);
  const columns = [...FRAMEWORK_BASE, ...Object.keys(own)];
  return report(name, 'FRAMEWORK_USAGE', 'typed', columns, 8, ['DAILY'], { ...FRAMEWORK_BASE_FIELDS, ...own });
}

const NAMED: CatalogReport[] = [
  report('App Store Discovery and Engagement Standard', 'APP_STORE_ENGAGEMENT', 'engagement', C.ENGAGEMENT_STANDARD, 3),
  report('App Store Discovery and Engagement Detailed', 'APP_STORE_ENGAGEMENT', 'engagement', C.ENGAGEMENT_DETAILED, 3),
  report('App Downloads Standard', 'COMMERCE', 'downloads', C.DOWNLOADS_STANDARD, 2, ['DAILY']),
  report('App Downloads Detailed', 'COMMERCE', 'downloads', C.DOWNLOADS_DETAILED, 2),
  report('App Store Purchases Standard', 'COMMERCE', 'purchases', C.PURCHASES_STANDARD, 2),
  report('App Store Purchases Detailed', 'COMMERCE', 'purchases', C.PURCHASES_DETAILED, 2),
  report('App Sessions Standard', 'APP_USAGE', 'sessions', C.SESSIONS_STANDARD, 5),
  report('App Sessions Detailed', 'APP_USAGE', 'sessions', C.SESSIONS_DETAILED, 5),
  report('App Store Installation and Deletion Standard', 'APP_USAGE', 'installs', C.INSTALLS_STANDARD, 5),
  report('App Store Installation and Deletion Detailed', 'APP_USAGE', 'installs', C.INSTALLS_DETAILED, 5),
  report('App Crashes', 'APP_USAGE', 'generic', C.CRASHES, 5),
  report('App Clip Usage Standard', 'APP_USAGE', 'app-clip', C.APP_CLIP_STANDARD, 5),
  report('App Clip Usage Detailed', 'APP_USAGE', 'app-clip', C.APP_CLIP_DETAILED, 5),
  report(
    'App Install Performance',
    'PERFORMANCE',
    'typed',
    C.INSTALL_PERFORMANCE,
    2,
    ['DAILY'],
    C.INSTALL_PERFORMANCE_FIELDS,
  ),
  report('AirPlay Errors', 'PERFORMANCE', 'typed', C.AIRPLAY_ERRORS, 2, ALL, C.AIRPLAY_ERRORS_FIELDS),
  report('AirPlay Performance', 'PERFORMANCE', 'typed', C.AIRPLAY_PERFORMANCE, 2, ALL, C.AIRPLAY_PERFORMANCE_FIELDS),
  ...FRAMEWORK_USAGE_TITLES.map(frameworkUsage),
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
    columns: C.GENERIC,
    kind: 'generic',
  }));
  return [...NAMED, ...fillers];
}

export function catalogReport(name: string, total?: number): CatalogReport | undefined {
  return catalog(total).find((r) => r.name === name);
}
