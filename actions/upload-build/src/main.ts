/**
 * Wiring only: inputs → the file (Info.plist from the .ipa) → the app and what App Store Connect
 * already has → plan → upload (create, reserve, parts, commit) and wait → outputs and summary.
 * Every input and the file are checked before the first write.
 */
import { actionsLogger, connect, runAction, systemClock, type ConnectDeps } from '@asc-actions/core';
import { readSettings } from './inputs.js';
import type { Outcome, Target } from './model.js';
import { buildKind, checkBuildSize, locateBuildFile } from './read/build-file.js';
import { readIpaInfo } from './read/ipa.js';
import { readExisting, requireApp } from './read/remote.js';
import { checkAppBundle, platformOf, resolveWanted } from './plan/target.js';
import { makePlan } from './plan/plan.js';
import { describePlan } from './plan/describe.js';
import { deleteAbandoned } from './apply/reserve.js';
import { transfer } from './apply/transfer.js';
import { waitForUpload } from './apply/wait.js';
import { finish } from './report/finish.js';

export interface RunDeps extends ConnectDeps {
  /** Parts in flight (default 4). */
  partConcurrency?: number;
}

export async function run(deps: RunDeps = {}): Promise<void> {
  await runAction(
    'upload-build',
    async () => {
      const settings = readSettings();
      const clock = deps.clock ?? systemClock;
      const logger = deps.logger ?? actionsLogger();
      const kind = buildKind(settings.file);
      const platform = platformOf(settings, { kind, shown: settings.file });
      const file = locateBuildFile(settings.file, kind);
      checkBuildSize(file, platform);
      const info = file.kind === 'ipa' ? await readIpaInfo(file) : undefined;
      const wanted = resolveWanted(settings, file, info, platform);
      const { client } = connect(settings.common, { ...deps, logger });
      const app = await requireApp(client, wanted.app, wanted.appFromFile);
      checkAppBundle(wanted, app.bundleId, app.name);
      const target: Target = {
        app,
        platform: wanted.platform,
        version: wanted.version,
        buildNumber: wanted.buildNumber,
      };
      const plan = makePlan(target, await readExisting(client, app.id, target.platform, target.buildNumber));
      const planText = describePlan(plan, file);
      logger.info(planText);
      const outcome: Outcome = {
        target,
        file,
        state: 'already-uploaded',
        dryRun: settings.dryRun,
        plan: planText,
        sent: 0,
        parts: 0,
        warnings: [],
        timings: [],
      };
      const step = plan.step;
      if (settings.dryRun) {
        if (step.kind === 'upload') outcome.state = 'would-upload';
        Object.assign(outcome, {
          uploadId: step.kind === 'adopt' ? step.upload?.id : undefined,
          buildId: step.kind === 'adopt' ? step.build?.id : undefined,
        });
        return finish(outcome, undefined, settings.processingTimeoutMs);
      }
      const waitDeps = { client, clock, logger };
      if (step.kind === 'adopt') {
        outcome.uploadId = step.upload?.id;
        outcome.buildId = step.build?.id;
        const pending = step.upload && step.upload.state !== 'COMPLETE' ? step.upload : undefined;
        const waited = pending
          ? await waitForUpload(waitDeps, pending.id, target, settings.wait, settings.processingTimeoutMs)
          : undefined;
        outcome.buildId = waited?.timedOut ? undefined : (waited?.buildId ?? outcome.buildId);
        return finish(outcome, waited, settings.processingTimeoutMs);
      }
      await deleteAbandoned({ client, logger }, step.abandoned);
      const sent = await transfer({ client, logger, partConcurrency: deps.partConcurrency ?? 4, clock }, target, file);
      Object.assign(outcome, {
        uploadId: sent.uploadId,
        sent: file.size,
        parts: sent.parts,
        md5: sent.md5,
        state: 'uploaded',
      });
      const t = clock.now();
      const waited = await waitForUpload(waitDeps, sent.uploadId, target, settings.wait, settings.processingTimeoutMs);
      if (waited?.buildId) Object.assign(outcome, { buildId: waited.buildId, state: 'processed' });
      outcome.timings = [
        { phase: 'reserve', ms: sent.ms.reserve },
        { phase: 'send parts', ms: sent.ms.parts },
        { phase: 'commit', ms: sent.ms.commit },
        { phase: 'processing', ms: clock.now() - t },
      ];
      return finish(outcome, waited, settings.processingTimeoutMs);
    },
    { requiredRole: 'App Manager or Developer' },
  );
}
