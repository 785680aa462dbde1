import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError, NetworkError } from '../../src/errors.js';
import { createAscClient } from '../../src/http/client.js';
import { normalizeApiBaseUrl } from '../../src/http/base-url.js';
import { harness, type Harness } from './harness.js';

/** A bare loopback server standing in for "another origin": it records what reached it. */
async function otherOrigin(): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[],"links":{"self":"x"}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.2', r));
  return { url: `http://127.0.0.2:${(server.address() as AddressInfo).port}`, seen, server };
}

let h: Harness;
let other: Awaited<ReturnType<typeof otherOrigin>>;
beforeEach(async () => {
  other = await otherOrigin();
});
afterEach(async () => {
  await h?.close();
  await new Promise((r) => other.server.close(r));
});

test('a links.next on another origin is refused and the token never leaves the API origin', async () => {
  // The fetch seam rewrites the emulator's next link, as a hostile or misconfigured proxy might.
  const rewriting: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const body = (await res.json()) as { links: { next?: string } };
    if (body.links.next) body.links.next = body.links.next.replace(/^http:\/\/[^/]+/, other.url);
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };
  h = await harness({
    emulator: { seed: { apps: (await import('@asc-actions/asc-emulator')).makeApps(5) } },
    client: { fetch: rewriting },
  });
  const seen: unknown[] = [];
  const walk = async () => {
    for await (const app of h.client.paginate('/v1/apps', {}, { limit: 2 })) seen.push(app);
  };
  await expect(walk()).rejects.toThrow(/refused to send credentials to another origin/);
  expect(seen).toHaveLength(2);
  expect(other.seen).toHaveLength(0);
});

test('a redirect to another origin is refused', async () => {
  const redirector = createServer((req, res) => res.writeHead(302, { location: `${other.url}/v1/apps` }).end());
  await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  h = await harness();
  const client = createAscClient({ tokens: h.tokens, baseUrl: base, clock: h.clock });
  const error = await client.get('/v1/apps').catch((e: unknown) => e);
  await new Promise((r) => redirector.close(r));
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as Error).message).toMatch(/refused a redirect to another origin/);
  expect(other.seen).toHaveLength(0);
});

test('pre-signed upload URLs get no Authorization header', async () => {
  h = await harness();
  const res = await h.client.send({
    method: 'PUT',
    url: `${other.url}/upload/part-1`,
    body: new Uint8Array([1, 2, 3]),
    auth: false,
  });
  expect(res.status).toBe(200);
  expect(other.seen).toHaveLength(1);
  expect(other.seen[0]?.authorization).toBeUndefined();
  expect(h.tokens.signatures).toBe(0);
});

test.each([
  ['https://api.appstoreconnect.apple.com/', 'https://api.appstoreconnect.apple.com'],
  ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
  ['http://localhost:9/', 'http://localhost:9'],
  ['http://[::1]:8080', 'http://[::1]:8080'],
])('api-base-url %s is accepted as %s', (input, expected) => {
  expect(normalizeApiBaseUrl(input)).toBe(expected);
});

test.each([
  ['http://api.appstoreconnect.apple.com', /must use https/],
  ['http://10.0.0.5', /must use https/],
  ['not a url', /absolute URL/],
  ['https://user:pw@example.com', /credentials/],
])('api-base-url %s is refused', (input, message) => {
  expect(() => normalizeApiBaseUrl(input)).toThrow(InputError);
  expect(() => normalizeApiBaseUrl(input)).toThrow(message);
});

test('the concurrency limit is shared by every caller of one client', async () => {
  h = await harness();
  let inFlight = 0;
  let peak = 0;
  const counting: typeof fetch = async (input, init) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    try {
      return await fetch(input, init);
    } finally {
      inFlight--;
    }
  };
  const client = createAscClient({
    tokens: h.tokens,
    baseUrl: h.emulator.baseUrl,
    clock: h.clock,
    fetch: counting,
    concurrency: 2,
  });
  h.emulator.faults.add({ path: '/v1/apps', kind: 'latency', latencyMs: 20, times: Infinity });
  await Promise.all(Array.from({ length: 8 }, () => client.get('/v1/apps', { limit: 1 })));
  expect(peak).toBe(2);
  expect(h.emulator.requests).toHaveLength(8);
});

test('a request that outlives its timeout fails as a timeout and a GET is retried', async () => {
  h = await harness({ client: { timeoutMs: 50, retry: { maxAttempts: 2, random: () => 0.5 } } });
  h.emulator.faults.add({ path: '/v1/apps', kind: 'latency', latencyMs: 300, times: 2 });
  const error = await h.client.get('/v1/apps').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as NetworkError).timedOut).toBe(true);
  expect(h.clock.sleeps).toHaveLength(1);
});
