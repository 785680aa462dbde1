/**
 * Pure: which report dates the cache answers and which are asked of Apple, in what order. A
 * cached "no sales" is trusted only once it is final (periods.ts `noSalesIsFinal`); the first
 * date asked of Apple goes alone, so that with `version: auto` a version switch happens once.
 */
import type { CachedState, Period } from '../model.js';
import { noSalesIsFinal } from './periods.js';

/** Whether a cached (or just fetched) state may be kept as it is. */
export const isFinal = (period: Period, date: string, state: CachedState['state'], nowMs: number): boolean =>
  state !== 'no-sales' || noSalesIsFinal(period, date, nowMs);

/** The dates the cache did not answer (`found[i]` undefined), split into the one asked first and the rest. */
export function datesToAsk(dates: readonly string[], found: readonly unknown[]): { first?: string; rest: string[] } {
  const [first, ...rest] = dates.filter((_, i) => !found[i]);
  return { first, rest };
}
