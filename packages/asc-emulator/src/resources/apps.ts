/** Apps: `GET /v1/apps`, `GET /v1/apps/{id}`, `PATCH /v1/apps/{id}`. */
import type { ResourceType } from '../jsonapi/resource-types.js';
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from '../jsonapi/reply.js';
import type { Seed } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import { listResources } from '../jsonapi/collection.js';
import { singleDocument } from '../jsonapi/documents.js';
import { invalidAttribute } from '../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from './family.js';

const appsType: ResourceType = {
  type: 'apps',
  relationships: {
    betaGroups: { type: 'betaGroups', many: true },
    appInfos: { type: 'appInfos', many: true },
    appStoreVersions: { type: 'appStoreVersions', many: true },
    builds: { type: 'builds', many: true },
    preReleaseVersions: { type: 'preReleaseVersions', many: true },
  },
};

/** `AppUpdateRequest` attributes (spec 4.4.1). */
const UPDATABLE = [
  'accessibilityUrl',
  'bundleId',
  'primaryLocale',
  'subscriptionStatusUrl',
  'subscriptionStatusUrlVersion',
  'subscriptionStatusUrlForSandbox',
  'subscriptionStatusUrlVersionForSandbox',
  'contentRightsDeclaration',
  'streamlinedPurchasingEnabled',
] as const;

function doc(ctx: HandlerContext, id: string): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status: 200, json: singleDocument(requireResource(ctx, 'apps', id), dc) };
}

function patchApp(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  requireResource(ctx, 'apps', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, UPDATABLE, 'UPDATE');
  ctx.state.update('apps', id, { attributes });
  return doc(ctx, id);
}

function seedApps(state: EmulatorState, seed: Seed): void {
  for (const app of seed.apps ?? []) {
    state.create('apps', {
      id: app.id,
      attributes: {
        name: app.name,
        bundleId: app.bundleId,
        sku: app.sku ?? app.bundleId.toUpperCase().replace(/[^A-Z0-9]/g, '_'),
        primaryLocale: app.primaryLocale ?? 'en-US',
        isOrEverWasMadeForKids: false,
        contentRightsDeclaration: 'DOES_NOT_USE_THIRD_PARTY_CONTENT',
        streamlinedPurchasingEnabled: true,
        ...(app.attributes ?? {}),
      },
    });
  }
}

export const appsFamily: ResourceFamily = {
  name: 'apps',
  types: [appsType],
  routes: [
    { method: 'GET', path: '/v1/apps', handler: (ctx) => listResources(ctx, 'apps', ctx.state.all('apps')) },
    { method: 'GET', path: '/v1/apps/{id}', handler: (ctx) => doc(ctx, ctx.params.id ?? '') },
    { method: 'PATCH', path: '/v1/apps/{id}', handler: patchApp },
  ],
  seed: seedApps,
};
