/**
 * What an action changed in App Store Connect during this run: every write (POST, PATCH, PUT,
 * DELETE) that was answered 2xx, as `METHOD /path` without query, body or host. runAction
 * starts a fresh journal per run and shows it in the job summary when the run fails, so a
 * failure says what was done and what was not.
 */
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

/** A fetch that records the writes it sees answered 2xx. */
export function journaledFetch(inner: typeof fetch, apiOrigin: string): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (response.ok) recordWrite(method, input instanceof Request ? input.url : String(input), apiOrigin);
    return response;
  };
}
