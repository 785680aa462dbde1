/**
 * The columns of each report whose page was read, in the pages' order (sources: catalog.ts's
 * header), and the emulator's GENERIC stand-in for the rest.
 */
import type { Field } from './field.js';

const COMMON = ['Date', 'App Name', 'App Apple Identifier'];
const DEVICE = ['Device', 'Platform Version'];

export const ENGAGEMENT_STANDARD = [
  ...COMMON,
  'Event',
  'Page Type',
  'Source Type',
  'Engagement Type',
  ...DEVICE,
  'Territory',
  'Counts',
  'Unique Counts',
];
export const ENGAGEMENT_DETAILED = [
  ...COMMON,
  'Event',
  'Page Type',
  'Page Title',
  'Source Type',
  'Source Info',
  'Campaign',
  'Engagement Type',
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
export const DOWNLOADS_DETAILED = [
  ...COMMON,
  'Download Type',
  'App Version',
  ...DEVICE,
  'Source Type',
  'Source Info',
  'Campaign',
  'Page Type',
  'Page Title',
  'Pre-Order',
  'Territory',
  'Counts',
];
/** Installations and deletions, sessions: the Detailed report adds the same three fields in the same places. */
const usage = (event: string[], metrics: string[], detailed: boolean): string[] => [
  ...COMMON,
  ...event,
  'App Version',
  ...DEVICE,
  'Source Type',
  ...(detailed ? ['Source Info', 'Campaign'] : []),
  'Page Type',
  ...(detailed ? ['Page Title'] : []),
  'App Download Date',
  'Territory',
  ...metrics,
];
export const INSTALLS_STANDARD = usage(['Event', 'Download Type'], ['Counts', 'Unique Devices'], false);
export const SESSIONS_STANDARD = usage([], ['Sessions', 'Total Session Duration', 'Unique Devices'], false);
export const INSTALLS_DETAILED = usage(['Event', 'Download Type'], ['Counts', 'Unique Devices'], true);
export const SESSIONS_DETAILED = usage([], ['Sessions', 'Total Session Duration', 'Unique Devices'], true);
export const CRASHES = [...COMMON, 'App Version', ...DEVICE, 'Crashes', 'Unique Devices'];
/** Purchases and App Clip usage: the Detailed report adds Source Info and Campaign (and Page Title) in place. */
const purchases = (detailed: boolean): string[] => [
  ...COMMON,
  'Purchase Type',
  'Content Name',
  'Content Apple Identifier',
  'Payment Method',
  ...DEVICE,
  'Source Type',
  ...(detailed ? ['Source Info', 'Campaign'] : []),
  'Page Type',
  ...(detailed ? ['Page Title'] : []),
  'App Download Date',
  'Pre-Order',
  'Territory',
  'Purchases',
  'Proceeds in USD',
  'Sales in USD',
  'Paying Users',
];
export const PURCHASES_STANDARD = purchases(false);
export const PURCHASES_DETAILED = purchases(true);
const appClip = (detailed: boolean): string[] => [
  ...COMMON,
  'App Clip Event Type',
  'Source Type',
  ...(detailed ? ['Source Info', 'Campaign'] : []),
  'App Version',
  ...DEVICE,
  'Territory',
  'Counts',
  'Total Session Duration',
  'Unique Devices',
];
export const APP_CLIP_STANDARD = appClip(false);
export const APP_CLIP_DETAILED = appClip(true);

/** AirPlay Errors and AirPlay Performance: their metrics first, then the same dimensions. */
const AIRPLAY_DIMENSIONS = ['Video Session Type', 'Media Type', 'Date', 'Territory', ...DEVICE, 'Build Type', 'Build'];
const AIRPLAY_FIELDS: Record<string, Field> = {
  'Video Session Type': ['RC', 'AP', 'MC'],
  'Media Type': [
    'LocalFileEncrypted',
    'LocalFileNonEncrypted',
    'RemoteFileEncrypted',
    'RemoteFileNonEncrypted',
    'HLSEncrypted',
    'HLSNonEncrypted',
  ],
  'Build Type': 'text',
};
export const AIRPLAY_ERRORS_FIELDS: Record<string, Field> = {
  'Error Code': 'code',
  'Error Count': 'count',
  'Error Percentage': 'measure',
  ...AIRPLAY_FIELDS,
};
export const AIRPLAY_PERFORMANCE_FIELDS: Record<string, Field> = {
  'Average Video Start Up Time': 'measure',
  'Average Activate to Start Time': 'measure',
  'Average AirPlay Session Duration': 'measure',
  ...AIRPLAY_FIELDS,
};
export const INSTALL_PERFORMANCE = [
  ...COMMON,
  'Download Type',
  'Download Info',
  'Install Status',
  'Install Package Type',
  ...DEVICE,
  'Territory',
  'Counts',
  'Avg Install Duration',
];
export const INSTALL_PERFORMANCE_FIELDS: Record<string, Field> = {
  // The glossary's values; "Download Info" adds context to some rows only.
  'Download Type': ['First-time downloads', 'Redownloads', 'Updates', 'Auto-update', 'Restores', 'Auto-downloads'],
  'Download Info': ['', '', '', 'Code redemption', 'Pre-order', 'TestFlight'],
  'Install Status': 'text',
  'Install Package Type': 'text',
  Counts: 'count',
  'Avg Install Duration': 'millis',
};

/** The emulator's stand-in columns for reports whose pages were not read (see the header). */
export const GENERIC = [...COMMON, ...DEVICE, 'Territory', 'Counts'];

const metricsFirst = (fields: Record<string, Field>): string[] => [
  ...Object.keys(fields).slice(0, 3),
  ...AIRPLAY_DIMENSIONS,
];
export const AIRPLAY_ERRORS = metricsFirst(AIRPLAY_ERRORS_FIELDS);
export const AIRPLAY_PERFORMANCE = metricsFirst(AIRPLAY_PERFORMANCE_FIELDS);
