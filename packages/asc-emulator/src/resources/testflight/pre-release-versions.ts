/**
 * Pre-release versions (version trains): `GET /v1/preReleaseVersions`, `GET
 * /v1/preReleaseVersions/{id}`, `GET /v1/preReleaseVersions/{id}/builds`,
 * `GET /v1/apps/{id}/preReleaseVersions`. A train is listed once one of its builds is.
 *
 * Fidelity: uploads of `1.2` and `1.2.0` land in one train (Apple treats them as the same
 * version); the train keeps the spelling of its first upload.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { resourceNotFound } from '../../jsonapi/errors.js';
import { requireResource, type ResourceFamily } from '../family.js';
import { isListed } from './timeline.js';
import { tick } from './links.js';
import { listedBuilds } from './builds.js';

function buildsOf(state: EmulatorState, prv: ResourceRecord): ResourceRecord[] {
  return state.relatedIds(prv, 'builds').flatMap((id) => state.get('builds', id) ?? []);
}

const byBuildAttribute =
  (name: string) =>
  (r: ResourceRecord, values: string[], state: EmulatorState): boolean =>
    buildsOf(state, r).some((b) => values.includes(String(b.attributes[name])));

const preReleaseVersionsType: ResourceType = {
  type: 'preReleaseVersions',
  relationships: { app: { type: 'apps' }, builds: { type: 'builds', many: true } },
  filters: {
    'builds.version': byBuildAttribute('version'),
    'builds.processingState': byBuildAttribute('processingState'),
    'builds.expired': byBuildAttribute('expired'),
    'builds.buildAudienceType': byBuildAttribute('buildAudienceType'),
  },
};

function listed(ctx: HandlerContext, prv: ResourceRecord): boolean {
  const builds = buildsOf(ctx.state, prv);
  return builds.length === 0 || builds.some((b) => isListed(ctx.state, b.id, ctx.now()));
}

function requireVersion(ctx: HandlerContext): ResourceRecord {
  const id = ctx.params.id ?? '';
  const prv = ctx.state.get('preReleaseVersions', id);
  if (!prv || !listed(ctx, prv)) throw resourceNotFound('preReleaseVersions', id);
  return prv;
}

export const preReleaseVersionsFamily: ResourceFamily = {
  name: 'preReleaseVersions',
  types: [preReleaseVersionsType],
  routes: [
    {
      method: 'GET',
      path: '/v1/preReleaseVersions',
      handler: (ctx) => (
        tick(ctx),
        listResources(
          ctx,
          'preReleaseVersions',
          ctx.state.all('preReleaseVersions').filter((v) => listed(ctx, v)),
        )
      ),
    },
    {
      method: 'GET',
      path: '/v1/preReleaseVersions/{id}',
      handler: (ctx) => {
        tick(ctx);
        const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
        return { status: 200, json: singleDocument(requireVersion(ctx), dc) };
      },
    },
    {
      method: 'GET',
      path: '/v1/preReleaseVersions/{id}/builds',
      handler: (ctx) => (
        tick(ctx),
        listResources(ctx, 'builds', listedBuilds(ctx, buildsOf(ctx.state, requireVersion(ctx))))
      ),
    },
    {
      method: 'GET',
      path: '/v1/apps/{id}/preReleaseVersions',
      handler: (ctx) => {
        tick(ctx);
        const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
        const versions = ctx.state
          .all('preReleaseVersions')
          .filter((v) => ctx.state.relatedId(v, 'app') === app.id && listed(ctx, v));
        return listResources(ctx, 'preReleaseVersions', versions);
      },
    },
  ],
};
