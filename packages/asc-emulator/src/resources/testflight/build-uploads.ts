/**
 * Build uploads: `POST /v1/buildUploads`, `GET|DELETE /v1/buildUploads/{id}`,
 * `GET /v1/apps/{id}/buildUploads`. A build upload starts AWAITING_UPLOAD; its file is reserved,
 * sent and committed through buildUploadFiles (build-upload-files.ts); then it is PROCESSING and
 * ends COMPLETE (its `build` linked) or FAILED with Apple-coded `state.errors`.
 *
 * Fidelity (evidence in docs/evidence/releases.md):
 * - `app` is required: without it Apple answered 409 ENTITY_ERROR.RELATIONSHIP.REQUIRED (§1.1,
 *   Colaxy note §13-1, moderate).
 * - A version and build number the app already has (a build, or an upload processing or done)
 *   answers 409 ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE on create (§1.7, expo eas-cli PR #3444,
 *   moderate). Build numbers are unique per version train and platform (§1.7, store-quirks #1).
 *   Whether an abandoned AWAITING_UPLOAD reservation blocks a new one is unknown: here it does not.
 * - DELETE works in AWAITING_UPLOAD; a FAILED upload answers STATE_ERROR.INVALID_STATE (§1.7,
 *   Colaxy note §13-2, moderate); PROCESSING and COMPLETE are refused the same way (assumed).
 * - `state` is an object `{state, errors, warnings, infos}` (§1.2, asc PR #121, strong).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { AppleError } from '../../jsonapi/errors.js';
import {
  bodyData,
  checkAllowedAttributes,
  checkRequiredString,
  requireResource,
  type ResourceFamily,
} from '../family.js';
import { tick } from './links.js';
import { sameVersion } from './versions.js';
import { buildUploadControl } from './build-upload/control.js';

const buildUploadsType: ResourceType = {
  type: 'buildUploads',
  relationships: {
    build: { type: 'builds' },
    assetFile: { type: 'buildUploadFiles' },
    buildUploadFiles: { type: 'buildUploadFiles', many: true },
  },
  filters: { state: (r, values) => values.includes(uploadState(r)) },
};

export function uploadState(upload: ResourceRecord): string {
  return String((upload.attributes.state as { state?: string } | undefined)?.state);
}

/** The app of an upload: API uploads keep it (not serialized: the spec has no such relationship); seeded ones go through their build. */
export function appOfUpload(ctx: Pick<HandlerContext, 'state'>, upload: ResourceRecord): string | undefined {
  const direct = ctx.state.relatedId(upload, 'app');
  if (direct) return direct;
  const build = ctx.state.get('builds', ctx.state.relatedId(upload, 'build') ?? '');
  return build ? ctx.state.relatedId(build, 'app') : undefined;
}

function document(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  return {
    status,
    json: singleDocument(record, { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state }),
  };
}

function uploadsOfApp(ctx: HandlerContext) {
  tick(ctx);
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  return listResources(
    ctx,
    'buildUploads',
    ctx.state.all('buildUploads').filter((u) => appOfUpload(ctx, u) === app.id),
  );
}

function duplicate(detail: string): AppleError {
  return new AppleError(409, [
    {
      status: '409',
      code: 'ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE',
      title: 'The provided entity includes an attribute with a value that has already been used',
      detail,
      source: { pointer: '/data/attributes/cfBundleVersion' },
    },
  ]);
}

/** A build or a live upload with the same train, number and platform. */
function holderOf(
  ctx: HandlerContext,
  appId: string,
  version: string,
  number: string,
  platform: string,
): string | undefined {
  const build = ctx.state.all('builds').find((b) => {
    const prv = ctx.state.get('preReleaseVersions', ctx.state.relatedId(b, 'preReleaseVersion') ?? '');
    return (
      ctx.state.relatedId(b, 'app') === appId &&
      b.attributes.version === number &&
      prv?.attributes.platform === platform &&
      sameVersion(String(prv.attributes.version), version)
    );
  });
  if (build) return `build ${build.id}`;
  const upload = ctx.state
    .all('buildUploads')
    .find(
      (u) =>
        appOfUpload(ctx, u) === appId &&
        u.attributes.platform === platform &&
        u.attributes.cfBundleVersion === number &&
        sameVersion(String(u.attributes.cfBundleShortVersionString), version) &&
        ['PROCESSING', 'COMPLETE'].includes(uploadState(u)),
    );
  return upload ? `build upload ${upload.id}` : undefined;
}

function create(ctx: HandlerContext): Reply {
  tick(ctx);
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['cfBundleShortVersionString', 'cfBundleVersion', 'platform'], 'CREATE');
  checkRequiredString(
    '/data/attributes/cfBundleShortVersionString',
    'cfBundleShortVersionString',
    attributes.cfBundleShortVersionString,
  );
  checkRequiredString('/data/attributes/cfBundleVersion', 'cfBundleVersion', attributes.cfBundleVersion);
  const appRef = data.relationships?.app?.data as Linkage | undefined;
  if (!appRef?.id) {
    throw new AppleError(409, [
      {
        status: '409',
        code: 'ENTITY_ERROR.RELATIONSHIP.REQUIRED',
        title: 'The provided entity is missing a required relationship',
        detail: "You must provide a value for the relationship 'app' with this request",
        source: { pointer: '/data/relationships/app' },
      },
    ]);
  }
  const app = requireResource(ctx, 'apps', appRef.id);
  const [version, number, platform] = [
    String(attributes.cfBundleShortVersionString),
    String(attributes.cfBundleVersion),
    String(attributes.platform),
  ];
  const holder = holderOf(ctx, app.id, version, number, platform);
  if (holder) throw duplicate(`The bundle version ${number} has already been used for version ${version} (${holder}).`);
  const record = ctx.state.create('buildUploads', {
    attributes: {
      cfBundleShortVersionString: version,
      cfBundleVersion: number,
      platform,
      createdDate: new Date(ctx.now()).toISOString(),
      state: { state: 'AWAITING_UPLOAD', errors: [], warnings: [], infos: [] },
    },
    relationships: { app: { type: 'apps', id: app.id }, buildUploadFiles: [] },
  });
  return document(ctx, record, 201);
}

function remove(ctx: HandlerContext): Reply {
  tick(ctx);
  const upload = requireResource(ctx, 'buildUploads', ctx.params.id ?? '');
  const state = uploadState(upload);
  if (state !== 'AWAITING_UPLOAD') {
    throw new AppleError(409, [
      {
        status: '409',
        code: 'STATE_ERROR.INVALID_STATE',
        title: 'The request cannot be fulfilled because of the state of another resource.',
        detail: `The build upload is ${state} and cannot be deleted.`,
      },
    ]);
  }
  for (const fileId of ctx.state.relatedIds(upload, 'buildUploadFiles')) {
    ctx.state.remove('buildUploadFiles', fileId);
    buildUploadControl(ctx.state).received.delete(fileId);
  }
  ctx.state.remove('buildUploads', upload.id);
  return { status: 204 };
}

export const buildUploadsFamily: ResourceFamily = {
  name: 'buildUploads',
  types: [buildUploadsType],
  routes: [
    { method: 'GET', path: '/v1/apps/{id}/buildUploads', handler: uploadsOfApp },
    { method: 'POST', path: '/v1/buildUploads', handler: create },
    { method: 'DELETE', path: '/v1/buildUploads/{id}', handler: remove },
    {
      method: 'GET',
      path: '/v1/buildUploads/{id}',
      handler: (ctx) => {
        tick(ctx);
        return document(ctx, requireResource(ctx, 'buildUploads', ctx.params.id ?? ''));
      },
    },
  ],
};
