/**
 * Beta testers: `GET|POST /v1/betaTesters`, `GET|DELETE /v1/betaTesters/{id}`, and group
 * membership from both ends (`/v1/betaGroups/{id}/relationships/betaTesters`,
 * `/v1/betaTesters/{id}/relationships/betaGroups`, and the related lists).
 *
 * Fidelity (from reports, not from the spec):
 * - a tester is one per team and e-mail address (compared case-insensitively, an assumption);
 *   creating one that exists answers **409** and changes nothing — read back and link instead;
 * - adding a tester who is already in the group answers **409** (reported by the asc CLI's
 *   users); the emulator refuses the whole batch then (an assumption);
 * - how many testers one membership request may carry is not documented: no `maxItems` in spec
 *   4.4.1, Apple's pages say only "one or more", and the asc CLI (internal/asc/client.go
 *   `AddBetaTestersToGroup`), fastlane and expo send whole lists with no thread reporting a size
 *   refusal (searched December 2026; found nothing either way). No limit here unless a seed sets
 *   `testerBatchLimit`, answered with 422 above it (an assumed status) — for clients that halve;
 * - internal groups take App Store Connect users, not invited e-mail addresses: creating a
 *   tester into an internal group is refused (409, an assumption).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { AppleError, attributeRequired, invalidAttribute, invalidRelationship } from '../../jsonapi/errors.js';
import { testerBatchLimit } from './seed.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { addOnce, hasLink, link, linkagePage, linkageTargets, liveLinks, tick, unlink } from './links.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const betaTestersType: ResourceType = {
  type: 'betaTesters',
  relationships: {
    apps: { type: 'apps', many: true },
    betaGroups: { type: 'betaGroups', many: true },
    builds: { type: 'builds', many: true },
  },
  filters: { email: (r, values) => values.some((v) => v.toLowerCase() === String(r.attributes.email).toLowerCase()) },
};

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function refuseInternal(group: ResourceRecord, pointer: string): void {
  if (group.attributes.isInternalGroup === true) {
    throw invalidRelationship(
      pointer,
      `Beta group '${group.id}' is an internal group; internal groups take App Store Connect users.`,
    );
  }
}

/** Puts testers into a group (and the group's app into each tester's apps). */
function join(ctx: HandlerContext, group: ResourceRecord, tester: ResourceRecord): void {
  link(tester, 'betaGroups', group, 'betaTesters');
  addOnce(tester, 'apps', { type: 'apps', id: ctx.state.relatedId(group, 'app') ?? '' });
  if (tester.attributes.state === 'NOT_INVITED') tester.attributes.state = 'INVITED';
}

function groupTargets(ctx: HandlerContext, data: unknown, pointer: string): ResourceRecord[] {
  const list = Array.isArray(data) ? (data as Linkage[]) : [];
  return list.map((l, i) => {
    const group = l?.type === 'betaGroups' ? ctx.state.get('betaGroups', String(l.id)) : undefined;
    if (!group)
      throw invalidRelationship(
        `${pointer}/${i}`,
        `There is no resource of type 'betaGroups' with id '${String(l?.id)}'`,
      );
    refuseInternal(group, `${pointer}/${i}`);
    return group;
  });
}

function checkEmail(ctx: HandlerContext, email: unknown): string {
  if (email === undefined || email === null) throw attributeRequired('/data/attributes/email', 'email');
  if (typeof email !== 'string' || !EMAIL.test(email))
    throw invalidAttribute('/data/attributes/email', `'${String(email)}' is not a valid email address.`);
  const taken = ctx.state
    .all('betaTesters')
    .some((t) => String(t.attributes.email).toLowerCase() === email.toLowerCase());
  if (taken)
    throw invalidAttribute('/data/attributes/email', `A beta tester with the email '${email}' already exists.`);
  return email;
}

function createTester(ctx: HandlerContext): Reply {
  tick(ctx);
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['email', 'firstName', 'lastName'], 'CREATE');
  const groups = groupTargets(ctx, data.relationships?.betaGroups?.data, '/data/relationships/betaGroups/data');
  const builds = (
    Array.isArray(data.relationships?.builds?.data) ? (data.relationships?.builds?.data as Linkage[]) : []
  ).map((l, i) => {
    const build = ctx.state.get('builds', String(l?.id));
    if (!build)
      throw invalidRelationship(
        `/data/relationships/builds/data/${i}`,
        `There is no resource of type 'builds' with id '${String(l?.id)}'`,
      );
    return build;
  });
  const email = checkEmail(ctx, attributes.email);
  const tester = ctx.state.create('betaTesters', {
    attributes: {
      firstName: attributes.firstName ?? undefined,
      lastName: attributes.lastName ?? undefined,
      email,
      inviteType: 'EMAIL',
      state: groups.length || builds.length ? 'INVITED' : 'NOT_INVITED',
      appDevices: [],
    },
    relationships: { apps: [], betaGroups: [], builds: [] },
  });
  for (const group of groups) join(ctx, group, tester);
  for (const build of builds) {
    link(tester, 'builds', build, 'individualTesters');
    addOnce(tester, 'apps', { type: 'apps', id: ctx.state.relatedId(build, 'app') ?? '' });
  }
  return reply(ctx, tester, 201);
}

function addToGroup(ctx: HandlerContext): Reply {
  tick(ctx);
  const group = requireResource(ctx, 'betaGroups', ctx.params.id ?? '');
  refuseInternal(group, '/data');
  const testers = linkageTargets(ctx, 'betaTesters');
  const limit = testerBatchLimit(ctx.state);
  if (limit !== undefined && testers.length > limit) {
    throw new AppleError(422, [
      {
        status: '422',
        code: 'ENTITY_UNPROCESSABLE',
        title: 'The request entity is not processable.',
        detail: `At most ${limit} beta testers can be added at once.`,
        source: { pointer: '/data' },
      },
    ]);
  }
  const present = testers.filter((t) => hasLink(group, 'betaTesters', t.id));
  if (present.length) {
    throw invalidRelationship(
      '/data',
      `Beta testers already in group '${group.id}': ${present.map((t) => t.id).join(', ')}.`,
    );
  }
  for (const tester of testers) join(ctx, group, tester);
  return { status: 204 };
}

function addGroupsToTester(ctx: HandlerContext): Reply {
  tick(ctx);
  const tester = requireResource(ctx, 'betaTesters', ctx.params.id ?? '');
  const groups = groupTargets(ctx, (ctx.body as { data?: unknown } | undefined)?.data, '/data');
  const present = groups.filter((g) => hasLink(tester, 'betaGroups', g.id));
  if (present.length)
    throw invalidRelationship(
      '/data',
      `Beta tester '${tester.id}' is already in groups: ${present.map((g) => g.id).join(', ')}.`,
    );
  for (const group of groups) join(ctx, group, tester);
  return { status: 204 };
}

function removeFromGroup(ctx: HandlerContext, group: ResourceRecord, testers: ResourceRecord[]): Reply {
  for (const tester of testers) unlink(tester, 'betaGroups', group, 'betaTesters');
  return { status: 204 };
}

function deleteTester(ctx: HandlerContext): Reply {
  tick(ctx);
  const tester = requireResource(ctx, 'betaTesters', ctx.params.id ?? '');
  for (const id of ctx.state.relatedIds(tester, 'betaGroups')) {
    const group = ctx.state.get('betaGroups', id);
    if (group) unlink(tester, 'betaGroups', group, 'betaTesters');
  }
  ctx.state.remove('betaTesters', tester.id);
  return { status: 204 };
}

const testersOf = (ctx: HandlerContext, group: ResourceRecord): ResourceRecord[] =>
  liveLinks(ctx.state, group, 'betaTesters', ctx.now()).flatMap((l) => ctx.state.get('betaTesters', l.id) ?? []);

export const betaTestersFamily: ResourceFamily = {
  name: 'betaTesters',
  types: [betaTestersType],
  routes: [
    {
      method: 'GET',
      path: '/v1/betaTesters',
      handler: (ctx) => (tick(ctx), listResources(ctx, 'betaTesters', ctx.state.all('betaTesters'))),
    },
    { method: 'POST', path: '/v1/betaTesters', handler: createTester },
    {
      method: 'GET',
      path: '/v1/betaTesters/{id}',
      handler: (ctx) => (tick(ctx), reply(ctx, requireResource(ctx, 'betaTesters', ctx.params.id ?? ''))),
    },
    { method: 'DELETE', path: '/v1/betaTesters/{id}', handler: deleteTester },
    { method: 'POST', path: '/v1/betaGroups/{id}/relationships/betaTesters', handler: addToGroup },
    {
      method: 'DELETE',
      path: '/v1/betaGroups/{id}/relationships/betaTesters',
      handler: (ctx) => (
        tick(ctx),
        removeFromGroup(
          ctx,
          requireResource(ctx, 'betaGroups', ctx.params.id ?? ''),
          linkageTargets(ctx, 'betaTesters'),
        )
      ),
    },
    {
      method: 'GET',
      path: '/v1/betaGroups/{id}/relationships/betaTesters',
      handler: (ctx) => (
        tick(ctx),
        linkagePage(
          ctx,
          liveLinks(ctx.state, requireResource(ctx, 'betaGroups', ctx.params.id ?? ''), 'betaTesters', ctx.now()),
        )
      ),
    },
    {
      method: 'GET',
      path: '/v1/betaGroups/{id}/betaTesters',
      handler: (ctx) => (
        tick(ctx),
        listResources(ctx, 'betaTesters', testersOf(ctx, requireResource(ctx, 'betaGroups', ctx.params.id ?? '')))
      ),
    },
    { method: 'POST', path: '/v1/betaTesters/{id}/relationships/betaGroups', handler: addGroupsToTester },
    {
      method: 'DELETE',
      path: '/v1/betaTesters/{id}/relationships/betaGroups',
      handler: (ctx) => {
        tick(ctx);
        const tester = requireResource(ctx, 'betaTesters', ctx.params.id ?? '');
        for (const group of linkageTargets(ctx, 'betaGroups')) unlink(tester, 'betaGroups', group, 'betaTesters');
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/v1/betaTesters/{id}/relationships/betaGroups',
      handler: (ctx) => (
        tick(ctx),
        linkagePage(
          ctx,
          liveLinks(ctx.state, requireResource(ctx, 'betaTesters', ctx.params.id ?? ''), 'betaGroups', ctx.now()),
        )
      ),
    },
    {
      method: 'GET',
      path: '/v1/betaTesters/{id}/betaGroups',
      handler: (ctx) => {
        tick(ctx);
        const tester = requireResource(ctx, 'betaTesters', ctx.params.id ?? '');
        return listResources(
          ctx,
          'betaGroups',
          ctx.state.relatedIds(tester, 'betaGroups').flatMap((id) => ctx.state.get('betaGroups', id) ?? []),
        );
      },
    },
  ],
};
