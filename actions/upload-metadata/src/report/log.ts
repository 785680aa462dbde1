/** The plan in the log, one line per change, and the outputs. */
import { setOutputs, type Logger } from '@asc-actions/core';
import type { StepResult } from '../apply/steps.js';
import { warningsOf } from '../model/findings.js';
import { changesOf, type Change, type Plan } from '../model/plan.js';
import { lengthOf, shown, where } from './display.js';
import { planDocument } from './plan-json.js';

export function logPlan(plan: Plan, logger: Logger): void {
  const t = plan.target;
  const changes = changesOf(plan);
  logger.info(
    `${t.appName || t.bundleId} (${t.appId}), ${t.platform} version ${t.versionString} [${t.versionState}]: ${changes.length} change(s).`,
  );
  for (const c of changes) {
    const length = lengthOf(c);
    logger.info(
      `  ${where(c)} ${c.label}: ${shown(c, 'before')} → ${shown(c, 'after')}${length ? ` (${length})` : ''}`,
    );
  }
}

/**
 * `changes`: planned in a dry run, applied otherwise (0 when checks refused the plan);
 * `planned-changes`: what the plan holds, whatever happened to it.
 */
export function writeOutputs(
  plan: Plan,
  dryRun: boolean,
  outcome?: { results: StepResult[]; notPersisted: Change[] },
): void {
  const doc = planDocument(plan, dryRun, outcome);
  const planned = changesOf(plan).length;
  const landed = outcome
    ? plan.steps
        .filter((s) => outcome.results.some((r) => r.stepId === s.id && r.status === 'applied'))
        .flatMap((s) => s.changes).length
    : dryRun
      ? planned
      : 0;
  setOutputs({
    plan: JSON.stringify(doc),
    changes: landed,
    'planned-changes': planned,
    'created-locales': plan.createdLocales.join(','),
    warnings: warningsOf(plan.findings).length,
  });
}
