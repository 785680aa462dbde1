import type { Counts } from './entries.js';

/** The summary's notes: what waits for a later run, and why. */
export function notes(counts: Counts, maxReplies: number, capped: boolean): string[] {
  const out: string[] = [];
  if (counts.deferred > 0)
    out.push(`${counts.deferred} matched review(s) wait for a later run: max-replies is ${maxReplies}.`);
  if (counts.failed > 0)
    out.push(
      `${counts.failed} reply(ies) were not sent or not confirmed; the next run checks those reviews again before answering.`,
    );
  if (capped) out.push('Reading stopped at the page cap; older reviews are left for a later run.');
  return out;
}
