/**
 * Finds the build and, unless told not to (or in a dry run), waits until it is listed and
 * processed. Export compliance answered later restarts processing: `waitAgain` covers that.
 */
import { AscError, formatDuration as duration, type AscClient, type Clock, type Logger } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import { label, type BetaDetailInfo, type BuildInfo } from '../model.js';
import { describeQuery, lookUpBuild, lookUpBuildById, type BuildQuery } from './find-build.js';
import { waitUntilListed, waitUntilProcessed, waitUntilReadyForTesting, type WaitContext } from './wait.js';
import type { Timeline } from '../report/timeline.js';

/** How many unexpired builds the first lookup reads (newest first). */
const FIRST_LOOKUP_MAX = 1000;

export interface Located {
  /** Undefined in a dry run when the build is not listed yet. */
  build?: BuildInfo;
  detail?: BetaDetailInfo;
  query: BuildQuery;
}

export interface LocateDeps {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  timeline: Timeline;
}

export function waitContext(settings: Settings, deps: LocateDeps, startedAt: number): WaitContext {
  return {
    ...deps,
    deadline: startedAt + settings.processingTimeoutMs,
    timeoutText: duration(settings.processingTimeoutMs),
    listingGraceMs: settings.listingGraceMs,
    listingGraceText: duration(settings.listingGraceMs),
  };
}

export async function locateBuild(settings: Settings, appId: string, deps: LocateDeps): Promise<Located> {
  const query: BuildQuery = {
    appId,
    platform: settings.platform,
    buildId: settings.buildId,
    buildNumber: settings.buildNumber,
    version: settings.version,
  };
  const wait = settings.waitForProcessing && !settings.dryRun;
  const ctx = waitContext(settings, deps, deps.clock.now());
  let build = query.buildId
    ? await lookUpBuildById(deps.client, query)
    : await lookUpBuild(deps.client, query, FIRST_LOOKUP_MAX);
  if (!build && settings.dryRun) {
    deps.timeline.add('Find build', `${describeQuery(query)} is not listed yet (a dry run does not wait)`);
    return { query };
  }
  if (!build && !wait)
    throw new AscError(`${describeQuery(query)} is not listed in App Store Connect (wait-for-processing is false).`);
  if (!build) {
    deps.timeline.add('Wait', `${describeQuery(query)} is not listed yet; waiting up to ${ctx.timeoutText}`);
    build = await waitUntilListed(query, ctx);
  }
  deps.timeline.add(
    'Found',
    `build ${label(build)}, ${build.processingState}, uploaded ${build.uploadedDate ?? '?'} (id ${build.id})`,
  );
  if (!wait) {
    if (
      build.processingState === 'FAILED' ||
      build.processingState === 'INVALID' ||
      (build.processingState === 'PROCESSING' && !settings.dryRun)
    ) {
      throw new AscError(
        `Build ${label(build)} is ${build.processingState}${build.processingState === 'PROCESSING' ? ' and wait-for-processing is false' : ''}: it cannot be given to testers.`,
      );
    }
    return { build, query };
  }
  const processed = await waitUntilProcessed(appId, build, ctx);
  deps.timeline.add(
    'Processed',
    `build ${label(processed.build)} is ${processed.build.processingState}; TestFlight: internal ${processed.detail.internalBuildState ?? '?'}, external ${processed.detail.externalBuildState ?? '?'}`,
  );
  return { ...processed, query };
}

/**
 * After export compliance was answered: wait until the build's beta state leaves
 * MISSING_EXPORT_COMPLIANCE (fastlane's BuildWatcher waits on the same signal, not on
 * processingState: `pilot/lib/pilot/build_manager.rb` `set_export_compliance_if_needed`).
 */
export async function waitForComplianceAnswer(
  settings: Settings,
  build: BuildInfo,
  deps: LocateDeps,
): Promise<BetaDetailInfo> {
  const detail = await waitUntilReadyForTesting(build, waitContext(settings, deps, deps.clock.now()));
  deps.timeline.add(
    'Export compliance',
    `build ${label(build)} is ${detail.externalBuildState ?? '?'} after the answer`,
  );
  return detail;
}
