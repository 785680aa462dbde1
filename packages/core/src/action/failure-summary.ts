/**
 * The job summary of a failed run, written by runAction for every action: what was done (the
 * writes App Store Connect accepted), what was not, the error and the fix.
 */
import { summary } from '@actions/core';
import type { Journal } from './journal.js';
import { escapeHtml } from './markdown.js';
import { writeSummaryIfPossible } from './summary-file.js';

export interface FailureReport {
  name: string;
  message: string;
  hint?: string;
  journal: Journal;
}

function doneHtml(journal: Journal): string {
  if (journal.writes.length === 0) return '<p><strong>Done:</strong> nothing was changed in App Store Connect.</p>';
  const more = journal.more > 0 ? `<li>… and ${journal.more} more</li>` : '';
  const items = journal.writes.map((w) => `<li><code>${escapeHtml(w)}</code></li>`).join('');
  return `<p><strong>Done:</strong> ${journal.writes.length + journal.more} change(s) were accepted before the failure:</p><ul>${items}${more}</ul>`;
}

export async function writeFailureSummary(report: FailureReport): Promise<void> {
  summary.emptyBuffer();
  summary.addHeading(`${escapeHtml(report.name)} failed`, 3);
  summary.addRaw(doneHtml(report.journal), true);
  summary.addRaw(
    '<p><strong>Not done:</strong> everything after the failure. Fix the cause and run the job again: ' +
      'a rerun reads the current state first, so it picks up where this one stopped.</p>',
    true,
  );
  summary.addRaw(`<p><strong>Error:</strong> ${escapeHtml(report.message)}</p>`, true);
  if (report.hint) summary.addRaw(`<p><strong>Fix:</strong> ${escapeHtml(report.hint)}</p>`, true);
  await writeSummaryIfPossible();
}
