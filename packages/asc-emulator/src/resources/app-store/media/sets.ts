/**
 * Screenshot and preview sets: one per display type and localization; list, create, read,
 * delete, their assets in order, and the reorder PATCH (the full ordered list of ids).
 *
 * Fidelity: a second set of the same display type on one localization answers 409 (an
 * assumption: the live API refuses it, the code is not documented); the reorder list must hold
 * exactly the set's assets (Apple: 409 ENTITY_ERROR otherwise); sets change only while the
 * version is editable.
 */
import type { ResourceType } from '../../../jsonapi/resource-types.js';
import type { HandlerContext, Route } from '../../../routing/router.js';
import type { Reply } from '../../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../../types.js';
import { listResources } from '../../../jsonapi/collection.js';
import { singleDocument } from '../../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship } from '../../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../../family.js';
import { isEditableVersion } from '../app-store-versions.js';
import { childrenOf, linkChild, related, unlinkChild } from '../links.js';
import { notEditable } from '../rules.js';
import { refreshDeliveryStates } from './delivery.js';
import { PREVIEWS, SCREENSHOTS, type MediaKind } from './kinds.js';

function setTypeOf(kind: MediaKind): ResourceType {
  return {
    type: kind.setType,
    relationships: {
      appStoreVersionLocalization: { type: 'appStoreVersionLocalizations' },
      [kind.assetType]: { type: kind.assetType, many: true },
    },
  };
}

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  return {
    status,
    json: singleDocument(record, { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state }),
  };
}

/** Media may change only while the localization's version is editable. */
export function checkEditable(ctx: HandlerContext, kind: MediaKind, set: ResourceRecord): void {
  const localization = related(ctx.state, set, 'appStoreVersionLocalization', 'appStoreVersionLocalizations');
  const version = localization && related(ctx.state, localization, 'appStoreVersion', 'appStoreVersions');
  if (version && !isEditableVersion(version)) throw notEditable([kind.assetType]);
}

function create(kind: MediaKind, ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, [kind.setAttribute], 'CREATE');
  const locId = (data.relationships?.appStoreVersionLocalization?.data as Linkage | undefined)?.id;
  const localization = locId ? ctx.state.get('appStoreVersionLocalizations', locId) : undefined;
  if (!localization)
    throw invalidRelationship(
      '/data/relationships/appStoreVersionLocalization',
      `There is no resource of type 'appStoreVersionLocalizations' with id '${String(locId)}'`,
    );
  const displayType = attributes[kind.setAttribute];
  if (
    childrenOf(ctx.state, kind.setType, 'appStoreVersionLocalization', localization.id).some(
      (s) => s.attributes[kind.setAttribute] === displayType,
    )
  ) {
    throw invalidAttribute(
      `/data/attributes/${kind.setAttribute}`,
      `A set of type '${String(displayType)}' already exists for this localization.`,
    );
  }
  const record = ctx.state.create(kind.setType, {
    attributes: { [kind.setAttribute]: displayType },
    relationships: {
      appStoreVersionLocalization: { type: 'appStoreVersionLocalizations', id: localization.id },
      [kind.assetType]: [],
    },
  });
  checkEditable(ctx, kind, record);
  linkChild(localization, kind.localizationRelationship, record);
  return reply(ctx, record, 201);
}

function remove(kind: MediaKind, ctx: HandlerContext): Reply {
  const set = requireResource(ctx, kind.setType, ctx.params.id ?? '');
  checkEditable(ctx, kind, set);
  for (const id of ctx.state.relatedIds(set, kind.assetType)) ctx.state.remove(kind.assetType, id);
  const localization = related(ctx.state, set, 'appStoreVersionLocalization', 'appStoreVersionLocalizations');
  if (localization) unlinkChild(localization, kind.localizationRelationship, set);
  ctx.state.remove(kind.setType, set.id);
  return { status: 204 };
}

function reorder(kind: MediaKind, ctx: HandlerContext): Reply {
  const set = requireResource(ctx, kind.setType, ctx.params.id ?? '');
  checkEditable(ctx, kind, set);
  const wanted = ((ctx.body as { data?: Linkage[] } | undefined)?.data ?? []).map((l) => l.id);
  const current = ctx.state.relatedIds(set, kind.assetType);
  const same =
    wanted.length === current.length &&
    new Set(wanted).size === wanted.length &&
    wanted.every((id) => current.includes(id));
  if (!same) throw invalidRelationship('/data', `The list must name each of the set's ${kind.assetType} exactly once.`);
  set.relationships[kind.assetType] = wanted.map((id) => ({ type: kind.assetType, id }));
  return { status: 204 };
}

function listOfLocalization(kind: MediaKind, ctx: HandlerContext): Reply {
  refreshDeliveryStates(ctx.state, ctx.now());
  const localization = requireResource(ctx, 'appStoreVersionLocalizations', ctx.params.id ?? '');
  const sets = ctx.state
    .relatedIds(localization, kind.localizationRelationship)
    .map((id) => ctx.state.get(kind.setType, id))
    .filter((s): s is ResourceRecord => !!s);
  return listResources(ctx, kind.setType, sets);
}

function listAssets(kind: MediaKind, ctx: HandlerContext): Reply {
  refreshDeliveryStates(ctx.state, ctx.now());
  const set = requireResource(ctx, kind.setType, ctx.params.id ?? '');
  const assets = ctx.state
    .relatedIds(set, kind.assetType)
    .map((id) => ctx.state.get(kind.assetType, id))
    .filter((a): a is ResourceRecord => !!a);
  return listResources(ctx, kind.assetType, assets);
}

function routesOf(kind: MediaKind): Route[] {
  return [
    {
      method: 'GET',
      path: `/v1/appStoreVersionLocalizations/{id}/${kind.setType}`,
      handler: (ctx) => listOfLocalization(kind, ctx),
    },
    { method: 'POST', path: `/v1/${kind.setType}`, handler: (ctx) => create(kind, ctx) },
    {
      method: 'GET',
      path: `/v1/${kind.setType}/{id}`,
      handler: (ctx) => reply(ctx, requireResource(ctx, kind.setType, ctx.params.id ?? '')),
    },
    { method: 'DELETE', path: `/v1/${kind.setType}/{id}`, handler: (ctx) => remove(kind, ctx) },
    { method: 'GET', path: `/v1/${kind.setType}/{id}/${kind.assetType}`, handler: (ctx) => listAssets(kind, ctx) },
    {
      method: 'PATCH',
      path: `/v1/${kind.setType}/{id}/relationships/${kind.assetType}`,
      handler: (ctx) => reorder(kind, ctx),
    },
  ];
}

export const screenshotSetsFamily: ResourceFamily = {
  name: 'appScreenshotSets',
  types: [setTypeOf(SCREENSHOTS)],
  routes: routesOf(SCREENSHOTS),
};
export const previewSetsFamily: ResourceFamily = {
  name: 'appPreviewSets',
  types: [setTypeOf(PREVIEWS)],
  routes: routesOf(PREVIEWS),
};
