/**
 * Every date of a run: from the cache when it has the report, from Apple otherwise. The first
 * date Apple is asked for goes alone (it settles the version with `auto`); the rest go a few at
 * a time. Outcomes come back in date order whatever order they finished in.
 */
import { fetchReport, type FetchContext, type Outcome } from './fetch-report.js';
import type { ReportCache } from './report-cache.js';

export const PARALLEL_DOWNLOADS = 4;

export interface FetchAllResult {
  outcomes: Outcome[];
  /** Reports (and days without sales) restored from the cache. */
  cacheHits: number;
  cacheSaves: number;
}

async function one(ctx: FetchContext, cache: ReportCache, date: string, counts: { hits: number; saves: number }): Promise<Outcome> {
  const cached = await cache.restore(date, ctx.version.current);
  if (cached) {
    counts.hits++;
    const file = cached.state === 'available' ? cache.reportFile(date) : undefined;
    return { date, state: cached.state, version: cached.version, source: 'cache', file };
  }
  const outcome = await fetchReport(ctx, date, cache.reportFile(date));
  if (outcome.state !== 'not-available-yet' && cache.enabled) {
    if (await cache.save(date, { state: outcome.state, version: outcome.version })) counts.saves++;
  }
  return outcome;
}

export async function fetchAll(ctx: FetchContext, cache: ReportCache, dates: string[]): Promise<FetchAllResult> {
  const outcomes: Outcome[] = new Array<Outcome>(dates.length);
  const counts = { hits: 0, saves: 0 };
  let next = 0;
  // The first date that is not cached goes alone, so a version switch happens once.
  while (next < dates.length) {
    const i = next++;
    outcomes[i] = await one(ctx, cache, dates[i]!, counts);
    if (outcomes[i]!.source === 'api') break;
  }
  // On a failure the other workers stop taking dates, and all are waited for before it is thrown.
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < dates.length) {
      const i = next++;
      try {
        outcomes[i] = await one(ctx, cache, dates[i]!, counts);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, dates.length - next) }, worker));
  const rejected = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return { outcomes, cacheHits: counts.hits, cacheSaves: counts.saves };
}
