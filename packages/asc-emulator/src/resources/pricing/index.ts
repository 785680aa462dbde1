/**
 * Pricing and availability, read-only: `GET /v1/apps/{id}/appPriceSchedule` (include manualPrices,
 * automaticPrices, baseTerritory), `GET /v1/appPriceSchedules/{id}/manualPrices`,
 * `GET /v1/apps/{id}/appAvailabilityV2` (include territoryAvailabilities, cut at
 * `limit[territoryAvailabilities]` ≤ 50 with the total in meta.paging) and
 * `GET /v2/appAvailabilities/{id}/territoryAvailabilities` (paged, ≤ 200). Nothing here writes:
 * prices and availability are set on App Store Connect's Pricing and Availability page (or with
 * POST /v1/appPriceSchedules and POST /v2/appAvailabilities, which no action sends).
 *
 * Fidelity — an app that was never priced or made available:
 * - the spec's responses require a `data` object and list 404 for both reads; the emulator
 *   answers 404 NOT_FOUND;
 * - Apple may answer 200 with `data: null` instead: a Terraform provider reads "An app that has
 *   never been priced answers 200 with a null data member rather than 404"
 *   (AhmedOsman00/terraform-provider-apple, internal/apple price schedule client), and asc saw
 *   `{"data":null}` for a missing availability (rorkai/App-Store-Connect-CLI issue 2543, on the web
 *   API), while asc's public-API pricing code treats 404 as "schedule missing". Clients must take
 *   both as "none" (submit-for-review does).
 * The schedule's and the availability's ids are the app's id, as in Apple's example response on
 * "Read an app's price schedule information" (…/appPriceSchedules/6447402192).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import { resourceNotFound } from '../../jsonapi/errors.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { listResources } from '../../jsonapi/collection.js';
import { requireResource, type ResourceFamily } from '../family.js';
import { seedPricing } from './seed.js';

const types: ResourceType[] = [
  {
    type: 'appPriceSchedules',
    relationships: {
      app: { type: 'apps' },
      baseTerritory: { type: 'territories' },
      manualPrices: { type: 'appPrices', many: true },
      automaticPrices: { type: 'appPrices', many: true },
    },
  },
  {
    type: 'appPrices',
    relationships: { appPricePoint: { type: 'appPricePoints' }, territory: { type: 'territories' } },
  },
  {
    type: 'appAvailabilities',
    relationships: { territoryAvailabilities: { type: 'territoryAvailabilities', many: true } },
  },
  { type: 'territoryAvailabilities', relationships: { territory: { type: 'territories' } } },
  { type: 'territories', relationships: {} },
];

const single = (ctx: HandlerContext, type: string, id: string): Reply => {
  const record = ctx.state.get(type, id);
  if (!record) throw resourceNotFound(type, `for apps ${id}`);
  return {
    status: 200,
    json: singleDocument(record, { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state }),
  };
};

function toMany(ctx: HandlerContext, parentType: string, name: string, type: string): Reply {
  const parent = requireResource(ctx, parentType, ctx.params.id ?? '');
  const records = ctx.state.relatedIds(parent, name).flatMap((id) => ctx.state.get(type, id) ?? []);
  return listResources(ctx, type, records);
}

export const pricingFamily: ResourceFamily = {
  name: 'pricing',
  types,
  routes: [
    {
      method: 'GET',
      path: '/v1/apps/{id}/appPriceSchedule',
      handler: (ctx) => single(ctx, 'appPriceSchedules', requireResource(ctx, 'apps', ctx.params.id ?? '').id),
    },
    {
      method: 'GET',
      path: '/v1/appPriceSchedules/{id}/manualPrices',
      handler: (ctx) => toMany(ctx, 'appPriceSchedules', 'manualPrices', 'appPrices'),
    },
    {
      method: 'GET',
      path: '/v1/apps/{id}/appAvailabilityV2',
      handler: (ctx) => single(ctx, 'appAvailabilities', requireResource(ctx, 'apps', ctx.params.id ?? '').id),
    },
    {
      method: 'GET',
      path: '/v2/appAvailabilities/{id}/territoryAvailabilities',
      handler: (ctx) => toMany(ctx, 'appAvailabilities', 'territoryAvailabilities', 'territoryAvailabilities'),
    },
  ],
  seed: seedPricing,
};

export { SOME_TERRITORIES, type SeedPricing } from './seed.js';
