/**
 * To-many relationships kept on both ends (a build's `betaGroups` and a group's `builds`), the
 * linkage bodies of `/relationships/...` endpoints, and their linkage-only answers.
 */
import type { Linkage, ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import { invalidAttribute, invalidRelationship } from '../../jsonapi/errors.js';
import { nextLink, readPage } from '../../jsonapi/paging.js';
import { refreshTestFlight } from './states.js';
import { isListed } from './timeline.js';

function many(record: ResourceRecord, name: string): Linkage[] {
  const data = record.relationships[name];
  if (Array.isArray(data)) return data;
  const list: Linkage[] = data ? [data] : [];
  record.relationships[name] = list;
  return list;
}

export function hasLink(record: ResourceRecord, name: string, id: string): boolean {
  return many(record, name).some((l) => l.id === id);
}

/** Links a and b both ways; false when they already were. */
export function link(a: ResourceRecord, aName: string, b: ResourceRecord, bName: string): boolean {
  const added = !hasLink(a, aName, b.id);
  if (added) many(a, aName).push({ type: b.type, id: b.id });
  if (!hasLink(b, bName, a.id)) many(b, bName).push({ type: a.type, id: a.id });
  return added;
}

export function unlink(a: ResourceRecord, aName: string, b: ResourceRecord, bName: string): void {
  a.relationships[aName] = many(a, aName).filter((l) => l.id !== b.id);
  b.relationships[bName] = many(b, bName).filter((l) => l.id !== a.id);
}

/** Also adds `value` to a to-many list if missing (e.g. a tester's `apps`). */
export function addOnce(record: ResourceRecord, name: string, value: Linkage): void {
  if (!hasLink(record, name, value.id)) many(record, name).push(value);
}

/**
 * The ids in a linkage request body `{data: [{type, id}]}`, each resolved to a stored record of
 * `type` (409 ENTITY_ERROR.RELATIONSHIP.INVALID otherwise, as Apple answers an unknown id).
 */
export function linkageTargets(ctx: HandlerContext, type: string, pointer = '/data'): ResourceRecord[] {
  const data = (ctx.body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) throw invalidAttribute(pointer, 'The request body must contain a data array of linkages.');
  const now = ctx.now();
  return data.map((l: Linkage, i) => {
    const target = l?.type === type ? ctx.state.get(type, String(l.id)) : undefined;
    if (!target || (type === 'builds' && !isListed(ctx.state, target.id, now))) {
      throw invalidRelationship(`${pointer}/${i}`, `There is no resource of type '${type}' with id '${String(l?.id)}'`);
    }
    return target;
  });
}

/** A linkage-only page (`...LinkagesResponse`): `{data: [{type, id}], links, meta}`. */
export function linkagePage(ctx: HandlerContext, linkages: Linkage[]): Reply {
  const page = readPage(ctx.query, ctx.limitMaximum);
  const next = nextLink(ctx.origin, ctx.pathname, ctx.query, page, linkages.length);
  const self = `${ctx.origin}${ctx.pathname}${ctx.rawQuery ? `?${ctx.rawQuery}` : ''}`;
  return {
    status: 200,
    json: {
      data: linkages.slice(page.offset, page.offset + page.limit).map((l) => ({ type: l.type, id: l.id })),
      links: next ? { self, next } : { self },
      meta: { paging: { total: linkages.length, limit: page.limit } },
    },
  };
}

/** Linkages of a to-many relationship, keeping only resources that still exist and are listed. */
export function liveLinks(state: EmulatorState, record: ResourceRecord, name: string, now: number): Linkage[] {
  return many(record, name).filter(
    (l) => state.get(l.type, l.id) && (l.type !== 'builds' || isListed(state, l.id, now)),
  );
}

/** Brings TestFlight state to the clock; call first in every TestFlight handler. */
export function tick(ctx: HandlerContext): void {
  refreshTestFlight(ctx.state, ctx.now());
}
