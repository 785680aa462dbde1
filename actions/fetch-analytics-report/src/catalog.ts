/**
 * The analytics reports this action knows by name, with the granularities Apple makes them in,
 * checked against each report's page under Apple's "Analytics Reports" documentation
 * (https://developer.apple.com/documentation/analytics-reports, read 2026-12-05):
 * - app-store-discovery-and-engagement, app-installs, app-sessions, app-crashes: daily, weekly,
 *   monthly;
 * - app-download ("App Store Downloads"): weekly and monthly "detailed report only", so
 *   "App Downloads Standard" is daily only;
 * - app-installs-performance: "Daily: Every day" only;
 * - app-store-purchase, app-clip-usage: daily, weekly, monthly, Standard and Detailed;
 * - airplay-errors, airplay-performance: their pages state no availability (all three kept).
 * The names are the API's `name` attributes, which differ from the page titles ("App Store
 * Downloads" → "App Downloads Standard/Detailed", "App Store Installations and Deletions" → "App
 * Store Installation and Deletion Standard/Detailed", "App Installs Performance" → "App Install
 * Performance", "App Clip Usage" → "App Clip Usage Standard/Detailed"): Apple's pages do not give
 * them; they are what public clients match on (see the emulator's analytics-reports/catalog.ts).
 * A name not listed here (FRAMEWORK_USAGE has about 90) is checked against Apple's list for the
 * request instead.
 */
import { nearest, type AnalyticsCategory, type AnalyticsGranularity } from '@asc-actions/core';

export interface KnownReport {
  name: string;
  category: AnalyticsCategory;
  granularities: readonly AnalyticsGranularity[];
}

const ALL: readonly AnalyticsGranularity[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const DAILY: readonly AnalyticsGranularity[] = ['DAILY'];
const both = (base: string, category: AnalyticsCategory, standard = ALL): KnownReport[] => [
  { name: `${base} Standard`, category, granularities: standard },
  { name: `${base} Detailed`, category, granularities: ALL },
];

export const KNOWN_REPORTS: readonly KnownReport[] = [
  ...both('App Store Discovery and Engagement', 'APP_STORE_ENGAGEMENT'),
  ...both('App Downloads', 'COMMERCE', DAILY),
  ...both('App Store Purchases', 'COMMERCE'),
  ...both('App Sessions', 'APP_USAGE'),
  ...both('App Store Installation and Deletion', 'APP_USAGE'),
  ...both('App Clip Usage', 'APP_USAGE'),
  { name: 'App Crashes', category: 'APP_USAGE', granularities: ALL },
  { name: 'App Install Performance', category: 'PERFORMANCE', granularities: DAILY },
  { name: 'AirPlay Errors', category: 'PERFORMANCE', granularities: ALL },
  { name: 'AirPlay Performance', category: 'PERFORMANCE', granularities: ALL },
];

/** The conversion loop: impressions and page views, then downloads. */
export const ENGAGEMENT_REPORT = 'App Store Discovery and Engagement Standard';
export const DOWNLOADS_REPORT = 'App Downloads Standard';
/** Weekly and monthly downloads come only in the Detailed report (Apple's App Store Downloads page). */
export const defaultReports = (granularity: AnalyticsGranularity): string[] => [
  ENGAGEMENT_REPORT,
  granularity === 'DAILY' ? DOWNLOADS_REPORT : 'App Downloads Detailed',
];

/** Names compared as Apple's are spelled, ignoring case and runs of spaces. */
export const normalName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The report a mistyped name most likely meant: the nearest by spelling, else the names that
 * begin with it (people type a documentation page's title, "App Store Discovery & Engagement",
 * where Apple lists "App Store Discovery and Engagement Standard" and "… Detailed").
 */
export function suggestReport(name: string, known: readonly string[]): string | undefined {
  const near = nearest(name, known);
  if (near) return near;
  const fold = (n: string): string => normalName(n).replace(/\s*&\s*/g, ' and ');
  const begins = known.filter((k) => fold(k).startsWith(fold(name)));
  return begins.length ? begins.slice(0, 2).join('" or "') : undefined;
}

export function knownReport(name: string): KnownReport | undefined {
  return KNOWN_REPORTS.find((r) => normalName(r.name) === normalName(name));
}
