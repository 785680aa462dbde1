import { AscError, type Logger } from '@asc-actions/core';
import type { ApplyResult } from '../apply/apply.js';
import type { Counts } from './entries.js';

/** Fails the step when a reply was stopped, failed or not confirmed (after the outputs and summary are written). */
export function failIfIncomplete(applied: ApplyResult, counts: Counts, logger: Logger): void {
  const { stopped } = applied;
  if (stopped !== undefined) {
    logger.warning(
      `Stopped after ${counts.replied} of ${counts.planned} replies; the others were not sent (see the job summary).`,
    );
    // What the client threw (auth, permission, rate limit) is the run's failure, as it came.
    throw stopped instanceof Error ? stopped : new Error(String(stopped));
  }
  if (counts.failed > 0)
    throw new AscError(
      `${counts.failed} of ${counts.planned} replies failed or could not be confirmed (see the job summary); the next run checks them again.`,
    );
}
