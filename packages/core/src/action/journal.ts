/**
 * What an action changed in App Store Connect during this run: every write (POST, PATCH, PUT,
 * DELETE) that was answered 2xx, as `METHOD /path` without query, body or host. runAction
 * starts a fresh journal per run and shows it in the job summary when the run fails, so a
 * failure says what was done and what was not.
 */
import type { Exchange } from '../http/exchange.js';

const MAX_ENTRIES = 200;

export interface Journal {
  readonly writes: readonly string[];
  /** Writes past MAX_ENTRIES, counted but not kept. */
  readonly more: number;
}

let current: { writes: string[]; more: number } = { writes: [], more: 0 };

export function startJournal(): void {
  current = { writes: [], more: 0 };
}

export function journal(): Journal {
  return current;
}

/** Records a write that App Store Connect accepted. Pre-signed upload URLs are named by host only. */
export function recordWrite(method: string, url: string, apiOrigin: string): void {
  if (method === 'GET' || method === 'HEAD') return;
  if (current.writes.length >= MAX_ENTRIES) {
    current.more++;
    return;
  }
  const u = new URL(url);
  current.writes.push(u.origin === apiOrigin ? `${method} ${u.pathname}` : `${method} an upload to ${u.host}`);
}

/** An exchange that records the writes it sees answered 2xx. */
export function journaledExchange(inner: Exchange, apiOrigin: string): Exchange {
  return async (url, init) => {
    const response = await inner(url, init);
    if (response.ok) recordWrite(init.method.toUpperCase(), url, apiOrigin);
    return response;
  };
}
