/**
 * App info localizations: list per app info, create, read, update, delete.
 *
 * Fidelity: a new localization needs `name` (spec: required); one localization per locale and
 * app info (a second answers 409 — the code is an assumption); the app info must be in an
 * editable state (409 STATE_ERROR); the app's primary locale cannot be deleted (409).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship, stateError } from '../../jsonapi/errors.js';
import {
  bodyData,
  checkAllowedAttributes,
  checkRequiredString,
  requireResource,
  type ResourceFamily,
} from '../family.js';
import { childrenOf, linkChild, related, unlinkChild } from './links.js';
import {
  checkMetadataAttributes,
  EDITABLE_APP_INFO_STATES,
  notEditable,
  presentAttributes,
  writeAttributes,
} from './rules.js';

const UPDATABLE = ['name', 'subtitle', 'privacyPolicyUrl', 'privacyChoicesUrl', 'privacyPolicyText'];
const CREATABLE = ['locale', ...UPDATABLE];

const type: ResourceType = { type: 'appInfoLocalizations', relationships: { appInfo: { type: 'appInfos' } } };

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function requireEditable(appInfo: ResourceRecord, attributes: string[]): void {
  if (!EDITABLE_APP_INFO_STATES.includes(String(appInfo.attributes.state))) throw notEditable(attributes);
}

function create(ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, CREATABLE, 'CREATE');
  const appInfoId = (data.relationships?.appInfo?.data as Linkage | undefined)?.id;
  const appInfo = appInfoId ? ctx.state.get('appInfos', appInfoId) : undefined;
  if (!appInfo)
    throw invalidRelationship(
      '/data/relationships/appInfo',
      `There is no resource of type 'appInfos' with id '${String(appInfoId)}'`,
    );
  checkRequiredString('/data/attributes/name', 'name', attributes.name);
  checkMetadataAttributes(attributes);
  requireEditable(appInfo, Object.keys(attributes));
  if (
    childrenOf(ctx.state, 'appInfoLocalizations', 'appInfo', appInfo.id).some(
      (l) => l.attributes.locale === attributes.locale,
    )
  ) {
    throw invalidAttribute(
      '/data/attributes/locale',
      `A localization for the locale '${String(attributes.locale)}' already exists.`,
    );
  }
  const record = ctx.state.create('appInfoLocalizations', {
    attributes: presentAttributes(attributes),
    relationships: { appInfo: { type: 'appInfos', id: appInfo.id } },
  });
  linkChild(appInfo, 'appInfoLocalizations', record);
  return reply(ctx, record, 201);
}

function update(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  const record = requireResource(ctx, 'appInfoLocalizations', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, UPDATABLE, 'UPDATE');
  if ('name' in attributes) checkRequiredString('/data/attributes/name', 'name', attributes.name);
  checkMetadataAttributes(attributes);
  requireEditable(related(ctx.state, record, 'appInfo', 'appInfos')!, Object.keys(attributes));
  writeAttributes(record, attributes);
  return reply(ctx, record);
}

function remove(ctx: HandlerContext): Reply {
  const record = requireResource(ctx, 'appInfoLocalizations', ctx.params.id ?? '');
  const appInfo = related(ctx.state, record, 'appInfo', 'appInfos')!;
  requireEditable(appInfo, ['locale']);
  const app = related(ctx.state, appInfo, 'app', 'apps');
  if (app && app.attributes.primaryLocale === record.attributes.locale) {
    throw stateError(
      `The localization for the primary locale '${String(record.attributes.locale)}' cannot be deleted.`,
    );
  }
  unlinkChild(appInfo, 'appInfoLocalizations', record);
  ctx.state.remove('appInfoLocalizations', record.id);
  return { status: 204 };
}

function listOfAppInfo(ctx: HandlerContext): Reply {
  const appInfo = requireResource(ctx, 'appInfos', ctx.params.id ?? '');
  return listResources(
    ctx,
    'appInfoLocalizations',
    childrenOf(ctx.state, 'appInfoLocalizations', 'appInfo', appInfo.id),
  );
}

export const appInfoLocalizationsFamily: ResourceFamily = {
  name: 'appInfoLocalizations',
  types: [type],
  routes: [
    { method: 'GET', path: '/v1/appInfos/{id}/appInfoLocalizations', handler: listOfAppInfo },
    { method: 'POST', path: '/v1/appInfoLocalizations', handler: create },
    {
      method: 'GET',
      path: '/v1/appInfoLocalizations/{id}',
      handler: (ctx) => reply(ctx, requireResource(ctx, 'appInfoLocalizations', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/appInfoLocalizations/{id}', handler: update },
    { method: 'DELETE', path: '/v1/appInfoLocalizations/{id}', handler: remove },
  ],
};
