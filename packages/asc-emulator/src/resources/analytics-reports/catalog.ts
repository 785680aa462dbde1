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
 * - …/airplay-errors: no App Name / App Apple Identifier columns (error code, count, percentage,
 *   session and media type, build).
 * - …/app-installs-performance: daily only.
 * The `name` attributes the API lists differ from the page titles: "App Downloads Standard" (page
 * "App Store Downloads"), "App Store Installation and Deletion Standard" (page "App Store
 * Installations and Deletions"), "App Install Performance" (page "App Installs Performance"),
 * "App Clip Usage Standard"/"Detailed" (page "App Clip Usage"). Apple's docs do not list the API
 * names; these are the names public clients match on (a report-name enum dumped from the API in a
 * public Python client; asc's internal/cli/analytics; dashboards found by code search).
 * FRAMEWORK_USAGE: the report titles of the collection page's "Framework Usage" topic (the API
 * names equal those titles in the same public enum). Columns marked GENERIC below (App Store
 * Purchases, App Clip Usage, AirPlay Performance, App Install Performance, every FRAMEWORK_USAGE
 * report) were NOT checked against their pages: the emulator's stand-ins.
 * About 150 reports a request: public clients' comments (one saw 156); any count past the named
 * ones is padded with "Framework Usage Placeholder NNN" reports, labelled as not Apple's.
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

/** The "Framework Usage" topic of Apple's Analytics Reports collection page, in its order. */
// prettier-ignore
const FRAMEWORK_USAGE_TITLES = [
  'AccessorySetupKit Accessory Picker Sessions', 'AccessorySetupKit Usage', 'AirPlay Discovery Sessions',
  'Animoji Stickers Sent', 'App Added to Focus', 'App Disk Space Usage', 'App Runtime Usage', 'App Sessions Context',
  'Application Preferred Language Settings', 'ARKit ARSession Duration', 'ARKit ARSession Failures',
  'ARKit Capture Frame Rate Throttling', 'ARKit Collaborative Session Features', 'ARKit Face Tracking',
  'ARKit Video Formats', 'ARKit World Tracking', 'ARKit World Tracking Image Detection', 'Audio Input Muting',
  'Audio Input Route and Duration and Call Mode', 'Audio Session Audio Unit Usage', 'Audio Volume Levels and Duration',
  'Automatic Speech Recognition Usage', 'Bluetooth LE Advertising', 'Bluetooth LE Connection Results',
  'Bluetooth LE Connections Per App', 'Bluetooth LE Disconnection Results', 'Bluetooth LE Scans', 'Bluetooth LE Sessions',
  'Browser Choice Screen Engagement (iOS versions before 18.2)', 'Call Services and Call Performance', 'CarPlay Navigation',
  'Collaboration Message Usage', 'Core Location Authorization Results', 'Core Location Geofencing',
  'CRABS-Based Video Playback Usage', 'Custom Language Model Builds Started', 'Customized Transcription Requests',
  'DockKit App Usage', 'Dynamic Island Layout Changes', 'File-Based Video Playback Usage', 'Flashlight Usage',
  'Game Controller Haptics Engine Creation', 'Game Controller Sessions', 'Haptics Engine Usage',
  'Home Screen Widget Installs', 'Home Screen Widget Rotations', 'Home Screen Widget Usage', 'Home Screen Widgets',
  'HTTP Live Streaming Playback Count', 'HTTP Live Streaming Video Playback Usage', 'Keyboard Dictation Usage',
  'Live Activity Use', 'Load CoreML Models Metrics', 'Local Network Privacy', 'Location Sessions',
  'Lock Screen Widget Configuration', 'Metal Command Queues', 'Mode Activity Notifications',
  'Multiple Game Controllers Usage', 'Notification Summary Engagement', 'Photogrammetry ObjectCaptureSession API Usage',
  'PhotogrammetrySession API Usage', 'PhotoKit Imports', 'Photos Library Access', 'Photos Picker', 'Photos Sharing',
  'Reminders Usage', 'RoomPlan Usage', 'Safari Extensions Enablement', 'Safari Extensions Usage',
  'Shared With You Content Engagement', 'SharePlay Usage by Activity Type', 'ShazamKit Usage', 'Spatial Audio Usage',
  'Speech Framework Transcription Request Audio Duration', 'Speech Framework Transcription Requests', 'Text-Input Actions',
  'Translation Request Usage', 'Verify With Wallet Document Request Availability', 'Verify with Wallet Document Requests',
  'Video Duration Information', 'Video PiP Duration', 'VisionKit Data Detectors', 'VisionKit Image Analysis',
  'VisionKit Live Text Usage', 'VisionKit Sessions', 'Browser Choice Screen Selection', 'Default Browser Usage Rate',
  'Wi-Fi Known Network Modifications',
];
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
const ENGAGEMENT_DETAILED = [
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
const DOWNLOADS_DETAILED = [
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
const CRASHES = [...COMMON, 'App Version', ...DEVICE, 'Crashes', 'Unique Devices'];
const AIRPLAY_ERRORS = [
  'Error Code',
  'Error Count',
  'Error Percentage',
  'Video Session Type',
  'Media Type',
  'Date',
  'Territory',
  ...DEVICE,
  'Build Type',
  'Build',
];

/** The emulator's stand-in columns for reports whose pages were not checked (see the header). */
const GENERIC = [...COMMON, ...DEVICE, 'Territory', 'Counts'];

const report = (
  name: string,
  category: Category,
  kind: CatalogReport['kind'],
  columns: readonly string[],
  completenessDays = 2,
  granularities: readonly Granularity[] = ALL,
): CatalogReport => ({ name, category, granularities, completenessDays, columns, kind });

const NAMED: CatalogReport[] = [
  report('App Store Discovery and Engagement Standard', 'APP_STORE_ENGAGEMENT', 'engagement', ENGAGEMENT_STANDARD, 3),
  report('App Store Discovery and Engagement Detailed', 'APP_STORE_ENGAGEMENT', 'engagement', ENGAGEMENT_DETAILED, 3),
  report('App Downloads Standard', 'COMMERCE', 'downloads', DOWNLOADS_STANDARD, 2, ['DAILY']),
  report('App Downloads Detailed', 'COMMERCE', 'downloads', DOWNLOADS_DETAILED, 2),
  report('App Store Purchases Standard', 'COMMERCE', 'generic', GENERIC),
  report('App Store Purchases Detailed', 'COMMERCE', 'generic', GENERIC),
  report('App Sessions Standard', 'APP_USAGE', 'sessions', SESSIONS_STANDARD, 5),
  report(
    'App Sessions Detailed',
    'APP_USAGE',
    'sessions',
    usage([], ['Sessions', 'Total Session Duration', 'Unique Devices'], true),
    5,
  ),
  report('App Store Installation and Deletion Standard', 'APP_USAGE', 'installs', INSTALLS_STANDARD, 5),
  report(
    'App Store Installation and Deletion Detailed',
    'APP_USAGE',
    'installs',
    usage(['Event', 'Download Type'], ['Counts', 'Unique Devices'], true),
    5,
  ),
  report('App Crashes', 'APP_USAGE', 'generic', CRASHES, 5),
  report('App Clip Usage Standard', 'APP_USAGE', 'generic', GENERIC),
  report('App Clip Usage Detailed', 'APP_USAGE', 'generic', GENERIC),
  report('App Install Performance', 'PERFORMANCE', 'generic', GENERIC, 2, ['DAILY']),
  report('AirPlay Errors', 'PERFORMANCE', 'generic', AIRPLAY_ERRORS),
  report('AirPlay Performance', 'PERFORMANCE', 'generic', GENERIC),
  ...FRAMEWORK_USAGE_TITLES.map((name) => report(name, 'FRAMEWORK_USAGE', 'generic', GENERIC)),
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
