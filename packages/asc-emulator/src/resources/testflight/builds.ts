/**
 * Builds: `GET /v1/builds`, `GET|PATCH /v1/builds/{id}`, `GET /v1/apps/{id}/builds`.
 *
 * Fidelity: unlisted builds (just uploaded) are absent from lists and 404 on read; PATCH of
 * `usesNonExemptEncryption` restarts processing (timeline.ts); export compliance cannot be
 * changed once answered and an expired build cannot be revived (409 STATE_ERROR — believed from
 * App Store Connect's UI, which offers neither; not verified against a recorded response).
 * `filter[preReleaseVersion.version]` matches the string exactly, as a filter does: `1.2` does
 * not find `1.2.0` (clients must compare versions themselves).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, notImplemented, resourceNotFound, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { isListed, restartProcessing } from './timeline.js';
import { refreshBuild, submissionOf } from './states.js';
import { tick } from './links.js';

function preRelease(state: EmulatorState, build: ResourceRecord): ResourceRecord | undefined {
  const id = state.relatedId(build, 'preReleaseVersion');
  return id ? state.get('preReleaseVersions', id) : undefined;
}

export const buildsType: ResourceType = {
  type: 'builds',
  relationships: {
    preReleaseVersion: { type: 'preReleaseVersions' },
    individualTesters: { type: 'betaTesters', many: true },
    betaGroups: { type: 'betaGroups', many: true },
    betaBuildLocalizations: { type: 'betaBuildLocalizations', many: true },
    betaAppReviewSubmission: { type: 'betaAppReviewSubmissions' },
    app: { type: 'apps' },
    buildBetaDetail: { type: 'buildBetaDetails' },
    buildUpload: { type: 'buildUploads' },
  },
  filters: {
    'preReleaseVersion.version': (r, values, state) =>
      values.includes(String(preRelease(state, r)?.attributes.version)),
    'preReleaseVersion.platform': (r, values, state) =>
      values.includes(String(preRelease(state, r)?.attributes.platform)),
    'betaAppReviewSubmission.betaReviewState': (r, values, state) =>
      values.includes(String(submissionOf(state, r)?.attributes.betaReviewState)),
    appStoreVersion: () => {
      throw notImplemented('filter[appStoreVersion] on builds');
    },
  },
};

/** A listed build, or Apple's 404. */
export function requireBuild(ctx: HandlerContext, id: string): ResourceRecord {
  const build = ctx.state.get('builds', id);
  if (!build || !isListed(ctx.state, id, ctx.now())) throw resourceNotFound('builds', id);
  return build;
}

export function listedBuilds(
  ctx: HandlerContext,
  builds: ResourceRecord[] = ctx.state.all('builds'),
): ResourceRecord[] {
  const now = ctx.now();
  return builds.filter((b) => isListed(ctx.state, b.id, now));
}

export function buildDocument(ctx: HandlerContext, build: ResourceRecord): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status: 200, json: singleDocument(build, dc) };
}

function setCompliance(ctx: HandlerContext, build: ResourceRecord, value: unknown): void {
  const current = build.attributes.usesNonExemptEncryption;
  if (value === null || value === undefined || value === current) return;
  if (typeof value !== 'boolean')
    throw invalidAttribute('/data/attributes/usesNonExemptEncryption', 'usesNonExemptEncryption must be a boolean.');
  if (current !== undefined)
    throw stateError(`Export compliance of build '${build.id}' has already been provided and cannot be changed.`);
  if (build.attributes.processingState === 'FAILED' || build.attributes.processingState === 'INVALID') {
    throw stateError(
      `Build '${build.id}' is ${String(build.attributes.processingState)}; export compliance cannot be provided.`,
    );
  }
  build.attributes.usesNonExemptEncryption = value;
  restartProcessing(ctx.state, build.id, ctx.now());
}

function setExpired(build: ResourceRecord, value: unknown): void {
  if (value === null || value === undefined || value === build.attributes.expired) return;
  if (value !== true) throw stateError(`Build '${build.id}' has expired and cannot be made available again.`);
  build.attributes.expired = true;
}

function patchBuild(ctx: HandlerContext): Reply {
  tick(ctx);
  const id = ctx.params.id ?? '';
  const build = requireBuild(ctx, id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  if (data.relationships && Object.keys(data.relationships).length)
    throw notImplemented('PATCH /v1/builds/{id} relationships');
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['expired', 'usesNonExemptEncryption'], 'UPDATE');
  setExpired(build, attributes.expired);
  setCompliance(ctx, build, attributes.usesNonExemptEncryption);
  refreshBuild(ctx.state, build, ctx.now());
  return buildDocument(ctx, build);
}

function buildsOfApp(ctx: HandlerContext): Reply {
  tick(ctx);
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  return listResources(
    ctx,
    'builds',
    listedBuilds(ctx).filter((b) => ctx.state.relatedId(b, 'app') === app.id),
  );
}

export const buildsFamily: ResourceFamily = {
  name: 'builds',
  types: [buildsType],
  routes: [
    {
      method: 'GET',
      path: '/v1/builds',
      handler: (ctx) => (tick(ctx), listResources(ctx, 'builds', listedBuilds(ctx))),
    },
    {
      method: 'GET',
      path: '/v1/builds/{id}',
      handler: (ctx) => (tick(ctx), buildDocument(ctx, requireBuild(ctx, ctx.params.id ?? ''))),
    },
    { method: 'PATCH', path: '/v1/builds/{id}', handler: patchBuild },
    { method: 'GET', path: '/v1/apps/{id}/builds', handler: buildsOfApp },
  ],
};
