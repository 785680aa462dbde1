import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake of the GitHub Actions cache service, speaking the protocol @actions/cache uses
 * when ACTIONS_CACHE_URL is set (`_apis/artifactcache`: look up, reserve, upload chunks, commit,
 * download). Entries are immutable, keys match exactly first and then by prefix (newest first),
 * and entries are scoped by version (paths + compression), as on GitHub.
 * Runners on github.com now use the v2 service (ACTIONS_RESULTS_URL + blob storage); the
 * library handles both, and this fake covers the v1 protocol only.
 */
export interface CacheEntry {
  key: string;
  version: string;
  data: Buffer;
  createdAt: number;
}

export interface CacheService {
  url: string;
  /** Env vars that point @actions/cache at this service. */
  env: Record<string, string | undefined>;
  entries: CacheEntry[];
  /** `METHOD path` of every request, for assertions. */
  requests: string[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startCacheService(): Promise<CacheService> {
  const entries: CacheEntry[] = [];
  const requests: string[] = [];
  const reserved = new Map<number, { key: string; version: string; parts: Array<{ start: number; data: Buffer }> }>();
  let nextId = 1;
  let clock = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://cache');
    const body = await readBody(req);
    requests.push(`${req.method} ${url.pathname}`);
    const json = (status: number, value?: unknown) => {
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(value === undefined ? undefined : JSON.stringify(value));
    };
    const path = url.pathname.replace(/^\/_apis\/artifactcache\//, '');
    if (req.method === 'GET' && path === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(Boolean);
      const version = url.searchParams.get('version') ?? '';
      const found = lookup(entries, keys, version);
      if (!found) return json(204);
      return json(200, {
        cacheKey: found.key,
        scope: 'refs/heads/main',
        creationTime: new Date(found.createdAt).toISOString(),
        archiveLocation: `${base}/_blob/${entries.indexOf(found)}`,
      });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/_blob/')) {
      const entry = entries[Number(url.pathname.slice('/_blob/'.length))];
      if (!entry) return json(404);
      res
        .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(entry.data.length) })
        .end(entry.data);
      return;
    }
    if (req.method === 'POST' && path === 'caches') {
      const { key, version } = JSON.parse(body.toString()) as { key: string; version: string };
      const taken =
        entries.some((e) => e.key === key && e.version === version) ||
        [...reserved.values()].some((r) => r.key === key && r.version === version);
      if (taken)
        return json(409, { message: `Cache already exists. Scope: refs/heads/main, Key: ${key}, Version: ${version}` });
      const cacheId = nextId++;
      reserved.set(cacheId, { key, version, parts: [] });
      return json(201, { cacheId });
    }
    const id = Number(/^caches\/(\d+)$/.exec(path)?.[1]);
    const pending = reserved.get(id);
    if (req.method === 'PATCH' && pending) {
      const start = Number(/bytes (\d+)-/.exec(req.headers['content-range'] ?? '')?.[1] ?? 0);
      pending.parts.push({ start, data: body });
      return json(204);
    }
    if (req.method === 'POST' && pending) {
      const data = Buffer.concat(pending.parts.sort((a, b) => a.start - b.start).map((p) => p.data));
      const { size } = JSON.parse(body.toString()) as { size: number };
      if (size !== data.length)
        return json(400, { message: `size ${size} does not match the ${data.length} bytes uploaded` });
      reserved.delete(id);
      entries.push({ key: pending.key, version: pending.version, data, createdAt: ++clock });
      return json(204);
    }
    json(404, { message: `fake cache service: no route for ${req.method} ${url.pathname}` });
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    env: {
      ACTIONS_CACHE_URL: `${base}/`,
      ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token',
      ACTIONS_CACHE_SERVICE_V2: undefined,
      ACTIONS_RESULTS_URL: undefined,
      GITHUB_SERVER_URL: 'https://github.com',
    },
    entries,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first key matched exactly, then as a prefix (newest entry first), within one version. */
function lookup(entries: CacheEntry[], keys: string[], version: string): CacheEntry | undefined {
  const candidates = entries.filter((e) => e.version === version).sort((a, b) => b.createdAt - a.createdAt);
  const [primary, ...restore] = keys;
  const exact = candidates.find((e) => e.key === primary);
  if (exact) return exact;
  for (const prefix of [primary ?? '', ...restore]) {
    const hit = candidates.find((e) => e.key.startsWith(prefix));
    if (hit) return hit;
  }
  return undefined;
}
