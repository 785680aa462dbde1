/**
 * App Store categories: `GET /v1/appCategories`, `GET /v1/appCategories/{id}` and its
 * `subcategories` / `parent`. The catalog is Apple's fixed list, present in every emulator.
 *
 * Fidelity: the ids are Apple's (`PRODUCTIVITY`, `GAMES_ACTION` …). Which platforms list which
 * category is an assumption: STICKERS only on iOS, every other category on all four platforms.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { EmulatorState } from '../../store/state.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { requireResource, type ResourceFamily } from '../family.js';

/** Apple's platforms. Deliberate copy: the actions use core's domain/platforms.ts. */
const ALL_PLATFORMS = ['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS'];

export const TOP_CATEGORIES: readonly string[] = [
  'BOOKS',
  'BUSINESS',
  'DEVELOPER_TOOLS',
  'EDUCATION',
  'ENTERTAINMENT',
  'FINANCE',
  'FOOD_AND_DRINK',
  'GAMES',
  'GRAPHICS_AND_DESIGN',
  'HEALTH_AND_FITNESS',
  'LIFESTYLE',
  'MAGAZINES_AND_NEWSPAPERS',
  'MEDICAL',
  'MUSIC',
  'NAVIGATION',
  'NEWS',
  'PHOTO_AND_VIDEO',
  'PRODUCTIVITY',
  'REFERENCE',
  'SHOPPING',
  'SOCIAL_NETWORKING',
  'SPORTS',
  'STICKERS',
  'TRAVEL',
  'UTILITIES',
  'WEATHER',
];

export const SUBCATEGORIES: Readonly<Record<string, readonly string[]>> = {
  GAMES: [
    'GAMES_ACTION',
    'GAMES_ADVENTURE',
    'GAMES_BOARD',
    'GAMES_CARD',
    'GAMES_CASINO',
    'GAMES_CASUAL',
    'GAMES_FAMILY',
    'GAMES_MUSIC',
    'GAMES_PUZZLE',
    'GAMES_RACING',
    'GAMES_ROLE_PLAYING',
    'GAMES_SIMULATION',
    'GAMES_SPORTS',
    'GAMES_STRATEGY',
    'GAMES_TRIVIA',
    'GAMES_WORD',
  ],
  STICKERS: [
    'STICKERS_ANIMALS',
    'STICKERS_ART',
    'STICKERS_CELEBRATIONS',
    'STICKERS_CELEBRITIES',
    'STICKERS_CHARACTERS',
    'STICKERS_EATING_AND_DRINKING',
    'STICKERS_EMOJI_AND_EXPRESSIONS',
    'STICKERS_FASHION',
    'STICKERS_GAMING',
    'STICKERS_KIDS_AND_FAMILY',
    'STICKERS_MOVIES_AND_TV',
    'STICKERS_MUSIC',
    'STICKERS_PEOPLE',
    'STICKERS_PLACES_AND_OBJECTS',
    'STICKERS_SPORTS_AND_ACTIVITIES',
  ],
};

const appCategoriesType: ResourceType = {
  type: 'appCategories',
  relationships: { subcategories: { type: 'appCategories', many: true }, parent: { type: 'appCategories' } },
  filters: {
    platforms: (record, values) => (record.attributes.platforms as string[]).some((p) => values.includes(p)),
  },
};

function seedCatalog(state: EmulatorState): void {
  for (const id of TOP_CATEGORIES) {
    const platforms = id === 'STICKERS' ? ['IOS'] : ALL_PLATFORMS;
    const subs = SUBCATEGORIES[id] ?? [];
    state.create('appCategories', {
      id,
      attributes: { platforms },
      relationships: { parent: null, subcategories: subs.map((s) => ({ type: 'appCategories', id: s })) },
    });
    for (const sub of subs) {
      state.create('appCategories', {
        id: sub,
        attributes: { platforms },
        relationships: { parent: { type: 'appCategories', id }, subcategories: [] },
      });
    }
  }
}

function one(ctx: HandlerContext, id: string): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status: 200, json: singleDocument(requireResource(ctx, 'appCategories', id), dc) };
}

function subcategories(ctx: HandlerContext): Reply {
  const parent = requireResource(ctx, 'appCategories', ctx.params.id ?? '');
  const ids = ctx.state.relatedIds(parent, 'subcategories');
  return listResources(
    ctx,
    'appCategories',
    ids.map((id) => ctx.state.get('appCategories', id)!),
  );
}

function parentOf(ctx: HandlerContext): Reply {
  const child = requireResource(ctx, 'appCategories', ctx.params.id ?? '');
  return one(ctx, ctx.state.relatedId(child, 'parent') ?? '');
}

export const appCategoriesFamily: ResourceFamily = {
  name: 'appCategories',
  types: [appCategoriesType],
  routes: [
    {
      method: 'GET',
      path: '/v1/appCategories',
      handler: (ctx) => listResources(ctx, 'appCategories', ctx.state.all('appCategories')),
    },
    { method: 'GET', path: '/v1/appCategories/{id}', handler: (ctx) => one(ctx, ctx.params.id ?? '') },
    { method: 'GET', path: '/v1/appCategories/{id}/subcategories', handler: subcategories },
    { method: 'GET', path: '/v1/appCategories/{id}/parent', handler: parentOf },
  ],
  seed: (state) => seedCatalog(state),
};
