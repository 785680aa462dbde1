/**
 * Build beta details: `GET /v1/buildBetaDetails`, `GET|PATCH /v1/buildBetaDetails/{id}`,
 * `GET /v1/builds/{id}/buildBetaDetail`. The id is the build's id.
 *
 * Fidelity: while its build processes (and `betaDetailLagMs` after), a build beta detail
 * answers **500** — reported by fastlane and codemagic users alike; callers must read that as
 * "not ready yet". The states are derived from the build (states.ts).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { ResourceRecord } from '../../types.js';
import { AppleError, invalidAttribute, resourceNotFound } from '../../jsonapi/errors.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { bodyData, checkAllowedAttributes, type ResourceFamily } from '../family.js';
import { betaDetailReady, isListed } from './timeline.js';
import { tick } from './links.js';
import { requireBuild } from './builds.js';

const buildBetaDetailsType: ResourceType = { type: 'buildBetaDetails', relationships: { build: { type: 'builds' } } };

/** Apple's words for its 500 (as captured in codemagic's logs). */
function unexpected(): AppleError {
  return new AppleError(500, [
    {
      status: '500',
      code: 'UNEXPECTED_ERROR',
      title: 'An unexpected error occurred.',
      detail:
        'An unexpected error occurred on the server side. If this issue continues, contact us at https://developer.apple.com/contact/.',
    },
  ]);
}

function usable(ctx: HandlerContext, detail: ResourceRecord): ResourceRecord {
  if (!betaDetailReady(ctx.state, detail.id, ctx.now())) throw unexpected();
  return detail;
}

function requireDetail(ctx: HandlerContext, id: string): ResourceRecord {
  const detail = ctx.state.get('buildBetaDetails', id);
  if (!detail || !isListed(ctx.state, id, ctx.now())) throw resourceNotFound('buildBetaDetails', id);
  return usable(ctx, detail);
}

function doc(ctx: HandlerContext, detail: ResourceRecord): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status: 200, json: singleDocument(detail, dc) };
}

function patchDetail(ctx: HandlerContext): Reply {
  tick(ctx);
  const id = ctx.params.id ?? '';
  const detail = requireDetail(ctx, id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['autoNotifyEnabled'], 'UPDATE');
  if (typeof attributes.autoNotifyEnabled === 'boolean')
    detail.attributes.autoNotifyEnabled = attributes.autoNotifyEnabled;
  return doc(ctx, detail);
}

function listDetails(ctx: HandlerContext): Reply {
  tick(ctx);
  const now = ctx.now();
  const details = ctx.state.all('buildBetaDetails').filter((d) => isListed(ctx.state, d.id, now));
  const reply = listResources(ctx, 'buildBetaDetails', details);
  const shown = (reply.json as { data: Array<{ id: string }> }).data;
  for (const d of shown) usable(ctx, ctx.state.get('buildBetaDetails', d.id)!);
  return reply;
}

export const buildBetaDetailsFamily: ResourceFamily = {
  name: 'buildBetaDetails',
  types: [buildBetaDetailsType],
  routes: [
    { method: 'GET', path: '/v1/buildBetaDetails', handler: listDetails },
    {
      method: 'GET',
      path: '/v1/buildBetaDetails/{id}',
      handler: (ctx) => (tick(ctx), doc(ctx, requireDetail(ctx, ctx.params.id ?? ''))),
    },
    { method: 'PATCH', path: '/v1/buildBetaDetails/{id}', handler: patchDetail },
    {
      method: 'GET',
      path: '/v1/builds/{id}/buildBetaDetail',
      handler: (ctx) => {
        tick(ctx);
        const build = requireBuild(ctx, ctx.params.id ?? '');
        return doc(ctx, requireDetail(ctx, ctx.state.relatedId(build, 'buildBetaDetail') ?? build.id));
      },
    },
  ],
};
