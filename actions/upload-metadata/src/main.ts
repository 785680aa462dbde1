import {
  actionsLogger,
  connect,
  maskToken,
  maskValue,
  runAction,
  systemClock,
  type ConnectDeps,
} from '@asc-actions/core';
import { applyPlan, localizationIdsOf } from './apply/apply-plan.js';
import { syncMedia, type MediaRun } from './apply/media/sync.js';
import { readSettings, pathTools } from './inputs.js';
import { currentVersion } from './plan/target.js';
import { findTargetApp } from './read/app-store.js';
import { readMedia } from './read/media/local.js';
import { readSource } from './read/source/read-source.js';
import { prepare } from './read/target.js';
import { failIfIncomplete } from './report/failure.js';
import { annotateWarnings, blockingCount, stopOnErrors, stopOnWarnings } from './report/findings.js';
import { logPlan, writeOutputs } from './report/log.js';
import { postPlanComment } from './report/pr-comment/post.js';
import { writeSummary } from './report/summary.js';

/** Wiring only: inputs → files → App Store Connect → plan → checks → apply or comment → report. */
export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction('upload-metadata', () => upload(deps), { requiredRole: 'App Manager' });
}

async function upload(deps: ConnectDeps): Promise<void> {
  const settings = readSettings();
  if (settings.githubToken) maskToken(settings.githubToken);
  const logger = deps.logger ?? actionsLogger();
  const source = readSource({ ...settings, ...pathTools(settings.workspace) });
  if (source.review.demo_password?.value) maskValue(source.review.demo_password.value);
  const media = await readMedia(settings, logger);
  const { client } = connect(settings.common, { ...deps, logger });
  const mediaRun: MediaRun = { client, logger, clock: deps.clock ?? systemClock, concurrency: deps.concurrency ?? 4 };
  const app = await findTargetApp(client, settings.app);
  const prepared = await prepare(client, app, source, settings);
  const plan = prepared.plan;
  logPlan(plan, logger);
  annotateWarnings(plan.findings);
  const blocking = blockingCount(plan.findings, settings.failOnWarnings);
  if (settings.dryRun || blocking > 0) {
    // A pull request sees the plan, and what stops it, before anything fails.
    writeOutputs(plan, settings.dryRun);
    await writeSummary({ plan, dryRun: settings.dryRun, refused: settings.dryRun ? 0 : blocking });
    await postPlanComment(plan, settings, logger);
    if (media && settings.media && settings.dryRun && blocking === 0) {
      const version = currentVersion(prepared.target.version);
      const known = version?.id ? localizationIdsOf(version, [], []) : {};
      await syncMedia(mediaRun, media, settings.media, version?.id || undefined, true, known);
    }
    stopOnErrors(plan.findings);
    stopOnWarnings(plan.findings, settings.failOnWarnings);
    return;
  }
  const outcome = await applyPlan(client, logger, prepared, source, settings);
  writeOutputs(outcome.plan, false, outcome);
  await writeSummary({
    plan: outcome.plan,
    dryRun: false,
    results: outcome.results,
    notPersisted: outcome.notPersisted,
  });
  const metadataOk = outcome.results.every((r) => r.status !== 'failed');
  if (media && settings.media && metadataOk) {
    const known = outcome.versionId ? outcome.localizationIds : {};
    await syncMedia(mediaRun, media, settings.media, outcome.versionId, false, known);
  }
  failIfIncomplete(outcome);
}
