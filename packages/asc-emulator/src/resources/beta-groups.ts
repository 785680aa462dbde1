/**
 * TestFlight beta groups: list (also per app), read, create, update, delete.
 *
 * Fidelity notes (not in the spec; from App Store Connect's behaviour as far as known):
 * - group names are limited to 50 characters (code points) here; the exact limit is not
 *   published — an assumption, kept in one constant;
 * - two groups of one app cannot share a name (App Store Connect refuses it; the API answers
 *   409) — believed, not verified against a recorded response;
 * - internal groups cannot have a public link; `isInternalGroup` is fixed at creation.
 */
import type { ResourceType } from '../jsonapi/resource-types.js';
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from '../jsonapi/reply.js';
import type { Linkage, ResourceRecord, Seed } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import { listResources } from '../jsonapi/collection.js';
import { singleDocument } from '../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship } from '../jsonapi/errors.js';
import {
  bodyData,
  checkAllowedAttributes,
  checkLength,
  checkRequiredString,
  requireResource,
  type ResourceFamily,
} from './family.js';

export const BETA_GROUP_NAME_MAX = 50;

const betaGroupsType: ResourceType = {
  type: 'betaGroups',
  relationships: {
    app: { type: 'apps' },
    builds: { type: 'builds', many: true },
    betaTesters: { type: 'betaTesters', many: true },
  },
};

const CREATABLE = [
  'name',
  'isInternalGroup',
  'hasAccessToAllBuilds',
  'publicLinkEnabled',
  'publicLinkLimitEnabled',
  'publicLinkLimit',
  'feedbackEnabled',
];
const UPDATABLE = [
  'name',
  'publicLinkEnabled',
  'publicLinkLimitEnabled',
  'publicLinkLimit',
  'feedbackEnabled',
  'iosBuildsAvailableForAppleSiliconMac',
  'iosBuildsAvailableForAppleVision',
];

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function checkName(state: EmulatorState, appId: string, name: unknown, selfId?: string): void {
  checkRequiredString('/data/attributes/name', 'name', name);
  checkLength('/data/attributes/name', name, BETA_GROUP_NAME_MAX);
  const taken = state
    .all('betaGroups')
    .some((g) => g.id !== selfId && state.relatedId(g, 'app') === appId && g.attributes.name === name);
  if (taken)
    throw invalidAttribute(
      '/data/attributes/name',
      `A group with the name '${String(name)}' already exists for this app.`,
    );
}

function checkPublicLink(isInternalGroup: unknown, publicLinkEnabled: unknown): void {
  if (publicLinkEnabled === true && isInternalGroup === true) {
    throw invalidAttribute('/data/attributes/publicLinkEnabled', 'Internal groups cannot have a public link.');
  }
}

function assignPublicLink(record: ResourceRecord): void {
  const a = record.attributes;
  if (a.publicLinkEnabled === true && !a.publicLinkId) {
    a.publicLinkId = record.id.replace(/-/g, '').slice(-8).toUpperCase();
    a.publicLink = `https://testflight.apple.com/join/${String(a.publicLinkId)}`;
  }
}

function linkages(value: unknown, type: string): Linkage[] {
  return Array.isArray(value) ? value.filter((l): l is Linkage => (l as Linkage)?.type === type) : [];
}

function createGroup(ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, CREATABLE, 'CREATE');
  const appId = (data.relationships?.app?.data as Linkage | undefined)?.id;
  if (!appId || !ctx.state.get('apps', appId)) {
    throw invalidRelationship(
      '/data/relationships/app',
      `There is no resource of type 'apps' with id '${String(appId)}'`,
    );
  }
  checkName(ctx.state, appId, attributes.name);
  const isInternalGroup = attributes.isInternalGroup === true;
  checkPublicLink(isInternalGroup, attributes.publicLinkEnabled);
  const record = ctx.state.create('betaGroups', {
    attributes: {
      name: attributes.name,
      createdDate: new Date(ctx.now()).toISOString(),
      isInternalGroup,
      hasAccessToAllBuilds: isInternalGroup ? (attributes.hasAccessToAllBuilds ?? true) : false,
      publicLinkEnabled: attributes.publicLinkEnabled ?? false,
      publicLinkLimitEnabled: attributes.publicLinkLimitEnabled ?? false,
      ...(attributes.publicLinkLimit != null ? { publicLinkLimit: attributes.publicLinkLimit } : {}),
      feedbackEnabled: attributes.feedbackEnabled ?? true,
      iosBuildsAvailableForAppleSiliconMac: false,
      iosBuildsAvailableForAppleVision: false,
    },
    relationships: {
      app: { type: 'apps', id: appId },
      builds: linkages(data.relationships?.builds?.data, 'builds'),
      betaTesters: linkages(data.relationships?.betaTesters?.data, 'betaTesters'),
    },
  });
  assignPublicLink(record);
  return reply(ctx, record, 201);
}

function updateGroup(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  const record = requireResource(ctx, 'betaGroups', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, UPDATABLE, 'UPDATE');
  if ('name' in attributes) checkName(ctx.state, ctx.state.relatedId(record, 'app') ?? '', attributes.name, id);
  checkPublicLink(record.attributes.isInternalGroup, attributes.publicLinkEnabled);
  ctx.state.update('betaGroups', id, { attributes });
  assignPublicLink(record);
  return reply(ctx, record);
}

function deleteGroup(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  requireResource(ctx, 'betaGroups', id);
  ctx.state.remove('betaGroups', id);
  return { status: 204 };
}

function groupsOfApp(ctx: HandlerContext): Reply {
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  const groups = ctx.state.all('betaGroups').filter((g) => ctx.state.relatedId(g, 'app') === app.id);
  return listResources(ctx, 'betaGroups', groups);
}

function seedGroups(state: EmulatorState, seed: Seed): void {
  for (const g of seed.betaGroups ?? []) {
    const app = state.get('apps', g.app) ?? state.all('apps').find((a) => a.attributes.bundleId === g.app);
    if (!app) throw new Error(`seed: beta group '${g.name}' names unknown app '${g.app}'`);
    const isInternalGroup = g.isInternalGroup ?? false;
    state.create('betaGroups', {
      id: g.id,
      attributes: {
        name: g.name,
        createdDate: g.createdDate ?? '2026-01-15T10:00:00.000Z',
        isInternalGroup,
        hasAccessToAllBuilds: isInternalGroup,
        publicLinkEnabled: false,
        publicLinkLimitEnabled: false,
        feedbackEnabled: true,
        iosBuildsAvailableForAppleSiliconMac: false,
        iosBuildsAvailableForAppleVision: false,
        ...(g.attributes ?? {}),
      },
      relationships: { app: { type: 'apps', id: app.id }, builds: [], betaTesters: [] },
    });
  }
}

export const betaGroupsFamily: ResourceFamily = {
  name: 'betaGroups',
  types: [betaGroupsType],
  routes: [
    {
      method: 'GET',
      path: '/v1/betaGroups',
      handler: (ctx) => listResources(ctx, 'betaGroups', ctx.state.all('betaGroups')),
    },
    { method: 'GET', path: '/v1/apps/{id}/betaGroups', handler: groupsOfApp },
    { method: 'POST', path: '/v1/betaGroups', handler: createGroup },
    {
      method: 'GET',
      path: '/v1/betaGroups/{id}',
      handler: (ctx) => reply(ctx, requireResource(ctx, 'betaGroups', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/betaGroups/{id}', handler: updateGroup },
    { method: 'DELETE', path: '/v1/betaGroups/{id}', handler: deleteGroup },
  ],
  seed: seedGroups,
};
