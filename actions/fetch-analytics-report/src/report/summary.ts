/**
 * The machine-readable summary (the `summary` output, what a Slack step posts) — the same facts
 * the job summary shows: per day impressions → product page views → downloads with the rates,
 * the top territories and source types, and the change against the previous period.
 */
import type { ReportOutcome, State } from '../model.js';
import { emptyTotals, type Funnel, type Totals } from './funnel.js';

export const DEFINITIONS = {
  impressions: 'Sum of Counts where Event is "Impression" (App Store Discovery and Engagement report).',
  productPageViews: 'Sum of Counts where Event is "Page view" and Page Type is "Product page".',
  downloads:
    'Sum of Counts where Download Type is "First-time download" or "Redownload" (App Downloads report); updates and restores are not downloads.',
  pageViewRate: 'Product page views ÷ impressions.',
  downloadRate: 'Downloads ÷ product page views.',
  conversionRate:
    "Downloads ÷ impressions. Counts, not Unique Counts (which cannot be summed across rows), so it differs from App Store Connect's conversion rate (per unique device impression).",
  newestInstanceWins:
    "For a Date present in several instances, only the newest instance's rows count (Apple: use the latest instance, don't merge).",
};

const rate = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const pct = (now: number, before: number): number | null =>
  before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null;

export type Row = Totals & { pageViewRate: number | null; downloadRate: number | null; conversionRate: number | null };
const withRates = (t: Totals): Row => ({
  ...t,
  pageViewRate: rate(t.productPageViews, t.impressions),
  downloadRate: rate(t.downloads, t.productPageViews),
  conversionRate: rate(t.downloads, t.impressions),
});

function sum(list: Totals[]): Totals {
  const out = emptyTotals();
  for (const t of list) for (const k of Object.keys(out) as Array<keyof Totals>) out[k] += t[k];
  return out;
}

function top(
  byDate: Map<string, Map<string, Totals>>,
  dates: string[],
  key: 'territory' | 'sourceType',
): Array<Row & Record<typeof key, string>> {
  const map = new Map<string, Totals>();
  for (const d of dates)
    for (const [name, t] of byDate.get(d) ?? []) map.set(name, sum([map.get(name) ?? emptyTotals(), t]));
  return [...map]
    .sort(([a, x], [b, y]) => y.downloads - x.downloads || y.impressions - x.impressions || (a < b ? -1 : 1))
    .slice(0, 5)
    .map(([name, t]) => ({ [key]: name, ...withRates(t) }) as Row & Record<typeof key, string>);
}

export interface Period {
  from: string;
  to: string;
  totals: Row;
}

export interface Summary {
  state: State;
  app: string;
  granularity: string;
  reports: Array<{
    name: string;
    state: string;
    instances: number;
    rows: number;
    dates: { from: string; to: string } | null;
    downloaded: number;
    fromCache: number;
    missingColumns: string[];
  }>;
  days: Array<Row & { date: string }>;
  totals: Row;
  topTerritories: Array<Row & { territory: string }>;
  topSourceTypes: Array<Row & { sourceType: string }>;
  change: {
    current: Period;
    previous: Period;
    impressions: number | null;
    productPageViews: number | null;
    downloads: number | null;
    conversionRate: number | null;
  } | null;
  definitions: typeof DEFINITIONS;
  notes: string[];
}

function change(days: Array<Row & { date: string }>): Summary['change'] {
  const n = Math.min(7, Math.floor(days.length / 2));
  if (n < 1) return null;
  const cur = days.slice(-n);
  const prev = days.slice(-2 * n, -n);
  const period = (list: typeof days): Period => ({
    from: list[0]!.date,
    to: list.at(-1)!.date,
    totals: withRates(sum(list)),
  });
  const c = period(cur);
  const p = period(prev);
  const cr =
    c.totals.conversionRate !== null && p.totals.conversionRate !== null
      ? pct(c.totals.conversionRate, p.totals.conversionRate)
      : null;
  return {
    current: c,
    previous: p,
    impressions: pct(c.totals.impressions, p.totals.impressions),
    productPageViews: pct(c.totals.productPageViews, p.totals.productPageViews),
    downloads: pct(c.totals.downloads, p.totals.downloads),
    conversionRate: cr,
  };
}

export function buildSummary(
  state: State,
  app: string,
  granularity: string,
  outcomes: ReportOutcome[],
  funnel: Funnel,
  givenNotes: string[],
): Summary {
  let notes = givenNotes;
  const common = funnel.commonDates();
  const days = common.map((date) => ({ date, ...withRates(funnel.byDate.get(date)!) }));
  const partial = funnel.byDate.size - common.length;
  if (partial > 0)
    notes = [
      ...notes,
      `${partial} date(s) that only some of the reports have yet (late-arriving data) are left out of the funnel and its totals; their rows are in the files.`,
    ];
  return {
    state,
    app,
    granularity,
    reports: outcomes.map((o) => {
      const dates = [...o.winners.keys()];
      return {
        name: o.report.name,
        state: o.state,
        instances: o.instances.length,
        rows: o.rows,
        dates: dates.length ? { from: dates[0]!, to: dates.at(-1)! } : null,
        downloaded: o.downloaded,
        fromCache: o.fromCache,
        missingColumns: funnel.missing.get(o.report.name) ?? [],
      };
    }),
    days,
    totals: withRates(sum(common.map((d) => funnel.byDate.get(d)!))),
    topTerritories: top(funnel.byTerritory, common, 'territory'),
    topSourceTypes: top(funnel.bySource, common, 'sourceType'),
    change: change(days),
    definitions: DEFINITIONS,
    notes,
  };
}
