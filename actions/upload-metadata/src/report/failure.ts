/** The failure text of a run that applied only part of its plan: what was applied, what was not, and why. */
import { AscError } from '@asc-actions/core';
import type { Outcome } from '../apply/apply-plan.js';

export function failIfIncomplete(outcome: Outcome): void {
  const failed = outcome.results.filter((r) => r.status === 'failed');
  const lost = outcome.notPersisted;
  if (failed.length === 0 && lost.length === 0) return;
  const applied = outcome.results.length - failed.length;
  const parts = [`${applied} of ${outcome.results.length} steps applied`];
  if (failed.length) parts.push(`not applied: ${failed.map((r) => `${r.stepId} — ${r.error ?? 'failed'}`).join('; ')}`);
  if (lost.length)
    parts.push(`written but read back different: ${lost.map((c) => `${c.locale ?? ''} ${c.label}`.trim()).join(', ')}`);
  throw new AscError(`${parts.join('. ')}. Rerun to apply what is missing: finished steps are not repeated.`);
}
