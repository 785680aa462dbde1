/**
 * JSON:API documents as Apple's OpenAPI spec 4.4.1 shapes them: resource objects
 * `{type, id, attributes, relationships, links: {self}}`, single documents `{data, included?,
 * links: {self}}` and collections `{data, included?, links: {self, next?}, meta: {paging}}`.
 * Honours sparse fieldsets (`fields[<type>]`) and `include` of stored relationships.
 */
import type { Linkage, ResourceRecord } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import type { QueryParams } from './query.js';
import type { TypeRegistry } from './resource-types.js';
import { notImplemented } from './errors.js';

export interface DocumentContext {
  origin: string;
  query: QueryParams;
  types: TypeRegistry;
  state: EmulatorState;
}

export function resourceUrl(origin: string, type: string, id: string): string {
  return `${origin}/v1/${type}/${id}`;
}

function wanted(dc: DocumentContext, type: string): (name: string) => boolean {
  const fields = dc.query.list(`fields[${type}]`);
  return fields ? (name) => fields.includes(name) : () => true;
}

/** One resource object; `withData` names relationships whose linkage is shown (the included ones). */
export function resourceObject(
  record: ResourceRecord,
  dc: DocumentContext,
  withData: string[] = [],
): Record<string, unknown> {
  const keep = wanted(dc, record.type);
  const self = resourceUrl(dc.origin, record.type, record.id);
  const attributes = Object.fromEntries(
    Object.entries(record.attributes).filter(([k, v]) => keep(k) && v !== undefined),
  );
  const relationships: Record<string, unknown> = {};
  for (const name of Object.keys(dc.types.get(record.type)?.relationships ?? {})) {
    if (!keep(name)) continue;
    const rel: Record<string, unknown> = {
      links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` },
    };
    // Apple's spec declares included to-one linkage `data` as a non-nullable object: an empty
    // to-one relationship is sent without `data` (to-many: an empty array).
    const linkage = record.relationships[name] ?? (dc.types.get(record.type)?.relationships[name]?.many ? [] : null);
    if (withData.includes(name) && linkage !== null) {
      // An included to-many linkage is cut at an explicit `limit[<name>]`, with the total in
      // `meta.paging` (Apple's shape; its default cut when no limit is given is not modelled).
      const limit = Number(dc.query.list(`limit[${name}]`)?.[0]);
      if (Array.isArray(linkage) && Number.isInteger(limit) && limit > 0) {
        rel.data = linkage.slice(0, limit);
        rel.meta = { paging: { total: linkage.length, limit } };
      } else rel.data = linkage;
    }
    relationships[name] = rel;
  }
  const out: Record<string, unknown> = { type: record.type, id: record.id, attributes };
  if (Object.keys(relationships).length) out.relationships = relationships;
  out.links = { self };
  return out;
}

/** Serializes primary records and the records their `include`d relationships point to. */
function withIncluded(
  records: ResourceRecord[],
  dc: DocumentContext,
): { data: Record<string, unknown>[]; included: Record<string, unknown>[] } {
  const include = dc.query.list('include') ?? [];
  const included = new Map<string, Record<string, unknown>>();
  const data = records.map((record) => {
    const rels = dc.types.get(record.type)?.relationships ?? {};
    for (const name of include) {
      const spec = rels[name];
      if (!spec) throw notImplemented(`include=${name} on ${record.type}`);
      const linkage = record.relationships[name];
      // Only what the linkage shows is included: a to-many cut at `limit[<name>]` includes the cut.
      const limit = Number(dc.query.list(`limit[${name}]`)?.[0]);
      const listed = Array.isArray(linkage) && Number.isInteger(limit) && limit > 0 ? linkage.slice(0, limit) : linkage;
      for (const l of listed ? (Array.isArray(listed) ? listed : [listed]) : []) addIncluded(included, l, dc);
    }
    return resourceObject(record, dc, include);
  });
  return { data, included: [...included.values()] };
}

function addIncluded(included: Map<string, Record<string, unknown>>, l: Linkage, dc: DocumentContext): void {
  const key = `${l.type}/${l.id}`;
  const related = dc.state.get(l.type, l.id);
  if (related && !included.has(key)) included.set(key, resourceObject(related, dc));
}

export function singleDocument(record: ResourceRecord, dc: DocumentContext): Record<string, unknown> {
  const { data, included } = withIncluded([record], dc);
  const doc: Record<string, unknown> = { data: data[0] };
  if (included.length) doc.included = included;
  doc.links = { self: resourceUrl(dc.origin, record.type, record.id) };
  return doc;
}

export interface CollectionPage {
  records: ResourceRecord[];
  total: number;
  limit: number;
  selfUrl: string;
  nextUrl?: string;
}

export function collectionDocument(page: CollectionPage, dc: DocumentContext): Record<string, unknown> {
  const { data, included } = withIncluded(page.records, dc);
  const doc: Record<string, unknown> = { data };
  if (included.length) doc.included = included;
  doc.links = page.nextUrl ? { self: page.selfUrl, next: page.nextUrl } : { self: page.selfUrl };
  doc.meta = { paging: { total: page.total, limit: page.limit } };
  return doc;
}
