/**
 * Rows of analytics report segments, generated deterministically from (app, report, date) so any
 * instance can be rebuilt at any time and two emulators agree byte for byte.
 *
 * One hidden funnel per (date, territory, source type, device) feeds every report, so the
 * reports agree with each other as Apple's do: impressions → product page views → first-time
 * downloads and redownloads (→ installs, sessions). Values Apple documents (report pages'
 * glossaries): Event "Impression", "Page view", "Tap"; Page Type "Product page", "Store sheet";
 * Source Type "App Store search", "App Store browse", "App referrer", "Web referrer",
 * "Unavailable"; Download Type "First-time download", "Redownload", "Manual update",
 * "Auto-update", "Restore"; Territory as two-letter codes; Date as YYYY-MM-DD.
 *
 * Late-arriving data (Apple, "Data Completeness and Corrections"): a daily instance carries its
 * processing date's previous days up to the report's completeness threshold, and a later
 * instance's numbers for a date are more complete (here: 90 % one day after, 97 % two days after,
 * all of it from three days on). Use the latest instance for a date; never add instances up.
 */
import type { CatalogReport } from './catalog.js';
export type { Cells, Funnel } from './row-types.js';
import type { Cells, Funnel } from './row-types.js';
import { unit } from './stable-random.js';
import { appClipRows, purchaseRows, typedRows, type RowContext } from './typed-rows.js';

export const TERRITORIES = [
  'US',
  'GB',
  'DE',
  'JP',
  'FR',
  'BR',
  'IN',
  'CA',
  'AU',
  'MX',
  'IT',
  'ES',
  'KR',
  'NL',
  'SE',
  'CH',
  'TR',
  'PL',
  'CN',
  'SG',
];
export const SOURCE_TYPES = ['App Store search', 'App Store browse', 'App referrer', 'Web referrer', 'Unavailable'];
const DEVICES = [
  ['iPhone', 'iOS 26.1'],
  ['iPad', 'iPadOS 26.1'],
] as const;
const TERRITORY_WEIGHT = [10, 4, 4, 5, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1];

export interface RowSpec {
  appId: string;
  appName: string;
  report: CatalogReport;
  /** The dates this instance carries (YYYY-MM-DD), in order. */
  dates: string[];
  /** The instance's processing date: how complete its numbers are. */
  processingDate: string;
  /** How many territories the funnel spans (default 8; at most 20); more makes bigger segments. */
  territories?: number;
  /** Multiplies every count (weekly and monthly instances sum several days). */
  days?: number;
}

const DAY = 86_400_000;
function completeness(date: string, processingDate: string): number {
  const lag = Math.round((Date.parse(processingDate) - Date.parse(date)) / DAY);
  return lag <= 1 ? 0.9 : lag === 2 ? 0.97 : 1;
}

function funnel(appId: string, date: string, t: number, source: string, device: string, scale: number): Funnel {
  const key = `${appId}|${date}|${TERRITORIES[t]}|${source}|${device}`;
  const impressions = Math.round(
    (40 + unit(`${key}|i`) * 260) * (TERRITORY_WEIGHT[t] ?? 1) * (device === 'iPad' ? 0.3 : 1) * scale,
  );
  const pageViews = Math.round(impressions * (0.08 + unit(`${key}|p`) * 0.22));
  const firstTime = Math.round(pageViews * (0.2 + unit(`${key}|d`) * 0.35));
  return { impressions, pageViews, firstTime, redownloads: Math.round(firstTime * (0.1 + unit(`${key}|r`) * 0.2)) };
}

function rowsOf(report: CatalogReport, f: Funnel, key: string, ctx: RowContext): Cells[] {
  switch (report.kind) {
    case 'engagement':
      return [
        {
          Event: 'Impression',
          'Page Type': 'Store sheet',
          Counts: f.impressions - f.pageViews,
          'Unique Counts': Math.round((f.impressions - f.pageViews) * 0.8),
        },
        {
          Event: 'Impression',
          'Page Type': 'Product page',
          Counts: f.pageViews,
          'Unique Counts': Math.round(f.pageViews * 0.85),
        },
        {
          Event: 'Page view',
          'Page Type': 'Product page',
          Counts: f.pageViews,
          'Unique Counts': Math.round(f.pageViews * 0.85),
        },
        {
          Event: 'Tap',
          'Page Type': 'Store sheet',
          'Engagement Type': 'Get',
          Counts: Math.round(f.pageViews * 0.4),
          'Unique Counts': Math.round(f.pageViews * 0.35),
        },
      ];
    case 'downloads':
      return [
        { 'Download Type': 'First-time download', Counts: f.firstTime },
        { 'Download Type': 'Redownload', Counts: f.redownloads },
        { 'Download Type': 'Auto-update', Counts: Math.round(f.firstTime * (2 + unit(`${key}|u`) * 3)) },
        { 'Download Type': 'Manual update', Counts: Math.round(f.firstTime * 0.3) },
        { 'Download Type': 'Restore', Counts: Math.round(f.redownloads * 0.2) },
      ];
    case 'installs':
      return [
        {
          Event: 'Install',
          'Download Type': 'First-time download',
          Counts: f.firstTime,
          'Unique Devices': f.firstTime,
        },
        {
          Event: 'Delete',
          'Download Type': 'First-time download',
          Counts: Math.round(f.firstTime * 0.15),
          'Unique Devices': Math.round(f.firstTime * 0.15),
        },
      ];
    case 'sessions': {
      const devices = Math.round(f.firstTime * 6 + f.redownloads * 3);
      const sessions = Math.round(devices * (2 + unit(`${key}|s`) * 2));
      return [
        {
          Sessions: sessions,
          'Total Session Duration': sessions * Math.round(60 + unit(`${key}|t`) * 240),
          'Unique Devices': devices,
        },
      ];
    }
    case 'purchases':
      return purchaseRows(f, key, ctx);
    case 'app-clip':
      return appClipRows(f, key, ctx);
    case 'typed':
      return typedRows(report, f, key);
    default:
      return [{ Counts: f.pageViews, Crashes: Math.round(f.firstTime * 0.02), 'Unique Devices': f.firstTime }];
  }
}

/** The header line and every data line of one segment, tab-separated, without newlines. */
export function* analyticsLines(spec: RowSpec): Generator<string> {
  const { report } = spec;
  yield report.columns.join('\t');
  // A report without a Territory (or Source Type) column has one row where others have one per
  // territory (or source): no two rows with the same dimensions.
  const covered = report.territories ?? TERRITORIES;
  const territories = report.columns.includes('Territory') ? Math.min(covered.length, spec.territories ?? 8) : 1;
  const sources = report.columns.includes('Source Type') ? SOURCE_TYPES : SOURCE_TYPES.slice(0, 1);
  for (const date of spec.dates) {
    const scale = completeness(date, spec.processingDate) * (spec.days ?? 1);
    for (let t = 0; t < territories; t++) {
      for (const [s, source] of sources.entries()) {
        for (const [device, platform] of DEVICES) {
          const key = `${spec.appId}|${date}|${t}|${source}|${device}`;
          const common: Cells = {
            Date: date,
            'App Name': spec.appName,
            'App Apple Identifier': spec.appId,
            'Source Type': source,
            Territory: covered[t]!,
            Device: device,
            'Platform Version': platform,
            Platform: platform,
            // The emulator's build of the OS named above and the app's version strings.
            Build: device === 'iPhone' ? '23B85' : '23B86',
            'App Version': '3.2',
            'Short Version': '3.2',
            'Pre-Order': '',
            'Source Info': source === 'Web referrer' ? 'example.com' : '',
            'Page Title': 'Default',
          };
          const ctx: RowContext = { appId: spec.appId, appName: spec.appName, date, source: s };
          for (const cells of rowsOf(report, funnel(spec.appId, date, t, source, device, scale), key, ctx)) {
            // Typed reports' own fields never replace what every report shares (App Name, App Version…).
            const row: Cells = report.kind === 'typed' ? { ...cells, ...common } : { ...common, ...cells };
            yield report.columns.map((c) => String(row[c] ?? '')).join('\t');
          }
        }
      }
    }
  }
}
