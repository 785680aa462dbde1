/** Steps on the version and its build: create or rename, export compliance, attach, release type, phased release. */
import {
  AscError,
  NotFoundError,
  attachBuildToVersion,
  createAppStoreVersion,
  createPhasedRelease,
  deletePhasedRelease,
  getBuild,
  listAppStoreVersions,
  sameVersion,
  updateAppStoreVersion,
  updateBuild,
} from '@asc-actions/core';
import type { Step } from '../model.js';
import type { ApplyContext } from './context.js';
import { reconciled } from './reconcile.js';

const POLL_MS = 30_000;

function versionId(ctx: ApplyContext): string {
  if (!ctx.versionId) throw new AscError('Internal: no version id before a version step.');
  return ctx.versionId;
}

async function createVersion(ctx: ApplyContext, versionString: string): Promise<void> {
  const find = async () => {
    const doc = await listAppStoreVersions(ctx.client, ctx.appId, { 'filter[platform]': [ctx.platform], limit: 200 });
    return doc.data.find((v) => sameVersion(v.attributes?.versionString ?? '', versionString));
  };
  const created = await reconciled(
    () => createAppStoreVersion(ctx.client, ctx.appId, { platform: ctx.platform, versionString }),
    find,
  );
  ctx.versionId = created.id;
}

/** Answering export compliance makes Apple process the build again: wait until it is VALID. */
async function setCompliance(ctx: ApplyContext, buildId: string, value: boolean): Promise<void> {
  await updateBuild(ctx.client, buildId, { usesNonExemptEncryption: value }, { safeToRetry: true });
  const deadline = ctx.clock.now() + ctx.processingTimeoutMs;
  for (;;) {
    const state = (await getBuild(ctx.client, buildId)).data.attributes?.processingState;
    if (state === 'VALID') return;
    if (state !== 'PROCESSING')
      throw new AscError(`Build ${buildId} became ${String(state)} after export compliance was answered.`);
    if (ctx.clock.now() >= deadline)
      throw new AscError(
        `Build ${buildId} was still processing ${Math.round(ctx.processingTimeoutMs / 60_000)} min after export compliance was answered; run again later.`,
      );
    ctx.logger.info(
      `Build ${buildId} is processing again after export compliance was answered; checking again in ${POLL_MS / 1000} s.`,
    );
    await ctx.clock.sleep(POLL_MS);
  }
}

async function readPhasedRelease(ctx: ApplyContext): Promise<string | undefined> {
  try {
    const res = await ctx.client.get<{ data?: { id: string } | null }>(
      `/v1/appStoreVersions/${encodeURIComponent(versionId(ctx))}/appStoreVersionPhasedRelease`,
    );
    return res.data.data?.id ?? undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined; // none: 404 or data null (docs/evidence/releases.md §2.3)
    throw error;
  }
}

export async function runVersionStep(ctx: ApplyContext, step: Step): Promise<boolean> {
  switch (step.kind) {
    case 'create-version':
      await createVersion(ctx, step.versionString);
      return true;
    case 'rename-version':
      await updateAppStoreVersion(ctx.client, step.versionId, { versionString: step.to }, { safeToRetry: true });
      return true;
    case 'set-export-compliance':
      await setCompliance(ctx, step.buildId, step.value);
      return true;
    case 'attach-build':
      await attachBuildToVersion(ctx.client, versionId(ctx), step.buildId);
      return true;
    case 'set-release-type':
      // On its own, before other edits: fastlane found releaseType sometimes refused mid-edit (§2.2).
      await updateAppStoreVersion(
        ctx.client,
        versionId(ctx),
        {
          releaseType: step.releaseType,
          ...(step.earliestReleaseDate ? { earliestReleaseDate: step.earliestReleaseDate } : {}),
        },
        { safeToRetry: true },
      );
      return true;
    case 'create-phased-release':
      await reconciled(
        () => createPhasedRelease(ctx.client, versionId(ctx)).then((p) => p.id),
        () => readPhasedRelease(ctx),
      );
      return true;
    case 'delete-phased-release':
      try {
        await deletePhasedRelease(ctx.client, step.phasedReleaseId);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error; // a retried DELETE whose first try went through
      }
      return true;
    default:
      return false;
  }
}
