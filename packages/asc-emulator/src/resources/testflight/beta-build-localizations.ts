/**
 * What to Test: `GET|POST /v1/betaBuildLocalizations`, `GET|PATCH|DELETE
 * /v1/betaBuildLocalizations/{id}`, `GET /v1/builds/{id}/betaBuildLocalizations`.
 * `whatsNew` ≤ 4000 code points; one localization per locale and build (a second is a 409 —
 * an assumption, consistent with Apple's other localizations).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship, resourceNotFound } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, type ResourceFamily } from '../family.js';
import { addOnce, tick } from './links.js';
import { isListed } from './timeline.js';
import { requireBuild } from './builds.js';
import { checkLocale, checkTexts, duplicateLocale } from './localizations.js';

export const WHATS_NEW_MAX = 4000;

const type: ResourceType = { type: 'betaBuildLocalizations', relationships: { build: { type: 'builds' } } };

function visible(ctx: HandlerContext): ResourceRecord[] {
  const now = ctx.now();
  return ctx.state
    .all('betaBuildLocalizations')
    .filter((l) => isListed(ctx.state, ctx.state.relatedId(l, 'build') ?? '', now));
}

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function requireLocalization(ctx: HandlerContext): ResourceRecord {
  const id = ctx.params.id ?? '';
  const record = visible(ctx).find((l) => l.id === id);
  if (!record) throw resourceNotFound('betaBuildLocalizations', id);
  return record;
}

function ofBuild(ctx: HandlerContext, buildId: string): ResourceRecord[] {
  return ctx.state.all('betaBuildLocalizations').filter((l) => ctx.state.relatedId(l, 'build') === buildId);
}

function create(ctx: HandlerContext): Reply {
  tick(ctx);
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['locale', 'whatsNew'], 'CREATE');
  const buildId = (data.relationships?.build?.data as Linkage | undefined)?.id ?? '';
  const build = ctx.state.get('builds', buildId);
  if (!build || !isListed(ctx.state, buildId, ctx.now())) {
    throw invalidRelationship(
      '/data/relationships/build',
      `There is no resource of type 'builds' with id '${buildId}'`,
    );
  }
  const locale = checkLocale(attributes.locale);
  checkTexts(attributes, { whatsNew: WHATS_NEW_MAX });
  duplicateLocale(ofBuild(ctx, buildId), locale, 'build');
  const record = ctx.state.create('betaBuildLocalizations', {
    attributes: { locale, whatsNew: attributes.whatsNew ?? undefined },
    relationships: { build: { type: 'builds', id: buildId } },
  });
  addOnce(build, 'betaBuildLocalizations', { type: 'betaBuildLocalizations', id: record.id });
  return reply(ctx, record, 201);
}

function update(ctx: HandlerContext): Reply {
  tick(ctx);
  const record = requireLocalization(ctx);
  const data = bodyData(ctx);
  if (data.id !== record.id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${record.id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['whatsNew'], 'UPDATE');
  checkTexts(attributes, { whatsNew: WHATS_NEW_MAX });
  if ('whatsNew' in attributes) record.attributes.whatsNew = attributes.whatsNew ?? undefined;
  return reply(ctx, record);
}

function remove(ctx: HandlerContext): Reply {
  tick(ctx);
  const record = requireLocalization(ctx);
  const build = ctx.state.get('builds', ctx.state.relatedId(record, 'build') ?? '');
  if (build)
    build.relationships.betaBuildLocalizations = ctx.state
      .relatedIds(build, 'betaBuildLocalizations')
      .filter((id) => id !== record.id)
      .map((id) => ({ type: 'betaBuildLocalizations', id }));
  ctx.state.remove('betaBuildLocalizations', record.id);
  return { status: 204 };
}

export const betaBuildLocalizationsFamily: ResourceFamily = {
  name: 'betaBuildLocalizations',
  types: [type],
  routes: [
    {
      method: 'GET',
      path: '/v1/betaBuildLocalizations',
      handler: (ctx) => (tick(ctx), listResources(ctx, 'betaBuildLocalizations', visible(ctx))),
    },
    { method: 'POST', path: '/v1/betaBuildLocalizations', handler: create },
    {
      method: 'GET',
      path: '/v1/betaBuildLocalizations/{id}',
      handler: (ctx) => (tick(ctx), reply(ctx, requireLocalization(ctx))),
    },
    { method: 'PATCH', path: '/v1/betaBuildLocalizations/{id}', handler: update },
    { method: 'DELETE', path: '/v1/betaBuildLocalizations/{id}', handler: remove },
    {
      method: 'GET',
      path: '/v1/builds/{id}/betaBuildLocalizations',
      handler: (ctx) => (
        tick(ctx),
        listResources(ctx, 'betaBuildLocalizations', ofBuild(ctx, requireBuild(ctx, ctx.params.id ?? '').id))
      ),
    },
  ],
};
