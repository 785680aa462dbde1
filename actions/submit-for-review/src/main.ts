import {
  AscError,
  actionsLogger,
  connect,
  readCommonInputs,
  runAction,
  systemClock,
  type ConnectDeps,
  type Logger,
} from '@asc-actions/core';
import { ApplyError, apply } from './apply/apply.js';
import { readSettings } from './inputs.js';
import type { Plan, Settings } from './model.js';
import { plan } from './plan/plan.js';
import { chooseTarget } from './plan/target.js';
import { basicsOnly, readBasics, readDetails } from './read/read-state.js';
import { writeOutputs } from './report/outputs.js';
import { describeReadiness, describeStep } from './report/steps.js';
import { writeSummary, type SummaryContext } from './report/summary.js';

/** Submitting needs App Manager or Admin. */
export const REQUIRED_ROLE = 'App Manager';

function logPlan(logger: Logger, p: Plan, dryRun: boolean): void {
  logger.info(`Version ${p.version.versionString} (${p.version.state}); readiness:`);
  for (const item of p.readiness) logger.info(`  ${describeReadiness(item)}`);
  if (p.outcome === 'already') logger.info(`Already submitted (review submission ${p.submissionId}): nothing to do.`);
  else logger.info(`${dryRun ? 'Plan (dry run, nothing is sent)' : 'Plan'}: ${p.steps.map(describeStep).join('; ')}.`);
}

function notReadyError(p: Plan): AscError {
  const missing = p.readiness.filter((i) => !i.ok);
  return new AscError(
    `Version ${p.version.versionString} is not ready for App Review (${missing.length} item${missing.length === 1 ? '' : 's'}); nothing was changed:\n${missing.map((i) => `- ${i.item}: ${i.detail} → ${i.fix}`).join('\n')}`,
  );
}

/** Wiring: inputs → read → target → plan → (readiness) → apply unless dry-run → outputs and summary. */
export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction(
    'submit-for-review',
    async () => {
      const common = readCommonInputs();
      const clock = deps.clock ?? systemClock;
      const settings: Settings = readSettings(clock.now());
      const logger = deps.logger ?? actionsLogger();
      const { client } = connect(common, { ...deps, logger });
      const basics = await readBasics(client, settings);
      const target = chooseTarget(basics.versions, basics.submissions, settings);
      const state =
        target.kind === 'already'
          ? basicsOnly(basics)
          : await readDetails(client, basics, settings, target.kind === 'create' ? undefined : target.version);
      const planned = plan(state, target, settings);
      logPlan(logger, planned, common.dryRun);
      const base: SummaryContext = {
        appName: basics.app.name,
        versionString: planned.version.versionString,
        platform: settings.platform,
        dryRun: common.dryRun,
        state: planned.version.state,
        submissionId: planned.submissionId,
        buildId: planned.buildId,
        readiness: planned.readiness,
        steps: planned.steps,
        notes: [],
      };
      const result = {
        submissionId: planned.submissionId,
        state: planned.version.state,
        versionId: planned.version.id,
        versionString: planned.version.versionString,
        buildId: planned.buildId,
        readiness: planned.readiness,
      };
      if (planned.outcome === 'already') {
        const submission = basics.submissions.find((s) => s.id === planned.submissionId);
        writeOutputs({ ...result, state: submission?.state ?? planned.version.state });
        await writeSummary({
          ...base,
          state: submission?.state ?? planned.version.state,
          notes: ['Already submitted for this version and build: no request changed anything.'],
        });
        return;
      }
      if (planned.readiness.some((i) => !i.ok)) {
        writeOutputs(result);
        await writeSummary({ ...base, notes: ['Not ready: nothing was sent. Fix the items marked ❌ and run again.'] });
        throw notReadyError(planned);
      }
      if (common.dryRun) {
        writeOutputs(result);
        await writeSummary({
          ...base,
          notes: ['Dry run: this is what a run without dry-run would send. Approve the environment to submit.'],
        });
        return;
      }
      try {
        const applied = await apply(planned, settings, {
          client,
          clock,
          logger,
          appId: basics.app.id,
          platform: settings.platform,
        });
        const state = applied.state ?? 'UNKNOWN';
        logger.info(`Review submission ${applied.submissionId}: ${state}.`);
        writeOutputs({ ...result, submissionId: applied.submissionId, versionId: applied.versionId, state });
        await writeSummary({ ...base, submissionId: applied.submissionId, state, notes: [] });
      } catch (error) {
        if (error instanceof ApplyError)
          await writeSummary({
            ...base,
            applied: error.applied,
            notes: ['Stopped by an error (see the log); a rerun continues from the first step not applied.'],
          });
        throw error;
      }
    },
    { requiredRole: REQUIRED_ROLE },
  );
}
