/**
 * Applies the plan, reads back, reports; a failure mid-way says (in the log and the summary) what
 * was and was not applied, then rethrows its cause.
 */
import { AscError, type Logger } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { Plan } from '../plan/plan.js';
import type { AppInfo, RemoteState } from '../read/state.js';
import type { LocateDeps } from '../read/locate.js';
import { describeStep } from '../plan/plan-text.js';
import { label } from '../model.js';
import { outcomeOf } from '../report/outcome.js';
import { report, writeSummary } from '../report/summary.js';
import { applyPlan, ApplyInterrupted } from './apply.js';
import { readBack } from './read-back.js';

function reportInterruption(error: ApplyInterrupted, logger: Logger): { done: string[]; notDone: string[] } {
  const done = error.done.map(describeStep);
  const notDone = error.notDone.map(describeStep);
  logger.warning(
    `Stopped while trying to ${describeStep(error.failed)}. Applied: ${done.length ? done.join('; ') : 'nothing'}. Not applied: ${notDone.join('; ')}. A rerun reads what exists and does only what is missing.`,
  );
  return { done, notDone };
}

export async function applyAndReport(
  plan: Plan,
  state: RemoteState,
  settings: Settings,
  deps: LocateDeps & { app: AppInfo },
): Promise<void> {
  const { app, timeline, logger } = deps;
  try {
    const applied = await applyPlan(plan, state, { ...deps, settings, appId: app.id });
    const back = await readBack(applied.apply, settings, app.id, plan);
    if (back.mismatches.length > 0)
      throw new AscError(
        `App Store Connect accepted the changes but reading back shows: ${back.mismatches.join('; ')}. Run again to converge.`,
      );
    timeline.add(
      'Done',
      `${applied.done.length} change(s) to build ${label(applied.build)}; beta review ${back.reviewState ?? 'not submitted'}`,
    );
    const facts = {
      dryRun: false,
      app,
      plan,
      build: applied.build,
      detail: applied.detail,
      done: applied.done,
      groupIds: applied.apply.groupIds,
      reviewState: back.reviewState,
    };
    await report(outcomeOf(facts), timeline);
  } catch (error) {
    if (!(error instanceof ApplyInterrupted)) throw error;
    const { notDone } = reportInterruption(error, logger);
    const outcome = outcomeOf({ dryRun: false, app, plan, build: state.build, done: error.done, groupIds: new Map() });
    await writeSummary(outcome, timeline, {
      message: error.cause instanceof Error ? error.cause.message : String(error.cause),
      notDone,
    });
    throw error.cause;
  }
}
