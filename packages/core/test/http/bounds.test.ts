/**
 * Network bounds against a hostile server on loopback: a huge JSON answer, a 200 that is not
 * JSON:API, a links.next that repeats, overlapping pages, Retry-After waits and the retry budget.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VirtualClock } from '../../src/clock.js';
import { RetryBudgetError, UnexpectedResponseError } from '../../src/errors.js';
import { createAscClient } from '../../src/http/client.js';
import { MAX_JSON_RESPONSE_BYTES } from '../../src/http/transport.js';
import type { Logger } from '../../src/logger.js';

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function serve(handler: Handler): Promise<string> {
  let base = '';
  const server = createServer((req, res) => handler(req, res, base));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(() => r()));
  return base;
}

const tokens = { getToken: async () => 'test-token', invalidate() {} };
function client(baseUrl: string, extra: { budgetMs?: number } = {}) {
  const info: string[] = [];
  const logger: Logger = { debug() {}, info: (m) => void info.push(m), warning() {} };
  const clock = new VirtualClock(Date.parse('2026-12-01T00:00:00Z'));
  return { info, clock, c: createAscClient({ tokens, baseUrl, clock, logger, retry: { budgetMs: extra.budgetMs } }) };
}
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

test('a JSON answer over the cap is abandoned, not read into memory', async () => {
  let sent = 0;
  const base = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1 << 20, 0x20);
    const push = () => {
      while (sent <= MAX_JSON_RESPONSE_BYTES * 4) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    push();
  });
  const { c } = client(base);
  const before = process.memoryUsage().arrayBuffers;
  await expect(c.get('/v1/apps')).rejects.toThrow(
    new UnexpectedResponseError('GET /v1/apps answered 200 with a body over 32 MB; it was not read.'),
  );
  expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(MAX_JSON_RESPONSE_BYTES * 2);
});

test('a 200 that is not JSON:API is "answered something unexpected", never a bug; no content is quoted', async () => {
  const base = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>captive portal SECRET-PAGE</html>');
  });
  const { c } = client(base);
  const error = await c.get('/v1/apps').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnexpectedResponseError);
  expect((error as Error).message).toBe(
    "App Store Connect answered something unexpected: GET /v1/apps answered 200 with text/html (39 bytes) that is not a JSON:API document; nothing was read from it. Check api-base-url, a proxy in between, or Apple's status page.",
  );
});

test('a links.next that repeats stops with a clear error; overlapping pages yield each id once', async () => {
  const base = await serve((req, res, origin) => {
    const page = new URL(req.url!, origin).searchParams.get('cursor');
    if (req.url!.startsWith('/v1/loop'))
      return json(res, 200, {
        data: [{ type: 'apps', id: page ?? '0' }],
        links: { next: `${origin}/v1/loop?cursor=1` },
      });
    const data = page
      ? [
          { type: 'apps', id: 'b' },
          { type: 'apps', id: 'c' },
        ]
      : [
          { type: 'apps', id: 'a' },
          { type: 'apps', id: 'b' },
        ];
    json(res, 200, { data, links: page ? {} : { next: `${origin}/v1/apps?cursor=2` } });
  });
  const { c } = client(base);
  const ids: string[] = [];
  for await (const app of c.paginate<{ id: string }>('/v1/apps')) ids.push(app.id);
  expect(ids).toEqual(['a', 'b', 'c']);
  const looped: string[] = [];
  const error = await (async () => {
    for await (const app of c.paginate<{ id: string }>('/v1/loop')) looped.push(app.id);
  })().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnexpectedResponseError);
  expect((error as Error).message).toMatch(
    /page 2 of \/v1\/loop links to a page it had already given \(links\.next repeats\)/,
  );
  expect(looped).toEqual(['0', '1']);
});

test('Retry-After waits are info lines; the retry budget ends the step with a clear error', async () => {
  let calls = 0;
  const base = await serve((_req, res) => {
    calls++;
    json(
      res,
      429,
      { errors: [{ status: '429', code: 'RATE_LIMIT_EXCEEDED', title: 'Rate limit', detail: 'slow down' }] },
      { 'retry-after': '120' },
    );
  });
  const { c, info, clock } = client(base, { budgetMs: 5 * 60_000 });
  const error = await c.get('/v1/apps').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RetryBudgetError);
  expect((error as Error).message).toBe(
    'GET /v1/apps: HTTP 429, and retrying would wait 2 min more after 4 min of waiting in this step; the retry budget (input "retry-budget", 5 min) is spent. Run again later, or raise retry-budget.',
  );
  expect(info).toEqual([
    'GET /v1/apps: HTTP 429; retry 1/4 in 120000 ms (App Store Connect asked to wait: Retry-After).',
    'GET /v1/apps: HTTP 429; retry 2/4 in 120000 ms (App Store Connect asked to wait: Retry-After).',
  ]);
  expect(calls).toBe(3);
  expect(clock.sleeps.filter((ms) => ms === 120_000)).toHaveLength(2);
});
