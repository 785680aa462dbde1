/** Every emulated resource family. Add a family here (apps first: others' seeds refer to apps). */
import type { TypeRegistry, ResourceType } from '../jsonapi/resource-types.js';
import type { Route } from '../routing/router.js';
import type { ResourceRecord, Seed } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import type { RawRoute } from '../server/pipeline.js';
import { appsFamily } from './apps.js';
import { betaGroupsFamily } from './beta-groups.js';
import { salesReportsFamily } from './sales-reports.js';
import { testflightFamilies } from './testflight/index.js';
import { financeReportsFamily } from './finance-reports.js';
import { customerReviewsFamily } from './customer-reviews.js';
import { customerReviewResponsesFamily } from './customer-review-responses.js';
import { appStoreFamilies } from './app-store/index.js';
import { analyticsReportsFamily } from './analytics-reports/index.js';
import { appReviewFamilies } from './app-review/index.js';
import { pricingFamily } from './pricing/index.js';
import type { ResourceFamily } from './family.js';

export const FAMILIES: readonly ResourceFamily[] = [
  appsFamily,
  betaGroupsFamily,
  salesReportsFamily,
  financeReportsFamily,
  customerReviewsFamily,
  customerReviewResponsesFamily,
  ...testflightFamilies,
  ...appStoreFamilies,
  ...appReviewFamilies,
  pricingFamily,
  analyticsReportsFamily,
];

/** Every route; a family's `refresh` (state that moves with the clock) runs before any handler. */
export function allRoutes(): Route[] {
  const refreshers = FAMILIES.flatMap((f) => (f.refresh ? [f.refresh] : []));
  return FAMILIES.flatMap((f) => f.routes).map((route) => ({
    ...route,
    handler: (ctx) => {
      for (const refresh of refreshers) refresh(ctx.state, ctx.now());
      return route.handler(ctx);
    },
  }));
}

/** Routes outside the API (pre-signed upload URLs …), asked before the API pipeline. */
export function allRawRoutes(): RawRoute[] {
  return FAMILIES.flatMap((f) => f.rawRoutes ?? []);
}

export function typeRegistry(): TypeRegistry {
  return new Map<string, ResourceType>(FAMILIES.flatMap((f) => f.types.map((t) => [t.type, t] as const)));
}

/** Loads a seed into an empty state: each family's part, then raw `resources`. */
export function applySeed(state: EmulatorState, seed: Seed): void {
  for (const family of FAMILIES) family.seed?.(state, seed);
  for (const r of seed.resources ?? []) {
    const record: ResourceRecord = { ...r, attributes: { ...r.attributes }, relationships: { ...r.relationships } };
    state.create(record.type, record);
  }
}
