/**
 * App infos: `GET /v1/apps/{id}/appInfos`, `GET|PATCH /v1/appInfos/{id}`. An app info carries
 * the app-level metadata (localized name, subtitle, privacy URLs; categories as relationships).
 *
 * Fidelity: `AppInfoUpdateRequest` has only relationships (spec). The live API refuses a PATCH
 * of an app info that is not in an editable state (409 STATE_ERROR), a category id it does not
 * know, a subcategory that is not a child of the category it goes with, and a secondary
 * category equal to the primary one (409 ENTITY_ERROR.RELATIONSHIP.INVALID). The check is on
 * the categories the app info would have after the PATCH: a primary category changed without
 * its subcategories leaves them under the wrong category and is refused.
 *
 * `{ "data": null }` clears a category or subcategory, although 4.4.1 gives the linkage as a
 * non-nullable object: fastlane's spaceship `patch_app_info_categories` sends null for every
 * category it does not set ("delete if nil", connect_api/tunes/tunes.rb), and deliver relies on
 * it (fastlane commit d5347690). The contract worker lets exactly this null through.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship, stateError, unknownAttribute } from '../../jsonapi/errors.js';
import { bodyData, requireResource, type ResourceFamily } from '../family.js';
import { childrenOf } from './links.js';
import { EDITABLE_APP_INFO_STATES } from './rules.js';

export const CATEGORY_RELATIONSHIPS = [
  'primaryCategory',
  'primarySubcategoryOne',
  'primarySubcategoryTwo',
  'secondaryCategory',
  'secondarySubcategoryOne',
  'secondarySubcategoryTwo',
] as const;

const appInfosType: ResourceType = {
  type: 'appInfos',
  relationships: {
    app: { type: 'apps' },
    appInfoLocalizations: { type: 'appInfoLocalizations', many: true },
    ageRatingDeclaration: { type: 'ageRatingDeclarations' },
    ...Object.fromEntries(CATEGORY_RELATIONSHIPS.map((name) => [name, { type: 'appCategories' }])),
  },
};

export function appInfoReply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

/** Relationship → category id, or null to clear it. */
function requestedCategories(ctx: HandlerContext): Record<string, string | null> {
  const data = bodyData(ctx);
  if (data.attributes && Object.keys(data.attributes).length > 0) {
    const [name] = Object.keys(data.attributes);
    throw unknownAttribute(`/data/attributes/${name}`, name ?? '', 'UPDATE');
  }
  const out: Record<string, string | null> = {};
  for (const [name, rel] of Object.entries(data.relationships ?? {})) {
    if (rel && rel.data === null) {
      out[name] = null;
      continue;
    }
    const id = (rel?.data as Linkage | undefined)?.id;
    if (!id || !ctx.state.get('appCategories', id)) {
      throw invalidRelationship(
        `/data/relationships/${name}`,
        `There is no resource of type 'appCategories' with id '${String(id)}'`,
      );
    }
    out[name] = id;
  }
  return out;
}

/** Checks the category set the app info would have after the update. */
function checkCategoryTree(ctx: HandlerContext, record: ResourceRecord, wanted: Record<string, string | null>): void {
  const after = (name: string): string | undefined =>
    name in wanted ? (wanted[name] ?? undefined) : ctx.state.relatedId(record, name);
  const parentOf = (id: string) => ctx.state.relatedId(ctx.state.get('appCategories', id)!, 'parent');
  for (const group of ['primary', 'secondary'] as const) {
    const category = after(`${group}Category`);
    if (category && parentOf(category))
      throw invalidRelationship(
        `/data/relationships/${group}Category`,
        `'${category}' is a subcategory, not a category.`,
      );
    for (const slot of ['One', 'Two']) {
      const name = `${group}Subcategory${slot}`;
      const sub = after(name);
      if (sub && parentOf(sub) !== category) {
        throw invalidRelationship(
          `/data/relationships/${name}`,
          `'${sub}' is not a subcategory of '${String(category)}'.`,
        );
      }
    }
  }
  if (after('primaryCategory') && after('primaryCategory') === after('secondaryCategory')) {
    throw invalidRelationship(
      '/data/relationships/secondaryCategory',
      'The secondary category must differ from the primary category.',
    );
  }
}

function patchAppInfo(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  const record = requireResource(ctx, 'appInfos', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const wanted = requestedCategories(ctx);
  if (Object.keys(wanted).length > 0 && !EDITABLE_APP_INFO_STATES.includes(String(record.attributes.state))) {
    throw stateError(`The app info cannot be edited in the state '${String(record.attributes.state)}'.`);
  }
  checkCategoryTree(ctx, record, wanted);
  for (const [name, categoryId] of Object.entries(wanted))
    record.relationships[name] = categoryId === null ? null : { type: 'appCategories', id: categoryId };
  return appInfoReply(ctx, record);
}

function appInfosOfApp(ctx: HandlerContext): Reply {
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  return listResources(ctx, 'appInfos', childrenOf(ctx.state, 'appInfos', 'app', app.id));
}

export const appInfosFamily: ResourceFamily = {
  name: 'appInfos',
  types: [appInfosType],
  routes: [
    { method: 'GET', path: '/v1/apps/{id}/appInfos', handler: appInfosOfApp },
    {
      method: 'GET',
      path: '/v1/appInfos/{id}',
      handler: (ctx) => appInfoReply(ctx, requireResource(ctx, 'appInfos', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/appInfos/{id}', handler: patchAppInfo },
  ],
};
