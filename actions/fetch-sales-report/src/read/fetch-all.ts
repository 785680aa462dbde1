/**
 * Every date of a run: from the cache when it has the report, from Apple otherwise. The cache
 * is read first: the range's set (report-set.ts: one restore for a whole range), then each date
 * the set lacks, several at a time (a warm rerun makes no request). Then the first date Apple
 * is asked for goes alone (it settles the version with `auto`) and the rest go a few at a time.
 * Outcomes come back in date order whatever order they finished in. A "no sales" answer is kept
 * only once it is final (plan/which-dates.ts `isFinal`); a younger one is asked again next run.
 */
import { mapLimited } from '@asc-actions/core';
import type { Outcome } from '../model.js';
import { datesToAsk, isFinal } from '../plan/which-dates.js';
import { fetchReport, type FetchContext } from './fetch-report.js';
import type { ReportCache } from './report-cache.js';
import type { ReportSet } from './report-set.js';

export const PARALLEL_DOWNLOADS = 4;
/** Cache restores at once. */
export const PARALLEL_RESTORES = 8;

export interface FetchAllResult {
  outcomes: Outcome[];
  /** Reports (and days without sales) restored from the cache. */
  cacheHits: number;
  cacheSaves: number;
}

async function restore(ctx: FetchContext, cache: ReportCache, date: string): Promise<Outcome | undefined> {
  const cached = await cache.restore(date, ctx.version.current);
  // An entry saved before this rule, for a period Apple may still be assembling: ask again.
  if (!cached || !isFinal(ctx.settings.period, date, cached.state, ctx.clock.now())) return undefined;
  const file = cached.state === 'available' ? cache.reportFile(date) : undefined;
  return { date, state: cached.state, version: cached.version, source: 'cache', file };
}

async function ask(ctx: FetchContext, cache: ReportCache, date: string, counts: { saves: number }): Promise<Outcome> {
  cache.freshDir(date);
  const outcome = await fetchReport(ctx, date, cache.reportFile(date));
  if (
    outcome.state !== 'not-available-yet' &&
    cache.enabled &&
    isFinal(ctx.settings.period, date, outcome.state, ctx.clock.now())
  ) {
    if (await cache.save(date, { state: outcome.state, version: outcome.version })) counts.saves++;
  }
  return outcome;
}

/** The dates a restored set holds whole (report-set.ts), as outcomes; the rest stay undefined. */
async function fromSet(ctx: FetchContext, set: ReportSet, dates: string[], outcomes: Outcome[]): Promise<void> {
  if (dates.length < 2 || !(await set.restore(dates))) return;
  dates.forEach((date, i) => {
    const cached = set.entry(date, ctx.version.current);
    if (!cached || !isFinal(ctx.settings.period, date, cached.state, ctx.clock.now())) return;
    const file = cached.state === 'available' ? set.reportFile(date) : undefined;
    outcomes[i] = { date, state: cached.state, version: cached.version, source: 'cache', file };
  });
}

export async function fetchAll(ctx: FetchContext, cache: ReportCache, dates: string[]): Promise<FetchAllResult> {
  const outcomes: Outcome[] = new Array<Outcome>(dates.length);
  const counts = { saves: 0 };
  const index = new Map(dates.map((d, i) => [d, i]));
  const set = cache.set();
  if (set) {
    await fromSet(ctx, set, dates, outcomes);
    await mapLimited(dates, PARALLEL_RESTORES, async (date, i) => {
      if (outcomes[i]) return;
      const hit = await restore(ctx, cache, date);
      if (hit) outcomes[i] = hit;
    });
  }
  const hits = outcomes.filter(Boolean).length;
  const { first, rest } = datesToAsk(dates, outcomes);
  if (first !== undefined) outcomes[index.get(first)!] = await ask(ctx, cache, first, counts);
  await mapLimited(rest, PARALLEL_DOWNLOADS, async (date) => {
    outcomes[index.get(date)!] = await ask(ctx, cache, date, counts);
  });
  const final = (o: Outcome): boolean =>
    o.state !== 'not-available-yet' && isFinal(ctx.settings.period, o.date, o.state, ctx.clock.now());
  if (set && (await set.save(outcomes, final))) counts.saves++;
  return { outcomes, cacheHits: hits, cacheSaves: counts.saves };
}
