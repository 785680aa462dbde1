/**
 * The wait for a build, in two bounded phases under one deadline: until it is listed, then until
 * its processing ends. FAILED/INVALID ends the wait with Apple's reason; a buildBetaDetail that
 * answers 5xx once processing is VALID means "not ready yet". Polls are paced by poll-delay.ts
 * (growing, and slower when the rate-limit budget is low); the token source re-signs tokens as
 * the wait goes on.
 */
import { AscError, NetworkError, RateLimitError, ServerError, getBuild, getBuildBetaDetail, listBuildUploads, type AscClient, type Clock, type Logger } from '@asc-actions/core';
import { buildInfo, label, type BetaDetailInfo, type BuildInfo } from '../model.js';
import { BUILD_FIELDS, describeQuery, lookUpBuild, type BuildQuery } from './find-build.js';
import { nextPollDelay } from './poll-delay.js';
import type { Timeline } from '../report/timeline.js';

/** Builds per look while waiting for a new build to be listed (it will be among the newest). */
const LISTING_PAGE = 200;

export interface WaitContext {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  timeline: Timeline;
  deadline: number;
  timeoutText: string;
}

function minutes(ms: number): string {
  return `${Math.round(ms / 6000) / 10} min`;
}

/**
 * A poll that failed even after the client's retries (5xx, lost connection, 429 after waiting):
 * look again at the next poll; the deadline still bounds the wait. A 401/403 is not transient.
 */
function transient(error: unknown): boolean {
  return error instanceof ServerError || error instanceof NetworkError || error instanceof RateLimitError;
}

async function pause(ctx: WaitContext, attempt: number, why: string): Promise<void> {
  const left = ctx.deadline - ctx.clock.now();
  const delay = nextPollDelay(attempt, ctx.client.rateLimit, left);
  const rate = ctx.client.rateLimit.remaining !== undefined ? `; ${ctx.client.rateLimit.remaining} requests left this hour` : '';
  ctx.logger.info(`${why}; ${minutes(ctx.clock.now() - ctx.timeline.startedAt)} waited, next look in ${Math.round(delay / 1000)} s${rate}`);
  await ctx.clock.sleep(delay);
}

export async function waitUntilListed(q: BuildQuery, ctx: WaitContext): Promise<BuildInfo> {
  for (let attempt = 0; ; attempt++) {
    const build = await lookUpBuild(ctx.client, q, LISTING_PAGE).catch((error: unknown) => {
      if (transient(error)) return undefined;
      throw error;
    });
    if (build) return build;
    if (ctx.clock.now() >= ctx.deadline) throw new AscError(`${describeQuery(q)} was not listed in App Store Connect within ${ctx.timeoutText} (processing-timeout).`);
    await pause(ctx, attempt, `${describeQuery(q)} is not listed yet`);
  }
}

async function failureReason(ctx: WaitContext, appId: string, build: BuildInfo): Promise<string> {
  const uploads = await listBuildUploads(ctx.client, appId, {
    'filter[cfBundleVersion]': [build.buildNumber],
    'filter[platform]': build.platform ? [build.platform as 'IOS'] : undefined,
    'fields[buildUploads]': ['cfBundleShortVersionString', 'cfBundleVersion', 'state'],
  }).catch(() => []);
  const errors = uploads.flatMap((u) => u.attributes?.state?.errors ?? []);
  const text = errors.map((e) => [e.code, e.description].filter(Boolean).join(' ')).join('; ');
  return text || 'App Store Connect gives no reason through the API; Apple e-mails it to the account holder';
}

async function readDetail(ctx: WaitContext, build: BuildInfo): Promise<BetaDetailInfo | undefined> {
  try {
    const d = await getBuildBetaDetail(ctx.client, build.id);
    return { id: d.id, ...d.attributes };
  } catch (error) {
    if (transient(error)) return undefined;
    throw error;
  }
}

/** Until processing ends; returns the processed build and its beta detail. */
export async function waitUntilProcessed(appId: string, start: BuildInfo, ctx: WaitContext): Promise<{ build: BuildInfo; detail: BetaDetailInfo }> {
  let build = start;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      const read = await getBuild(ctx.client, build.id, { 'fields[builds]': [...BUILD_FIELDS] }).catch((error: unknown) => {
        if (transient(error)) return undefined;
        throw error;
      });
      if (read) build = buildInfo(read.data, new Map(), build);
    }
    if (build.processingState === 'FAILED' || build.processingState === 'INVALID') {
      throw new AscError(`Build ${label(build)} processing ended ${build.processingState}: ${await failureReason(ctx, appId, build)}.`);
    }
    const detail = build.processingState === 'VALID' ? await readDetail(ctx, build) : undefined;
    if (detail) return { build, detail };
    if (ctx.clock.now() >= ctx.deadline) {
      throw new AscError(`Build ${label(build)} was still ${build.processingState === 'VALID' ? 'not ready for TestFlight' : 'processing'} after ${ctx.timeoutText} (processing-timeout).`);
    }
    const why = build.processingState === 'VALID' ? `build ${label(build)} is processed but its TestFlight details are not ready (5xx)` : `build ${label(build)} is ${build.processingState}`;
    await pause(ctx, attempt, why);
  }
}
