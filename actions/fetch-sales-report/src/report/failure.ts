/** Reports that are not there: a notice, or the failure when the workflow asked for one (`fail-if-missing`). */
import { annotate, AscError } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { Outcome } from '../model.js';
import { describeReport } from '../read/fetch-report.js';

/** A report the workflow asked to fail on (`fail-if-missing: true`). */
export class MissingReportError extends AscError {}

function missingText(outcomes: Outcome[], settings: Settings): string {
  return outcomes
    .filter((o) => o.state !== 'available')
    .map(
      (o) =>
        `${describeReport(settings, o.date)}: ${o.state === 'no-sales' ? 'no sales (Apple: "There were no sales for the date specified")' : 'not published yet'}`,
    )
    .join('; ');
}

/** Throws MissingReportError with `fail-if-missing`; otherwise one notice lists what is missing. */
export function reportMissing(outcomes: Outcome[], settings: Settings): void {
  const missing = missingText(outcomes, settings);
  if (missing && settings.failIfMissing)
    throw new MissingReportError(`Missing reports (fail-if-missing is true): ${missing}.`);
  if (missing) annotate('notice', missing);
}
