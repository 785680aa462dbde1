import { actionsLogger, connect, runAction, systemClock, type ConnectDeps } from '@asc-actions/core';
import { readSettings } from './inputs.js';
import { requireApp } from './read/app.js';
import { locateBuild, type LocateDeps } from './read/locate.js';
import { readState } from './read/state.js';
import { makePlan } from './plan/plan.js';
import { stopOnProblems } from './plan/problems.js';
import { planLines } from './plan/plan-text.js';
import { applyAndReport } from './apply/run-plan.js';
import { outcomeOf } from './report/outcome.js';
import { report } from './report/summary.js';
import { Timeline } from './report/timeline.js';

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
      logger.info(
        lines.length
          ? `Plan (${plan.steps.length} steps):\n${lines.map((l) => `  - ${l}`).join('\n')}`
          : 'Plan: nothing to change.',
      );
      if (settings.dryRun || !located.build) {
        await report(
          outcomeOf({
            dryRun: true,
            app,
            plan,
            build: located.build,
            detail: located.detail,
            done: [],
            groupIds: new Map(),
          }),
          timeline,
        );
        return;
      }
      await applyAndReport(plan, state, settings, { ...locateDeps, app });
    },
    { requiredRole: 'App Manager' },
  );
}
