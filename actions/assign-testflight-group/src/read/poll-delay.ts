/**
 * How long to wait before the next look at a build. Intervals grow (15 s, ×1.5, up to 60 s) and
 * stretch further when the key's hourly budget runs low: polling may spend at most a tenth of
 * what remains of the budget per hour, since every job using the key shares it. Never past the
 * deadline: the last look happens at it.
 */
export const FIRST_POLL_MS = 15_000;
export const MAX_POLL_MS = 60_000;
const GROWTH = 1.5;
/** Share of the remaining hourly budget that waiting may use per hour. */
export const POLL_BUDGET_SHARE = 0.1;
const HOUR_MS = 3_600_000;

export interface RateBudget {
  limit?: number;
  remaining?: number;
}

export function nextPollDelay(attempt: number, budget: RateBudget, msLeft: number): number {
  const grown = Math.min(MAX_POLL_MS, FIRST_POLL_MS * GROWTH ** attempt);
  const polls = budget.remaining === undefined ? Infinity : Math.max(1, budget.remaining * POLL_BUDGET_SHARE);
  const paced = HOUR_MS / polls;
  return Math.round(Math.max(0, Math.min(Math.max(grown, paced), msLeft)));
}
