/**
 * Builds in beta groups, from both ends: `/v1/betaGroups/{id}/relationships/builds` (GET, POST,
 * DELETE), `/v1/betaGroups/{id}/builds`, `/v1/builds/{id}/relationships/betaGroups` (POST,
 * DELETE). A build must belong to the group's app and be processed (VALID) and not expired
 * (409 otherwise); an internal all-builds group answers 422. Adding a build a group already has
 * changes nothing (204). A request is checked whole before anything is linked.
 */
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { AppleError, invalidRelationship, stateError } from '../../jsonapi/errors.js';
import { requireResource, type ResourceFamily } from '../family.js';
import { link, linkagePage, linkageTargets, liveLinks, tick, unlink } from './links.js';
import { listedBuilds, requireBuild } from './builds.js';
import { refreshBuild } from './states.js';

/**
 * An internal group that sees every build refuses being given one: **422** (settled: the
 * MobAI-App/ios-builder PR #24 met it and now skips such groups).
 */
function allBuildsRefusal(group: ResourceRecord): AppleError {
  return new AppleError(422, [
    {
      status: '422',
      code: 'ENTITY_UNPROCESSABLE',
      title: 'The request entity is not processable.',
      detail: `Beta group '${group.id}' is an internal group with access to all builds; builds cannot be added to it.`,
      source: { pointer: '/data' },
    },
  ]);
}

function checkPair(ctx: HandlerContext, group: ResourceRecord, build: ResourceRecord): void {
  if (group.attributes.isInternalGroup === true && group.attributes.hasAccessToAllBuilds === true)
    throw allBuildsRefusal(group);
  if (ctx.state.relatedId(group, 'app') !== ctx.state.relatedId(build, 'app')) {
    throw invalidRelationship('/data', `Build '${build.id}' and beta group '${group.id}' belong to different apps.`);
  }
  if (build.attributes.expired === true) throw stateError(`Build '${build.id}' has expired.`);
  if (build.attributes.processingState !== 'VALID') {
    throw stateError(
      `Build '${build.id}' is ${String(build.attributes.processingState)}; only processed (VALID) builds can be added to beta groups.`,
    );
  }
}

function addPairs(ctx: HandlerContext, pairs: Array<[ResourceRecord, ResourceRecord]>): Reply {
  for (const [group, build] of pairs) checkPair(ctx, group, build);
  for (const [group, build] of pairs) {
    link(group, 'builds', build, 'betaGroups');
    refreshBuild(ctx.state, build, ctx.now());
  }
  return { status: 204 };
}

function removePairs(ctx: HandlerContext, pairs: Array<[ResourceRecord, ResourceRecord]>): Reply {
  for (const [group, build] of pairs) {
    unlink(group, 'builds', build, 'betaGroups');
    refreshBuild(ctx.state, build, ctx.now());
  }
  return { status: 204 };
}

function fromGroup(ctx: HandlerContext): Array<[ResourceRecord, ResourceRecord]> {
  tick(ctx);
  const group = requireResource(ctx, 'betaGroups', ctx.params.id ?? '');
  return linkageTargets(ctx, 'builds').map((build) => [group, build]);
}

function fromBuild(ctx: HandlerContext): Array<[ResourceRecord, ResourceRecord]> {
  tick(ctx);
  const build = requireBuild(ctx, ctx.params.id ?? '');
  return linkageTargets(ctx, 'betaGroups').map((group) => [group, build]);
}

export const betaGroupBuildsFamily: ResourceFamily = {
  name: 'betaGroupBuilds',
  types: [],
  routes: [
    {
      method: 'POST',
      path: '/v1/betaGroups/{id}/relationships/builds',
      handler: (ctx) => addPairs(ctx, fromGroup(ctx)),
    },
    {
      method: 'DELETE',
      path: '/v1/betaGroups/{id}/relationships/builds',
      handler: (ctx) => removePairs(ctx, fromGroup(ctx)),
    },
    {
      method: 'GET',
      path: '/v1/betaGroups/{id}/relationships/builds',
      handler: (ctx) => (
        tick(ctx),
        linkagePage(
          ctx,
          liveLinks(ctx.state, requireResource(ctx, 'betaGroups', ctx.params.id ?? ''), 'builds', ctx.now()),
        )
      ),
    },
    {
      method: 'GET',
      path: '/v1/betaGroups/{id}/builds',
      handler: (ctx) => {
        tick(ctx);
        const group = requireResource(ctx, 'betaGroups', ctx.params.id ?? '');
        return listResources(
          ctx,
          'builds',
          listedBuilds(
            ctx,
            ctx.state.relatedIds(group, 'builds').flatMap((id) => ctx.state.get('builds', id) ?? []),
          ),
        );
      },
    },
    {
      method: 'POST',
      path: '/v1/builds/{id}/relationships/betaGroups',
      handler: (ctx) => addPairs(ctx, fromBuild(ctx)),
    },
    {
      method: 'DELETE',
      path: '/v1/builds/{id}/relationships/betaGroups',
      handler: (ctx) => removePairs(ctx, fromBuild(ctx)),
    },
  ],
};
