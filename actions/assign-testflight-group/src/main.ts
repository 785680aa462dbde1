import { AscError, InputError, actionsLogger, connect, findApp, runAction, setOutputs, systemClock, type AscClient, type ConnectDeps } from '@asc-actions/core';
import { readSettings, type Settings } from './inputs.js';
import { locateBuild, type LocateDeps } from './locate.js';
import { readState, type AppInfo, type RemoteState } from './read.js';
import { makePlan, type Plan } from './plan.js';
import { describeStep, planLines } from './plan-text.js';
import { applyPlan, ApplyInterrupted } from './apply.js';
import { readBack } from './read-back.js';
import { outcomeOf, outputsOf, type Outcome } from './outcome.js';
import { writeSummary } from './summary.js';
import { Timeline } from './timeline.js';
import { label } from './build-model.js';

async function requireApp(client: AscClient, ref: string): Promise<AppInfo> {
  const found = await findApp(client, ref);
  if (!found) throw new InputError(`Input "app": no app with ${/^\d+$/.test(ref) ? 'Apple ID' : 'bundle ID'} ${JSON.stringify(ref)} is visible to this key.`, { input: 'app' });
  const a = found.attributes ?? {};
  return { id: found.id, name: a.name ?? found.id, bundleId: a.bundleId ?? '', primaryLocale: a.primaryLocale ?? 'en-US' };
}

/** Problems stop the run before its first write: all of them, in one message. */
function stopOnProblems(plan: Plan): void {
  if (plan.problems.length === 0) return;
  const text = plan.problems.map((p) => p.message).join('\n');
  const input = plan.problems.find((p) => p.input)?.input;
  throw plan.problems.every((p) => p.input) ? new InputError(text, { input }) : new AscError(`Nothing was changed. ${text}`);
}

async function report(outcome: Outcome, timeline: Timeline): Promise<void> {
  setOutputs(outputsOf(outcome));
  await writeSummary(outcome, timeline);
}

/** Applies the plan, reads back, reports; a failure mid-way says what was and was not applied. */
async function applyAndReport(plan: Plan, state: RemoteState, settings: Settings, deps: LocateDeps & { app: AppInfo }): Promise<void> {
  const { app, timeline, logger } = deps;
  try {
    const applied = await applyPlan(plan, state, { ...deps, settings, appId: app.id });
    const back = await readBack(applied.apply, settings, app.id, plan);
    if (back.mismatches.length > 0) throw new AscError(`App Store Connect accepted the changes but reading back shows: ${back.mismatches.join('; ')}. Run again to converge.`);
    timeline.add('Done', `${applied.done.length} change(s) to build ${label(applied.build)}; beta review ${back.reviewState ?? 'not submitted'}`);
    const facts = { dryRun: false, app, plan, build: applied.build, detail: applied.detail, done: applied.done, groupIds: applied.apply.groupIds, reviewState: back.reviewState };
    await report(outcomeOf(facts), timeline);
  } catch (error) {
    if (!(error instanceof ApplyInterrupted)) throw error;
    const done = error.done.map(describeStep);
    const notDone = error.notDone.map(describeStep);
    logger.warning(`Stopped while trying to ${describeStep(error.failed)}. Applied: ${done.length ? done.join('; ') : 'nothing'}. Not applied: ${notDone.join('; ')}. A rerun reads what exists and does only what is missing.`);
    const outcome = outcomeOf({ dryRun: false, app, plan, build: state.build, done: error.done, groupIds: new Map() });
    await writeSummary(outcome, timeline, { message: error.cause instanceof Error ? error.cause.message : String(error.cause), notDone });
    throw error.cause;
  }
}

/** Wiring only: inputs → find and wait for the build → read → plan → apply → read back → outputs and summary. */
export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction(
    'assign-testflight-group',
    async () => {
      const settings = readSettings();
      const clock = deps.clock ?? systemClock;
      const logger = deps.logger ?? actionsLogger();
      const { client } = connect(settings.common, { ...deps, logger });
      const timeline = new Timeline(clock, logger);
      const app = await requireApp(client, settings.app);
      const locateDeps: LocateDeps = { client, clock, logger, timeline };
      const located = await locateBuild(settings, app.id, locateDeps);
      const state = await readState(client, settings, app, located.build, located.detail);
      const plan = makePlan(settings, state);
      for (const w of plan.warnings) logger.warning(w);
      stopOnProblems(plan);
      const lines = planLines(plan);
      logger.info(lines.length ? `Plan (${plan.steps.length} steps):\n${lines.map((l) => `  - ${l}`).join('\n')}` : 'Plan: nothing to change.');
      if (settings.dryRun || !located.build) {
        await report(outcomeOf({ dryRun: true, app, plan, build: located.build, detail: located.detail, done: [], groupIds: new Map() }), timeline);
        return;
      }
      await applyAndReport(plan, state, settings, { ...locateDeps, app });
    },
    { requiredRole: 'App Manager' },
  );
}
