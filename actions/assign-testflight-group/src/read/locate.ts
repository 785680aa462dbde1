/**
 * Finds the build and, unless told not to (or in a dry run), waits until it is listed and
 * processed. Export compliance answered later restarts processing: `waitAgain` covers that.
 */
import { AscError, type AscClient, type Clock, type Logger } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import { label, type BetaDetailInfo, type BuildInfo } from '../model.js';
import { describeQuery, lookUpBuild, type BuildQuery } from './find-build.js';
import { waitUntilListed, waitUntilProcessed, type WaitContext } from './wait.js';
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

function duration(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

export function waitContext(settings: Settings, deps: LocateDeps, startedAt: number): WaitContext {
  return { ...deps, deadline: startedAt + settings.processingTimeoutMs, timeoutText: duration(settings.processingTimeoutMs) };
}

export async function locateBuild(settings: Settings, appId: string, deps: LocateDeps): Promise<Located> {
  const query: BuildQuery = { appId, platform: settings.platform, buildNumber: settings.buildNumber, version: settings.version };
  const wait = settings.waitForProcessing && !settings.dryRun;
  const ctx = waitContext(settings, deps, deps.clock.now());
  let build = await lookUpBuild(deps.client, query, FIRST_LOOKUP_MAX);
  if (!build && settings.dryRun) {
    deps.timeline.add('Find build', `${describeQuery(query)} is not listed yet (a dry run does not wait)`);
    return { query };
  }
  if (!build && !wait) throw new AscError(`${describeQuery(query)} is not listed in App Store Connect (wait-for-processing is false).`);
  if (!build) {
    deps.timeline.add('Wait', `${describeQuery(query)} is not listed yet; waiting up to ${ctx.timeoutText}`);
    build = await waitUntilListed(query, ctx);
  }
  deps.timeline.add('Found', `build ${label(build)}, ${build.processingState}, uploaded ${build.uploadedDate ?? '?'} (id ${build.id})`);
  if (!wait) {
    if (build.processingState === 'FAILED' || build.processingState === 'INVALID' || (build.processingState === 'PROCESSING' && !settings.dryRun)) {
      throw new AscError(`Build ${label(build)} is ${build.processingState}${build.processingState === 'PROCESSING' ? ' and wait-for-processing is false' : ''}: it cannot be given to testers.`);
    }
    return { build, query };
  }
  const processed = await waitUntilProcessed(appId, build, ctx);
  deps.timeline.add('Processed', `build ${label(processed.build)} is ${processed.build.processingState}; TestFlight: internal ${processed.detail.internalBuildState ?? '?'}, external ${processed.detail.externalBuildState ?? '?'}`);
  return { ...processed, query };
}

/** After export compliance was answered: Apple processes the build again. */
export async function waitAgain(settings: Settings, appId: string, build: BuildInfo, deps: LocateDeps): Promise<{ build: BuildInfo; detail: BetaDetailInfo }> {
  const again = await waitUntilProcessed(appId, { ...build, processingState: 'PROCESSING' }, waitContext(settings, deps, deps.clock.now()));
  deps.timeline.add('Processed again', `build ${label(again.build)} is ${again.build.processingState} after the export compliance answer`);
  return again;
}
