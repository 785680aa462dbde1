/**
 * `since: last-run`: what a run remembers for the next one, as pure functions.
 *
 * The state is a mark (a review date) and the ids of reviews handled at or after it: every
 * review before the mark was handled, and so was every listed one. A review is handled when
 * this run decided it for good (answered, skipped, already answered, not matched); a review
 * deferred by max-replies or whose reply failed is not, so the mark never passes it and the
 * next run reads it again. The next run reads reviews from the mark on, minus the listed ids.
 */
import type { Review } from '../../model.js';

export interface ReviewState {
  version: 1;
  appId: string;
  /** createdDate of the mark as Apple wrote it, and as milliseconds. */
  mark?: string;
  markMs?: number;
  /** Reviews handled at or after the mark. */
  done: string[];
}

export interface Window {
  fromMs?: number;
  from?: string;
  done: ReadonlySet<string>;
}

/** Enough for months of nightly runs; beyond it the oldest ids are dropped (they are read, and found handled, again). */
export const MAX_DONE_IDS = 20_000;

export function windowOf(state: ReviewState | undefined): Window {
  return { fromMs: state?.markMs, from: state?.mark, done: new Set(state?.done ?? []) };
}

/**
 * The state after a run that read `read` (the window's reviews) and handled `handled`.
 * `capped`: reading stopped before the window's start, so unread reviews lie below the oldest
 * one read and the mark cannot move.
 */
export function nextState(
  appId: string,
  window: Window,
  read: readonly Review[],
  handled: ReadonlySet<string>,
  capped: boolean,
): ReviewState {
  const isDone = (r: Review): boolean => handled.has(r.id) || window.done.has(r.id);
  let markMs = window.fromMs;
  let mark = window.from;
  if (!capped) {
    for (const r of [...read].sort((a, b) => a.createdMs - b.createdMs)) {
      if (!isDone(r)) break;
      markMs = r.createdMs;
      mark = r.createdDate;
    }
  }
  const done = read
    .filter((r) => isDone(r) && (markMs === undefined || r.createdMs >= markMs))
    .sort((a, b) => b.createdMs - a.createdMs)
    .slice(0, MAX_DONE_IDS)
    .map((r) => r.id);
  return { version: 1, appId, ...(mark !== undefined && markMs !== undefined ? { mark, markMs } : {}), done };
}
