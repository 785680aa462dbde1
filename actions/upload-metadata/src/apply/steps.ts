/**
 * Applies a plan's steps: PATCHes (safe to resend: they set values) and creations through
 * create-or-adopt. The version's own attributes (copyright, version string) go first and alone:
 * deliver learned that a version PATCH racing the localization writes loses
 * (deliver/lib/deliver/upload_metadata.rb: "This needs to happen before updating
 * localizations"; fastlane#16911). The other steps are independent, so they all go at once and
 * the client's concurrency limit paces them. Every step ends applied or failed, with the reason.
 */
import {
  createAppInfoLocalization,
  createAppStoreVersion,
  createAppStoreVersionLocalization,
  createReviewDetail,
  getReviewDetailOfVersion,
  listAppInfoLocalizations,
  listAppStoreVersionLocalizations,
  listAppStoreVersions,
  updateAppInfoCategories,
  updateAppInfoLocalization,
  updateAppStoreVersion,
  updateAppStoreVersionLocalization,
  updateReviewDetail,
  type AscClient,
  type Logger,
} from '@asc-actions/core';
import type { Step, StepOf } from '../model/plan.js';
import { createOrAdopt, type Existing } from './create-or-adopt.js';

export interface ApplyContext {
  client: AscClient;
  logger: Logger;
  appId: string;
  appInfoId?: string;
  versionId?: string;
}

export interface StepResult {
  stepId: string;
  status: 'applied' | 'failed';
  /** The resource created or updated. */
  resourceId?: string;
  adopted?: boolean;
  error?: string;
}

const SAFE = { safeToRetry: true };

function need(id: string | undefined, what: string): string {
  if (!id) throw new Error(`no ${what} id for this step (the plan was made for a resource that does not exist yet)`);
  return id;
}

const byLocale =
  (locale: string) =>
  (list: { data: Array<{ id: string; attributes?: Record<string, unknown> }> }): Existing | undefined => {
    const found = list.data.find((r) => r.attributes?.locale === locale);
    return found ? { id: found.id, attributes: found.attributes ?? {} } : undefined;
  };

async function createAppInfoLocale(
  step: StepOf<'create-app-info-localization'>,
  ctx: ApplyContext,
): Promise<{ id: string; adopted: boolean }> {
  const { attributes } = step;
  const appInfoId = need(ctx.appInfoId, 'app info');
  return createOrAdopt({
    attributes,
    create: () => createAppInfoLocalization(ctx.client, appInfoId, attributes),
    find: async () =>
      byLocale(attributes.locale)(
        await listAppInfoLocalizations(ctx.client, appInfoId, { 'filter[locale]': [attributes.locale] }),
      ),
    update: async (id, a) => void (await updateAppInfoLocalization(ctx.client, id, a, SAFE)),
  });
}

async function createVersionLocale(
  step: StepOf<'create-version-localization'>,
  ctx: ApplyContext,
): Promise<{ id: string; adopted: boolean }> {
  const { attributes } = step;
  const versionId = need(ctx.versionId, 'version');
  return createOrAdopt({
    attributes,
    create: () => createAppStoreVersionLocalization(ctx.client, versionId, attributes),
    find: async () =>
      byLocale(attributes.locale)(
        await listAppStoreVersionLocalizations(ctx.client, versionId, { 'filter[locale]': [attributes.locale] }),
      ),
    update: async (id, a) => void (await updateAppStoreVersionLocalization(ctx.client, id, a, SAFE)),
  });
}

async function createReview(
  step: StepOf<'create-review-detail'>,
  ctx: ApplyContext,
): Promise<{ id: string; adopted: boolean }> {
  const versionId = need(ctx.versionId, 'version');
  return createOrAdopt({
    attributes: step.attributes,
    create: () => createReviewDetail(ctx.client, versionId, step.attributes),
    find: async () => {
      const found = await getReviewDetailOfVersion(ctx.client, versionId);
      return found ? { id: found.id, attributes: found.attributes ?? {} } : undefined;
    },
    update: async (id, a) => void (await updateReviewDetail(ctx.client, id, a, SAFE)),
  });
}

/** One step; resolves to the id of the resource it wrote. */
async function run(step: Step, ctx: ApplyContext): Promise<{ id: string; adopted?: boolean }> {
  switch (step.kind) {
    case 'update-version':
      return updateAppStoreVersion(ctx.client, need(ctx.versionId, 'version'), step.attributes, SAFE);
    case 'update-age-rating': {
      // Typed answers (booleans stay booleans); the emulator and Apple check them against the spec's enums.
      const id = need(step.resourceId, 'age rating declaration');
      const body = { data: { type: 'ageRatingDeclarations', id, attributes: step.attributes } };
      await ctx.client.patch(`/v1/ageRatingDeclarations/${encodeURIComponent(id)}`, body, SAFE);
      return { id };
    }
    case 'update-categories':
      return updateAppInfoCategories(ctx.client, need(ctx.appInfoId, 'app info'), step.attributes, SAFE);
    case 'update-app-info-localization':
      return updateAppInfoLocalization(ctx.client, need(step.resourceId, 'localization'), step.attributes, SAFE);
    case 'update-version-localization':
      return updateAppStoreVersionLocalization(
        ctx.client,
        need(step.resourceId, 'localization'),
        step.attributes,
        SAFE,
      );
    case 'update-review-detail':
      return updateReviewDetail(ctx.client, need(step.resourceId, 'review detail'), step.attributes, SAFE);
    case 'create-app-info-localization':
      return createAppInfoLocale(step, ctx);
    case 'create-version-localization':
      return createVersionLocale(step, ctx);
    case 'create-review-detail':
      return createReview(step, ctx);
    case 'create-version':
      return createVersion(step, ctx);
  }
}

/** Creates the version (adopting it if a lost response had created it already). */
export async function createVersion(
  step: StepOf<'create-version'>,
  ctx: ApplyContext,
): Promise<{ id: string; adopted: boolean }> {
  const { platform, versionString } = step.attributes;
  return createOrAdopt({
    attributes: {},
    create: () => createAppStoreVersion(ctx.client, ctx.appId, { platform, versionString }),
    find: async () => {
      const spellings = [versionString, versionString.replace(/(\.0)+$/, ''), `${versionString}.0`];
      const doc = await listAppStoreVersions(ctx.client, ctx.appId, {
        'filter[platform]': [platform],
        'filter[versionString]': [...new Set(spellings)],
      });
      const found = doc.data[0];
      return found ? { id: found.id, attributes: {} } : undefined;
    },
    update: async () => undefined,
  });
}

/** Steps that must land before the others start. */
const FIRST: ReadonlySet<Step['kind']> = new Set(['update-version']);

export async function applySteps(steps: readonly Step[], ctx: ApplyContext): Promise<StepResult[]> {
  const first = await applyAtOnce(
    steps.filter((s) => FIRST.has(s.kind)),
    ctx,
  );
  return [
    ...first,
    ...(await applyAtOnce(
      steps.filter((s) => !FIRST.has(s.kind)),
      ctx,
    )),
  ];
}

async function applyAtOnce(steps: readonly Step[], ctx: ApplyContext): Promise<StepResult[]> {
  return Promise.all(
    steps.map(async (step): Promise<StepResult> => {
      try {
        const done = await run(step, ctx);
        ctx.logger.info(`✓ ${step.id}${done.adopted ? ' (already created by an earlier attempt; adopted)' : ''}`);
        return { stepId: step.id, status: 'applied', resourceId: done.id, ...(done.adopted ? { adopted: true } : {}) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        ctx.logger.warning(`✗ ${step.id}: ${message}`);
        return { stepId: step.id, status: 'failed', error: message };
      }
    }),
  );
}
