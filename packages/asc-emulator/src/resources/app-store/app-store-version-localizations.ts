/**
 * Version localizations: list per version, create, read, update, delete.
 *
 * Fidelity: limits and URLs per rules.ts; outside the editable states only `promotionalText`
 * can change (409 STATE_ERROR per attribute otherwise); `whatsNew` is refused on the
 * platform's first version (409, see rules.ts); one localization per locale and version (a
 * second answers 409 — the code is an assumption).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { isEditableVersion } from './app-store-versions.js';
import { childrenOf, linkChild, related, unlinkChild } from './links.js';
import {
  checkMetadataAttributes,
  LIVE_EDITABLE_ATTRIBUTES,
  notAcceptableForState,
  notEditable,
  presentAttributes,
  writeAttributes,
} from './rules.js';

const UPDATABLE = ['description', 'keywords', 'marketingUrl', 'promotionalText', 'supportUrl', 'whatsNew'];
const CREATABLE = ['locale', ...UPDATABLE];

const type: ResourceType = {
  type: 'appStoreVersionLocalizations',
  relationships: {
    appStoreVersion: { type: 'appStoreVersions' },
    appScreenshotSets: { type: 'appScreenshotSets', many: true },
    appPreviewSets: { type: 'appPreviewSets', many: true },
  },
};

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

/** The version is the only one of its app and platform: App Store Connect takes no what's new then. */
export function isFirstVersion(state: EmulatorState, version: ResourceRecord): boolean {
  const appId = state.relatedId(version, 'app');
  return !childrenOf(state, 'appStoreVersions', 'app', appId ?? '').some(
    (v) => v.id !== version.id && v.attributes.platform === version.attributes.platform,
  );
}

function checkWritable(state: EmulatorState, version: ResourceRecord, attributes: Record<string, unknown>): void {
  const names = Object.keys(attributes).filter((n) => n !== 'locale');
  if (!isEditableVersion(version)) {
    const blocked = names.filter((n) => !LIVE_EDITABLE_ATTRIBUTES.includes(n));
    if (blocked.length > 0) throw notEditable(blocked);
  }
  if (typeof attributes.whatsNew === 'string' && attributes.whatsNew !== '' && isFirstVersion(state, version))
    throw notAcceptableForState('whatsNew');
}

function create(ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, CREATABLE, 'CREATE');
  const versionId = (data.relationships?.appStoreVersion?.data as Linkage | undefined)?.id;
  const version = versionId ? ctx.state.get('appStoreVersions', versionId) : undefined;
  if (!version)
    throw invalidRelationship(
      '/data/relationships/appStoreVersion',
      `There is no resource of type 'appStoreVersions' with id '${String(versionId)}'`,
    );
  checkMetadataAttributes(attributes);
  if (!isEditableVersion(version)) throw notEditable(Object.keys(attributes));
  checkWritable(ctx.state, version, attributes);
  if (
    childrenOf(ctx.state, 'appStoreVersionLocalizations', 'appStoreVersion', version.id).some(
      (l) => l.attributes.locale === attributes.locale,
    )
  ) {
    throw invalidAttribute(
      '/data/attributes/locale',
      `A localization for the locale '${String(attributes.locale)}' already exists.`,
    );
  }
  const record = ctx.state.create('appStoreVersionLocalizations', {
    attributes: presentAttributes(attributes),
    relationships: {
      appStoreVersion: { type: 'appStoreVersions', id: version.id },
      appScreenshotSets: [],
      appPreviewSets: [],
    },
  });
  linkChild(version, 'appStoreVersionLocalizations', record);
  return reply(ctx, record, 201);
}

function update(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  const record = requireResource(ctx, 'appStoreVersionLocalizations', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, UPDATABLE, 'UPDATE');
  checkMetadataAttributes(attributes);
  checkWritable(ctx.state, related(ctx.state, record, 'appStoreVersion', 'appStoreVersions')!, attributes);
  writeAttributes(record, attributes);
  return reply(ctx, record);
}

function remove(ctx: HandlerContext): Reply {
  const record = requireResource(ctx, 'appStoreVersionLocalizations', ctx.params.id ?? '');
  const version = related(ctx.state, record, 'appStoreVersion', 'appStoreVersions')!;
  if (!isEditableVersion(version)) throw notEditable(['locale']);
  unlinkChild(version, 'appStoreVersionLocalizations', record);
  ctx.state.remove('appStoreVersionLocalizations', record.id);
  return { status: 204 };
}

function listOfVersion(ctx: HandlerContext): Reply {
  const version = requireResource(ctx, 'appStoreVersions', ctx.params.id ?? '');
  return listResources(
    ctx,
    'appStoreVersionLocalizations',
    childrenOf(ctx.state, 'appStoreVersionLocalizations', 'appStoreVersion', version.id),
  );
}

export const appStoreVersionLocalizationsFamily: ResourceFamily = {
  name: 'appStoreVersionLocalizations',
  types: [type],
  routes: [
    { method: 'GET', path: '/v1/appStoreVersions/{id}/appStoreVersionLocalizations', handler: listOfVersion },
    { method: 'POST', path: '/v1/appStoreVersionLocalizations', handler: create },
    {
      method: 'GET',
      path: '/v1/appStoreVersionLocalizations/{id}',
      handler: (ctx) => reply(ctx, requireResource(ctx, 'appStoreVersionLocalizations', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/appStoreVersionLocalizations/{id}', handler: update },
    { method: 'DELETE', path: '/v1/appStoreVersionLocalizations/{id}', handler: remove },
  ],
};
