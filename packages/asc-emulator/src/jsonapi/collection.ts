/**
 * The generic list endpoint: `filter[...]`, `exists[...]`, `sort`, cursor paging, sparse
 * fieldsets and includes, over any stored resource type. A filter the emulator cannot honour
 * (e.g. `filter[appStoreVersions.platform]`) answers 501 rather than being silently ignored.
 */
import type { ResourceRecord } from '../types.js';
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from './reply.js';
import { collectionDocument } from './documents.js';
import { notImplemented } from './errors.js';
import { nextLink, readPage } from './paging.js';
import { encodeQuery } from './query.js';

const BRACKETED = /^(filter|exists)\[(.+)\]$/;

function applyFilters(ctx: HandlerContext, type: string, records: ResourceRecord[]): ResourceRecord[] {
  const spec = ctx.types.get(type);
  let out = records;
  for (const param of ctx.query.names()) {
    const m = BRACKETED.exec(param);
    if (!m) continue;
    const [, kind = '', name = ''] = m;
    const values = ctx.query.list(param) ?? [];
    const custom = kind === 'filter' ? spec?.filters?.[name] : undefined;
    if (custom) {
      out = out.filter((r) => custom(r, values, ctx.state));
    } else if (name.includes('.')) {
      throw notImplemented(`${param} on ${type}`);
    } else if (kind === 'exists') {
      const want = values[0] === 'true';
      out = out.filter((r) => hasValue(r, name) === want);
    } else {
      out = out.filter((r) => genericMatch(r, name, values, Boolean(spec?.relationships[name])));
    }
  }
  return out;
}

function hasValue(r: ResourceRecord, name: string): boolean {
  const rel = r.relationships[name];
  if (rel !== undefined) return Array.isArray(rel) ? rel.length > 0 : rel !== null;
  const v = r.attributes[name];
  return v !== undefined && v !== null;
}

function genericMatch(r: ResourceRecord, name: string, values: string[], isRelationship: boolean): boolean {
  if (name === 'id') return values.includes(r.id);
  if (isRelationship) {
    const rel = r.relationships[name];
    const ids = rel ? (Array.isArray(rel) ? rel : [rel]).map((l) => l.id) : [];
    return ids.some((id) => values.includes(id));
  }
  const v = r.attributes[name];
  return v !== undefined && v !== null && values.includes(String(v));
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

function applySort(ctx: HandlerContext, records: ResourceRecord[]): ResourceRecord[] {
  const keys = ctx.query.list('sort');
  if (!keys?.length) return records;
  return [...records].sort((x, y) => {
    for (const key of keys) {
      const desc = key.startsWith('-');
      const name = desc ? key.slice(1) : key;
      const c = compare(x.attributes[name], y.attributes[name]);
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}

/** Answers a collection GET over `records` (already scoped, e.g. to one app). */
export function listResources(ctx: HandlerContext, type: string, records: ResourceRecord[]): Reply {
  const page = readPage(ctx.query, ctx.limitMaximum);
  const all = applySort(ctx, applyFilters(ctx, type, records));
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  const selfQuery = encodeQuery(new URLSearchParams(ctx.rawQuery));
  const doc = collectionDocument(
    {
      records: all.slice(page.offset, page.offset + page.limit),
      total: all.length,
      limit: page.limit,
      selfUrl: `${ctx.origin}${ctx.pathname}${selfQuery ? `?${selfQuery}` : ''}`,
      nextUrl: nextLink(ctx.origin, ctx.pathname, ctx.query, page, all.length),
    },
    dc,
  );
  return { status: 200, json: doc };
}
