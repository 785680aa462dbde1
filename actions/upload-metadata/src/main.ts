import {
  actionsLogger,
  annotate,
  AscError,
  connect,
  maskToken,
  maskValue,
  runAction,
  systemClock,
  type ConnectDeps,
  type Logger,
} from '@asc-actions/core';
import { errorsOf, warningsOf } from './model/findings.js';
import { pathTools, readSettings, type Settings } from './inputs.js';
import { commentBody } from './report/markdown.js';
import { annotateWarnings, stopOnErrors, stopOnWarnings } from './report/findings.js';
import { logPlan, writeOutputs } from './report/log.js';
import { writeSummary } from './report/summary.js';
import { pullRequestContext } from './report/pr-comment/context.js';
import { commentMarker, upsertComment } from './report/pr-comment/comment.js';
import { findTargetApp } from './read/app-store.js';
import { execute, localizationIdsOf, type Outcome } from './apply/apply-plan.js';
import { prepare } from './read/target.js';
import type { Plan } from './model/plan.js';
import { readSource } from './read/source/read-source.js';
import { readLocalMedia } from './read/media/local.js';
import type { LocalMedia } from './model/media.js';
import { syncMedia, type MediaRun } from './apply/media/sync.js';
import { currentVersion } from './plan/target.js';

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
  const blocked =
    errorsOf(plan.findings).length > 0 || (settings.failOnWarnings && plan.findings.some((f) => f.level === 'warning'));
  if (settings.dryRun || blocked) {
    // A pull request sees the plan, and what stops it, before anything fails.
    const problems = errorsOf(plan.findings).length || (settings.failOnWarnings ? warningsOf(plan.findings).length : 0);
    await reportPlan(plan, settings, logger, blocked && !settings.dryRun ? problems : 0);
    if (media && settings.media && settings.dryRun && !blocked) {
      const version = currentVersion(prepared.target.version);
      await syncMedia(
        mediaRun,
        media,
        settings.media,
        version?.id || undefined,
        true,
        version?.id ? localizationIdsOf(version, [], []) : {},
      );
    }
    stopOnErrors(plan.findings);
    stopOnWarnings(plan.findings, settings.failOnWarnings);
    return;
  }
  const outcome = await execute(client, logger, prepared, source, settings);
  writeOutputs(outcome.plan, false, outcome);
  await writeSummary({
    plan: outcome.plan,
    dryRun: false,
    results: outcome.results,
    notPersisted: outcome.notPersisted,
  });
  const metadataOk = outcome.results.every((r) => r.status !== 'failed');
  if (media && settings.media && metadataOk)
    await syncMedia(
      mediaRun,
      media,
      settings.media,
      outcome.versionId,
      false,
      outcome.versionId ? outcome.localizationIds : {},
    );
  failIfIncomplete(outcome);
}

/** Screenshots and previews are read, hashed and validated before anything is written. */
async function readMedia(settings: Settings, logger: Logger): Promise<LocalMedia | undefined> {
  if (!settings.media) return undefined;
  const { media, skipped } = await readLocalMedia({
    ...settings.media,
    locales: settings.locales,
    display: pathTools(settings.workspace).display,
  });
  for (const s of skipped) logger.warning(s);
  return media;
}

async function reportPlan(plan: Plan, settings: Settings, logger: Logger, refused: number): Promise<void> {
  writeOutputs(plan, settings.dryRun);
  await writeSummary({ plan, dryRun: settings.dryRun, refused });
  const pr = pullRequestContext(process.env);
  if (!pr || !settings.dryRun) return;
  if (!settings.githubToken) {
    annotate(
      'notice',
      'The plan was not posted to the pull request: set "github-token" (e.g. ${{ github.token }}) to get it as a comment.',
    );
    return;
  }
  const marker = commentMarker(plan.target.appId, plan.target.platform);
  const outcome = await upsertComment(settings.githubToken, pr, marker, commentBody(plan, marker, pr), {
    logger,
    notice: (m) => annotate('notice', m),
  });
  logger.info(`Pull request #${pr.number} comment: ${outcome}.`);
}

function failIfIncomplete(outcome: Outcome): void {
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
