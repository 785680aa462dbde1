/**
 * The analytics reports this action knows by name (Apple's Analytics Reports documentation, one
 * page per report: https://developer.apple.com/documentation/analytics-reports), with the
 * granularities Apple makes them in. A name Apple adds later is still accepted: it is checked
 * against the reports Apple lists for the request.
 */
import type { AnalyticsCategory, AnalyticsGranularity } from '@asc-actions/core';

export interface KnownReport {
  name: string;
  category: AnalyticsCategory;
  granularities: readonly AnalyticsGranularity[];
}

const ALL: readonly AnalyticsGranularity[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const both = (base: string, category: AnalyticsCategory): KnownReport[] => [
  { name: `${base} Standard`, category, granularities: ALL },
  { name: `${base} Detailed`, category, granularities: ALL },
];

export const KNOWN_REPORTS: readonly KnownReport[] = [
  ...both('App Store Discovery and Engagement', 'APP_STORE_ENGAGEMENT'),
  ...both('App Downloads', 'COMMERCE'),
  ...both('App Store Purchases', 'COMMERCE'),
  ...both('App Sessions', 'APP_USAGE'),
  ...both('App Store Installation and Deletion', 'APP_USAGE'),
  { name: 'App Crashes', category: 'APP_USAGE', granularities: ALL },
  { name: 'App Clip Usage', category: 'APP_USAGE', granularities: ALL },
  // "Daily: Every day" only (Apple's App Installs Performance page).
  { name: 'App Installs Performance', category: 'PERFORMANCE', granularities: ['DAILY'] },
  { name: 'AirPlay Errors', category: 'PERFORMANCE', granularities: ALL },
  { name: 'AirPlay Performance', category: 'PERFORMANCE', granularities: ALL },
];

/** The conversion loop: impressions and page views, then downloads. */
export const ENGAGEMENT_REPORT = 'App Store Discovery and Engagement Standard';
export const DOWNLOADS_REPORT = 'App Downloads Standard';
export const DEFAULT_REPORTS = [ENGAGEMENT_REPORT, DOWNLOADS_REPORT];

/** Names compared as Apple's are spelled, ignoring case and runs of spaces. */
export const normalName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

export function knownReport(name: string): KnownReport | undefined {
  return KNOWN_REPORTS.find((r) => normalName(r.name) === normalName(name));
}
