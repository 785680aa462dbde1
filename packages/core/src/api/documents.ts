/** Whole collections with their `included` resources, and the linkage helpers the api/ functions share. */
import type { AscClient } from '../http/client.js';
import type { PaginateOptions } from '../http/paginate.js';
import type { Query } from '../http/types.js';

export interface WriteOptions {
  /** The caller vouches that sending the write twice is harmless (see HttpRequest.safeToRetry). */
  safeToRetry?: boolean;
}

/** A whole collection: every page's `data` and `included`, in order. */
export interface CollectedDocument<T> {
  data: T[];
  included: unknown[];
}

export async function collect<T>(
  client: AscClient,
  path: string,
  query: Query = {},
  options: PaginateOptions = {},
): Promise<CollectedDocument<T>> {
  const out: CollectedDocument<T> = { data: [], included: [] };
  for await (const page of client.paginatePages<T>(path, query, options)) {
    out.data.push(...(page.data ?? []));
    out.included.push(...(page.included ?? []));
  }
  return out;
}

/** The included resources of one type, by id. */
export function includedOfType<T extends { type: string; id: string }>(
  included: readonly unknown[],
  type: T['type'],
): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of included) {
    const r = item as T;
    if (r && r.type === type && typeof r.id === 'string') out.set(r.id, r);
  }
  return out;
}

/** Ids of a relationship's linkage (to-one or to-many), empty when absent. */
export function linkedIds(relationship: { data?: unknown } | undefined): string[] {
  const data = relationship?.data;
  if (!data) return [];
  return (Array.isArray(data) ? data : [data])
    .map((l) => (l as { id: string }).id)
    .filter((id) => typeof id === 'string');
}
