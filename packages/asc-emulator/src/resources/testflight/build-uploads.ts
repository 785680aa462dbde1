/**
 * Build uploads: `GET /v1/apps/{id}/buildUploads`, `GET /v1/buildUploads/{id}`. Every uploaded
 * build has one; when processing fails its `state.errors` say why (`{code, description}`).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { requireResource, type ResourceFamily } from '../family.js';
import { tick } from './links.js';

const buildUploadsType: ResourceType = {
  type: 'buildUploads',
  relationships: { build: { type: 'builds' } },
  filters: { state: (r, values) => values.includes(String((r.attributes.state as { state?: string } | undefined)?.state)) },
};

function uploadsOfApp(ctx: HandlerContext) {
  tick(ctx);
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  const uploads = ctx.state.all('buildUploads').filter((u) => {
    const build = ctx.state.get('builds', ctx.state.relatedId(u, 'build') ?? '');
    return build !== undefined && ctx.state.relatedId(build, 'app') === app.id;
  });
  return listResources(ctx, 'buildUploads', uploads);
}

export const buildUploadsFamily: ResourceFamily = {
  name: 'buildUploads',
  types: [buildUploadsType],
  routes: [
    { method: 'GET', path: '/v1/apps/{id}/buildUploads', handler: uploadsOfApp },
    {
      method: 'GET',
      path: '/v1/buildUploads/{id}',
      handler: (ctx) => {
        tick(ctx);
        const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
        return { status: 200, json: singleDocument(requireResource(ctx, 'buildUploads', ctx.params.id ?? ''), dc) };
      },
    },
  ],
};
