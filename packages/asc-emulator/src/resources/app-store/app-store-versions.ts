/**
 * App Store versions: list per app (`filter[platform|versionString|appVersionState|appStoreState|id]`),
 * read, create, update.
 *
 * Fidelity (live behaviour the spec does not state; the messages are believed, not captured):
 * - one editable version per platform: creating another answers 409 STATE_ERROR "You cannot
 *   create a new version of the App in the current state.";
 * - `versionString` is one to three dot-separated integers; `1.2` and `1.2.0` are the same
 *   version, so either spelling of an existing version answers 409, as does a version lower
 *   than the platform's highest;
 * - only a version in an editable state can be changed (409 STATE_ERROR per attribute);
 * - `appStoreState` (deprecated) is kept in step with `appVersionState`.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { childrenOf, linkChild } from './links.js';
import { prepareNewVersion } from './new-version.js';
import { EDITABLE_VERSION_STATES, notEditable, presentAttributes, writeAttributes } from './rules.js';
import { appStoreStateFor, compareVersions, VERSION_STRING } from './version-strings.js';

const CREATABLE = [
  'platform',
  'versionString',
  'copyright',
  'reviewType',
  'releaseType',
  'earliestReleaseDate',
  'usesIdfa',
];
const UPDATABLE = [
  'versionString',
  'copyright',
  'reviewType',
  'releaseType',
  'earliestReleaseDate',
  'usesIdfa',
  'downloadable',
];

const versionsType: ResourceType = {
  type: 'appStoreVersions',
  relationships: {
    app: { type: 'apps' },
    appStoreVersionLocalizations: { type: 'appStoreVersionLocalizations', many: true },
    appStoreReviewDetail: { type: 'appStoreReviewDetails' },
    // App Review (resources/app-review/): the attached build and the phased release.
    build: { type: 'builds' },
    appStoreVersionPhasedRelease: { type: 'appStoreVersionPhasedReleases' },
  },
};

export function versionReply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

export const isEditableVersion = (version: ResourceRecord): boolean =>
  EDITABLE_VERSION_STATES.includes(String(version.attributes.appVersionState));

function platformVersions(ctx: HandlerContext, appId: string, platform: unknown, exceptId?: string): ResourceRecord[] {
  return childrenOf(ctx.state, 'appStoreVersions', 'app', appId).filter(
    (v) => v.attributes.platform === platform && v.id !== exceptId,
  );
}

function checkVersionString(others: ResourceRecord[], versionString: unknown): void {
  const pointer = '/data/attributes/versionString';
  if (typeof versionString !== 'string' || !VERSION_STRING.test(versionString)) {
    throw invalidAttribute(
      pointer,
      `'${String(versionString)}' is not a valid version number: use one to three integers separated by dots.`,
    );
  }
  if (others.some((v) => compareVersions(String(v.attributes.versionString), versionString) === 0)) {
    throw invalidAttribute(pointer, `The version number '${versionString}' has been previously used.`);
  }
  if (others.some((v) => compareVersions(String(v.attributes.versionString), versionString) > 0)) {
    throw invalidAttribute(pointer, `The version number '${versionString}' must be higher than the previous version.`);
  }
}

function create(ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, CREATABLE, 'CREATE');
  const appId = (data.relationships?.app?.data as Linkage | undefined)?.id;
  const app = appId ? ctx.state.get('apps', appId) : undefined;
  if (!app)
    throw invalidRelationship(
      '/data/relationships/app',
      `There is no resource of type 'apps' with id '${String(appId)}'`,
    );
  const others = platformVersions(ctx, app.id, attributes.platform);
  if (others.some(isEditableVersion))
    throw stateError('You cannot create a new version of the App in the current state.');
  checkVersionString(others, attributes.versionString);
  const record = ctx.state.create('appStoreVersions', {
    attributes: {
      reviewType: 'APP_STORE',
      releaseType: 'AFTER_APPROVAL',
      downloadable: true,
      ...presentAttributes(attributes),
      appVersionState: 'PREPARE_FOR_SUBMISSION',
      appStoreState: appStoreStateFor('PREPARE_FOR_SUBMISSION'),
      createdDate: new Date(ctx.now()).toISOString(),
    },
    relationships: { app: { type: 'apps', id: app.id }, appStoreVersionLocalizations: [] },
  });
  linkChild(app, 'appStoreVersions', record);
  prepareNewVersion(ctx.state, app, record, others[others.length - 1]);
  return versionReply(ctx, record, 201);
}

function update(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  const record = requireResource(ctx, 'appStoreVersions', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, UPDATABLE, 'UPDATE');
  if (Object.keys(attributes).length > 0 && !isEditableVersion(record)) throw notEditable(Object.keys(attributes));
  if ('versionString' in attributes) {
    checkVersionString(
      platformVersions(ctx, ctx.state.relatedId(record, 'app') ?? '', record.attributes.platform, id),
      attributes.versionString,
    );
  }
  writeAttributes(record, attributes);
  return versionReply(ctx, record);
}

function versionsOfApp(ctx: HandlerContext): Reply {
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  return listResources(ctx, 'appStoreVersions', childrenOf(ctx.state, 'appStoreVersions', 'app', app.id));
}

export const appStoreVersionsFamily: ResourceFamily = {
  name: 'appStoreVersions',
  types: [versionsType],
  routes: [
    { method: 'GET', path: '/v1/apps/{id}/appStoreVersions', handler: versionsOfApp },
    { method: 'POST', path: '/v1/appStoreVersions', handler: create },
    {
      method: 'GET',
      path: '/v1/appStoreVersions/{id}',
      handler: (ctx) => versionReply(ctx, requireResource(ctx, 'appStoreVersions', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/appStoreVersions/{id}', handler: update },
  ],
};
