/**
 * The conversion loop, counted from the rows as they are written: impressions → product page
 * views → downloads, per day, territory and source type, plus sessions, installs, deletions and
 * crashes when those reports are fetched. Definitions (stated in the summary too):
 * - impressions: Counts of rows with Event "Impression" (App Store Discovery and Engagement);
 * - product page views: Counts of rows with Event "Page view" on Page Type "Product page";
 * - downloads: Counts of rows with Download Type "First-time download" or "Redownload" (App
 *   Downloads); updates ("Manual update", "Auto-update") and "Restore" are not downloads;
 * - rates are ratios of those sums. "Unique Counts" are never summed (a device counted in two
 *   rows would count twice), so these rates use Counts and differ from App Store Connect's
 *   conversion rate, which divides by unique device impressions.
 */
import { normalName } from '../catalog.js';
import type { Header } from '../read/segment-file.js';

type RowCells = string[];

export interface Totals {
  impressions: number;
  productPageViews: number;
  downloads: number;
  firstTimeDownloads: number;
  redownloads: number;
  sessions: number;
  installs: number;
  deletions: number;
  crashes: number;
}

export const emptyTotals = (): Totals => ({
  impressions: 0,
  productPageViews: 0,
  downloads: 0,
  firstTimeDownloads: 0,
  redownloads: 0,
  sessions: 0,
  installs: 0,
  deletions: 0,
  crashes: 0,
});

type Kind = 'engagement' | 'downloads' | 'installs' | 'sessions' | 'crashes' | 'other';

/**
 * The report's own name or its Standard/Detailed one: other reports start with the same words
 * ("App Sessions Context" is a Framework Usage report; "App Crashes Expanded" a Performance one).
 */
const named = (n: string, base: string): boolean => n === base || n === `${base} standard` || n === `${base} detailed`;

export function kindOf(reportName: string): Kind {
  const n = normalName(reportName);
  if (named(n, 'app store discovery and engagement')) return 'engagement';
  if (named(n, 'app downloads')) return 'downloads';
  if (named(n, 'app store installation and deletion')) return 'installs';
  if (named(n, 'app sessions')) return 'sessions';
  if (named(n, 'app crashes')) return 'crashes';
  return 'other';
}

const NEEDS: Record<Kind, string[]> = {
  engagement: ['Event', 'Page Type', 'Counts'],
  downloads: ['Download Type', 'Counts'],
  installs: ['Event', 'Counts'],
  sessions: ['Sessions'],
  crashes: ['Crashes'],
  other: [],
};

type Keys = ReadonlyArray<keyof Totals>;
type MetricOf = (
  cells: string[],
  norm: (v: string) => string,
  event: number,
  page: number,
  type: number,
) => Keys | undefined;

const IMPRESSIONS: Keys = ['impressions'];
const PAGE_VIEWS: Keys = ['productPageViews'];
const FIRST_TIME: Keys = ['firstTimeDownloads', 'downloads'];
const REDOWNLOADS: Keys = ['redownloads', 'downloads'];
const INSTALLS: Keys = ['installs'];
const DELETIONS: Keys = ['deletions'];
const SESSIONS: Keys = ['sessions'];
const CRASHES: Keys = ['crashes'];

/** Which totals a row adds to, per report kind (the definitions above). */
const METRICS: Record<Exclude<Kind, 'other'>, MetricOf> = {
  engagement: (c, norm, event, page) => {
    const e = norm(c[event]!);
    if (e === 'impression') return IMPRESSIONS;
    return e === 'page view' && norm(c[page]!) === 'product page' ? PAGE_VIEWS : undefined;
  },
  downloads: (c, norm, _e, _p, type) => {
    const d = norm(c[type]!);
    return d === 'first-time download' ? FIRST_TIME : d === 'redownload' ? REDOWNLOADS : undefined;
  },
  installs: (c, norm, event) => {
    const e = norm(c[event]!);
    return e === 'install' ? INSTALLS : e === 'delete' ? DELETIONS : undefined;
  },
  sessions: () => SESSIONS,
  crashes: () => CRASHES,
};

const count = (text: string): number => {
  const n = Number(text);
  return Number.isFinite(n) ? n : 0;
};

export class Funnel {
  readonly byDate = new Map<string, Totals>();
  /** Date → territory → totals (so top lists can use the same dates as the funnel). */
  readonly byTerritory = new Map<string, Map<string, Totals>>();
  /** Date → source type → totals. */
  readonly bySource = new Map<string, Map<string, Totals>>();
  /** Report name → columns the summary needed and did not find. */
  readonly missing = new Map<string, string[]>();
  /** Dates each counted kind has rows for: the funnel's days are those all of them have. */
  readonly datesByKind = new Map<Kind, Set<string>>();
  /** The report each kind is counted from (Standard and Detailed of one report would count twice). */
  private readonly claimed = new Map<Kind, string>();

  private inner(map: Map<string, Map<string, Totals>>, date: string): Map<string, Totals> {
    let m = map.get(date);
    if (!m) map.set(date, (m = new Map<string, Totals>()));
    return m;
  }

  private bucket(map: Map<string, Totals>, key: string): Totals {
    let t = map.get(key);
    if (!t) map.set(key, (t = emptyTotals()));
    return t;
  }

  /** Dates every counted report has rows for, in order (a date only one report has would skew the rates). */
  commonDates(): string[] {
    const sets = [...this.datesByKind.values()];
    if (!sets.length) return [];
    return [...sets[0]!].filter((d) => sets.every((s) => s.has(d))).sort();
  }

  /** A row handler for one segment's header (or undefined when the report adds nothing). */
  bind(reportName: string, header: Header): ((date: string, cells: RowCells) => void) | undefined {
    const kind = kindOf(reportName);
    if ((this.claimed.get(kind) ?? reportName) !== reportName) return undefined;
    const lacking = NEEDS[kind].filter((c) => header.at(c) < 0);
    if (lacking.length) {
      const known = this.missing.get(reportName) ?? [];
      this.missing.set(reportName, [...new Set([...known, ...lacking])]);
      return undefined;
    }
    if (kind === 'other') return undefined;
    this.claimed.set(kind, reportName);
    const [event, page, counts, type, territory, source, sessions, crashes] = [
      'Event',
      'Page Type',
      'Counts',
      'Download Type',
      'Territory',
      'Source Type',
      'Sessions',
      'Crashes',
    ].map((c) => header.at(c));
    const dates = this.datesByKind.get(kind) ?? new Set<string>();
    this.datesByKind.set(kind, dates);
    // Cell values repeat (a handful of events and types): normalized once each.
    const normal = new Map<string, string>();
    const norm = (v: string): string => {
      let n = normal.get(v);
      if (n === undefined) normal.set(v, (n = v.trim().toLowerCase()));
      return n;
    };
    const metricOf = METRICS[kind];
    const amountAt = kind === 'sessions' ? sessions! : kind === 'crashes' ? crashes! : counts!;
    let lastDate = '';
    let day = emptyTotals();
    let territories = new Map<string, Totals>();
    let sources = new Map<string, Totals>();
    return (date, cells) => {
      const keys = metricOf(cells, norm, event!, page!, type!);
      if (!keys) return;
      const n = count(cells[amountAt]!);
      if (date !== lastDate) {
        lastDate = date;
        dates.add(date);
        day = this.bucket(this.byDate, date);
        territories = this.inner(this.byTerritory, date);
        sources = this.inner(this.bySource, date);
      }
      const t = territory! >= 0 ? this.bucket(territories, cells[territory!] || 'Unknown') : undefined;
      const src = source! >= 0 ? this.bucket(sources, cells[source!] || 'Unknown') : undefined;
      for (const k of keys) {
        day[k] += n;
        if (t) t[k] += n;
        if (src) src[k] += n;
      }
    };
  }
}
