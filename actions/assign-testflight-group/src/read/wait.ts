/**
 * The wait for a build, in two bounded phases under one deadline: until it is listed, then until
 * its processing ends. FAILED/INVALID ends the wait with Apple's reason; a buildBetaDetail that
 * answers 5xx once processing is VALID means "not ready yet". Polls are paced by poll-delay.ts
 * (growing, and slower when the rate-limit budget is low); the token source re-signs tokens as
 * the wait goes on.
 */
import {
  AscError,
  NetworkError,
  compareVersions,
  sameVersion,
  RateLimitError,
  ServerError,
  getBuild,
  getBuildBetaDetail,
  listBuildUploads,
  type AscClient,
  type Clock,
  type Logger,
} from '@asc-actions/core';
import { buildInfo, label, type BetaDetailInfo, type BuildInfo } from '../model.js';
import {
  BUILD_FIELDS,
  ambiguity,
  describeQuery,
  listCandidates,
  lookUpBuildById,
  matchBuilds,
  type BuildQuery,
} from './find-build.js';
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
  /** How long a build number may stay unlisted while newer ones are listed. */
  listingGraceMs: number;
  listingGraceText: string;
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

/** Waits before the next look, never past `until` (the deadline, or an earlier moment that decides). */
async function pause(ctx: WaitContext, attempt: number, why: string, until = ctx.deadline): Promise<void> {
  const left = Math.min(until, ctx.deadline) - ctx.clock.now();
  const delay = nextPollDelay(attempt, ctx.client.rateLimit, left);
  const rate =
    ctx.client.rateLimit.remaining !== undefined ? `; ${ctx.client.rateLimit.remaining} requests left this hour` : '';
  ctx.logger.info(
    `${why}; ${minutes(ctx.clock.now() - ctx.timeline.startedAt)} waited, next look in ${Math.round(delay / 1000)} s${rate}`,
  );
  await ctx.clock.sleep(delay);
}

/** The builds listed with a higher number than the one asked for (of its version, when given). */
function newerThanAsked(q: BuildQuery, listed: BuildInfo[]): BuildInfo[] {
  if (q.buildNumber === undefined) return [];
  return listed.filter(
    (b) =>
      compareVersions(b.buildNumber, q.buildNumber!) > 0 &&
      (q.version === undefined || sameVersion(b.version, q.version)),
  );
}

const newest = (listed: BuildInfo[]): string => listed.slice(0, 5).map(label).join(', ') || 'none';

/** One look: the build, or undefined with the newest listed builds for the log. */
async function look(q: BuildQuery, ctx: WaitContext): Promise<{ build?: BuildInfo; listed: BuildInfo[] }> {
  if (q.buildId) return { build: await lookUpBuildById(ctx.client, q), listed: [] };
  const listed = await listCandidates(ctx.client, q, LISTING_PAGE);
  const matches = matchBuilds(listed, q);
  if (matches.length > 1) throw ambiguity(q, matches);
  return { build: matches[0], listed };
}

/**
 * Until the build is listed. Each look logs the newest builds that are listed; when builds newer
 * than the requested number are listed and it still is not after listing-grace-period, the
 * number is most likely a typo: stop with that list instead of holding the runner.
 */
export async function waitUntilListed(q: BuildQuery, ctx: WaitContext): Promise<BuildInfo> {
  const start = ctx.clock.now();
  for (let attempt = 0; ; attempt++) {
    const seen = await look(q, ctx).catch((error: unknown) => {
      if (transient(error)) return undefined;
      throw error;
    });
    if (seen?.build) return seen.build;
    const newer = newerThanAsked(q, seen?.listed ?? []);
    if (newer.length > 0 && ctx.clock.now() - start >= ctx.listingGraceMs) {
      throw new AscError(
        `${describeQuery(q)} is not listed after ${ctx.listingGraceText} (listing-grace-period), while newer builds are: ${newest(newer)}. Check build-number (or version); the newest listed builds are ${newest(seen?.listed ?? [])}.`,
      );
    }
    if (ctx.clock.now() >= ctx.deadline)
      throw new AscError(
        `${describeQuery(q)} was not listed in App Store Connect within ${ctx.timeoutText} (processing-timeout).`,
      );
    const listedText = q.buildId ? '' : `; newest listed: ${newest(seen?.listed ?? [])}`;
    // With newer builds listed, the next look is due when the grace period ends, not a full interval later.
    const graceEnds = newer.length > 0 ? start + ctx.listingGraceMs : ctx.deadline;
    await pause(ctx, attempt, `${describeQuery(q)} is not listed yet${listedText}`, graceEnds);
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
export async function waitUntilProcessed(
  appId: string,
  start: BuildInfo,
  ctx: WaitContext,
): Promise<{ build: BuildInfo; detail: BetaDetailInfo }> {
  let build = start;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      const read = await getBuild(ctx.client, build.id, { 'fields[builds]': [...BUILD_FIELDS] }).catch(
        (error: unknown) => {
          if (transient(error)) return undefined;
          throw error;
        },
      );
      if (read) build = buildInfo(read.data, new Map(), build);
    }
    if (build.processingState === 'FAILED' || build.processingState === 'INVALID') {
      throw new AscError(
        `Build ${label(build)} processing ended ${build.processingState}: ${await failureReason(ctx, appId, build)}.`,
      );
    }
    const detail = build.processingState === 'VALID' ? await readDetail(ctx, build) : undefined;
    if (detail) return { build, detail };
    if (ctx.clock.now() >= ctx.deadline) {
      throw new AscError(
        `Build ${label(build)} was still ${build.processingState === 'VALID' ? 'not ready for TestFlight' : 'processing'} after ${ctx.timeoutText} (processing-timeout).`,
      );
    }
    const why =
      build.processingState === 'VALID'
        ? `build ${label(build)} is processed but its TestFlight details are not ready (5xx)`
        : `build ${label(build)} is ${build.processingState}`;
    await pause(ctx, attempt, why);
  }
}

/** Beta states in which the build still waits for Apple after export compliance was answered. */
const NOT_YET = new Set(['PROCESSING', 'MISSING_EXPORT_COMPLIANCE', 'IN_EXPORT_COMPLIANCE_REVIEW']);

/**
 * Until the build's external beta state leaves MISSING_EXPORT_COMPLIANCE (and processing):
 * READY_FOR_BETA_SUBMISSION or any later state. PROCESSING_EXCEPTION or EXPIRED end the wait.
 */
export async function waitUntilReadyForTesting(build: BuildInfo, ctx: WaitContext): Promise<BetaDetailInfo> {
  for (let attempt = 0; ; attempt++) {
    const detail = await readDetail(ctx, build);
    const state = detail?.externalBuildState;
    if (detail && state && !NOT_YET.has(state)) {
      if (state === 'PROCESSING_EXCEPTION' || state === 'EXPIRED')
        throw new AscError(`Build ${label(build)} is ${state} after the export compliance answer.`);
      return detail;
    }
    if (ctx.clock.now() >= ctx.deadline) {
      throw new AscError(
        `Build ${label(build)} was still ${state ?? 'not ready'} ${ctx.timeoutText} after the export compliance answer (processing-timeout).`,
      );
    }
    await pause(
      ctx,
      attempt,
      `build ${label(build)} is ${state ?? 'not readable yet'} after the export compliance answer`,
    );
  }
}
