/**
 * Cursor paging as Apple does it: `limit` (default 50, at most the spec's maximum), and a
 * `links.next` that is an absolute URL carrying the original query plus `cursor=<opaque>`.
 *
 * Fidelity: the spec declares no `cursor` parameter, yet Apple's next links carry one; the
 * emulator follows reality (see contract/enforce.ts). Apple's cursors look like base64 of
 * `{"offset":"200"}`; clients must treat them as opaque and follow `links.next` verbatim.
 */
import { invalidParameter } from './errors.js';
import type { QueryParams } from './query.js';

export const DEFAULT_LIMIT = 50;
export const DEFAULT_LIMIT_MAXIMUM = 200;

export interface Page {
  offset: number;
  limit: number;
}

export function readPage(query: QueryParams, limitMaximum: number): Page {
  return { limit: readLimit(query, limitMaximum), offset: readCursor(query) };
}

function readLimit(query: QueryParams, maximum: number): number {
  const raw = query.get('limit');
  if (raw === undefined) return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1) {
    throw invalidParameter(
      'limit',
      `'${raw}' is not a valid value for the parameter 'limit'. The value must be an integer greater than 0.`,
    );
  }
  if (n > maximum) {
    throw invalidParameter(
      'limit',
      `'${raw}' is not a valid value for the parameter 'limit'. The value must be less than or equal to ${maximum}.`,
    );
  }
  return n;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset: String(offset) })).toString('base64url');
}

function readCursor(query: QueryParams): number {
  const raw = query.get('cursor');
  if (raw === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { offset?: unknown };
    const offset = Number(parsed.offset);
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through
  }
  throw invalidParameter('cursor', `'${raw}' is not a valid value for the parameter 'cursor'.`);
}

/** The absolute next-page URL, or undefined on the last page. */
export function nextLink(
  origin: string,
  pathname: string,
  query: QueryParams,
  page: Page,
  total: number,
): string | undefined {
  const nextOffset = page.offset + page.limit;
  if (nextOffset >= total) return undefined;
  return `${origin}${pathname}?${query.with('cursor', encodeCursor(nextOffset))}`;
}
