import { UnexpectedResponseError } from '../errors.js';
import type { HttpRequest, HttpResponse, Query } from './types.js';

export interface PageDocument<T> {
  data: T[];
  included?: unknown[];
  links?: { self?: string; next?: string };
  meta?: { paging?: { total?: number; limit?: number; nextCursor?: string } };
}

export interface PaginateOptions {
  /** Stop after this many items (the cap a caller gives; default 10,000). */
  maxItems?: number;
  /** Stop after this many pages (default 1,000). */
  maxPages?: number;
  /** Page size for the first request (default 200, Apple's maximum on almost every list). */
  limit?: number;
}

/**
 * Walks a collection page by page. The first request carries `limit`; later ones follow
 * `links.next` exactly as Apple returned it (the cursor lives there). The transport refuses a
 * `next` on another origin, so the token never leaves the API origin.
 */
export async function* paginatePages<T>(
  send: (request: HttpRequest) => Promise<HttpResponse>,
  path: string,
  query: Query = {},
  options: PaginateOptions = {},
): AsyncGenerator<PageDocument<T>> {
  const maxPages = options.maxPages ?? 1000;
  let request: HttpRequest = { method: 'GET', url: path, query: { limit: options.limit ?? 200, ...query } };
  // A `links.next` seen before would walk the same pages forever: it stops with a clear error.
  const seen = new Set<string>();
  for (let page = 1; page <= maxPages; page++) {
    const response = await send(request);
    const doc = response.data as PageDocument<T>;
    yield doc;
    const next = doc.links?.next;
    if (!next) return;
    if (seen.has(next))
      throw new UnexpectedResponseError(
        `page ${page} of ${path.split('?')[0]} links to a page it had already given (links.next repeats); the listing was stopped.`,
      );
    seen.add(next);
    request = { method: 'GET', url: next };
  }
}

/** Yields each resource of a collection, across pages, up to `maxItems`. */
export async function* paginateItems<T>(
  send: (request: HttpRequest) => Promise<HttpResponse>,
  path: string,
  query: Query = {},
  options: PaginateOptions = {},
): AsyncGenerator<T> {
  const maxItems = options.maxItems ?? 10_000;
  let count = 0;
  // A resource listed twice (pages that overlap) is handed out once.
  const ids = new Set<string>();
  for await (const page of paginatePages<T>(send, path, query, options)) {
    for (const item of page.data ?? []) {
      if (count >= maxItems) return;
      const id = (item as { type?: unknown; id?: unknown })?.id;
      if (typeof id === 'string') {
        const key = `${String((item as { type?: unknown }).type)}/${id}`;
        if (ids.has(key)) continue;
        ids.add(key);
      }
      count++;
      yield item;
    }
    if (count >= maxItems) return;
  }
}
