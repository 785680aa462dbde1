/**
 * The default exchange (node:http) against a loopback server: what fetch did and the transport
 * relies on (decoding, no redirects followed, null bodies, timeouts, connection errors), and
 * that a client request loads none of Node's fetch machinery.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { NetworkError } from '../../src/errors.js';
import { bodyStream, nodeExchange, type ExchangeInit } from '../../src/http/exchange.js';
import { createTransport } from '../../src/http/transport.js';
import { REPO_ROOT } from '../../../../test-support/runner.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(() => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const init = (over: Partial<ExchangeInit> = {}): ExchangeInit => ({
  method: 'GET',
  headers: {},
  redirect: 'manual',
  signal: AbortSignal.timeout(5_000),
  ...over,
});

async function text(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

test.each([
  ['gzip', gzipSync],
  ['deflate', deflateSync],
  ['br', brotliCompressSync],
])('a %s-encoded answer is decoded, as fetch decodes it', async (encoding, encode) => {
  const base = await serve((_req, res) => {
    res.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/json' });
    res.end(encode(Buffer.from('{"data":[]}')));
  });
  const answer = await nodeExchange(`${base}/x`, init());
  expect(answer.headers.get('Content-Type')).toBe('application/json');
  expect(await text(answer.body)).toBe('{"data":[]}');
});

test('a body that does not decode fails the read and drops the connection', async () => {
  let closed: Promise<void> = Promise.resolve();
  const base = await serve((req, res) => {
    closed = new Promise((resolve) => req.socket.once('close', () => resolve()));
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
    res.write(Buffer.from('this is not gzip'));
  });
  const send = createTransport({ baseUrl: base });
  const failed = await send({ method: 'GET', url: '/v1/apps' }).catch((e: unknown) => e);
  expect(failed).toBeInstanceOf(NetworkError);
  expect((failed as Error).message).toMatch(/connection lost while reading the response/);
  await closed;
});

test('the request carries its headers and a Content-Length for its body, and nothing is added', async () => {
  let seen: IncomingMessage['headers'] = {};
  let received = '';
  const base = await serve((req, res) => {
    seen = req.headers;
    req.on('data', (c: Buffer) => (received += c.toString()));
    req.on('end', () => res.end());
  });
  const body = '{"a":"é"}';
  const answer = await nodeExchange(`${base}/x`, init({ method: 'PATCH', headers: { 'x-one': '1' }, body }));
  expect(answer.status).toBe(200);
  expect(received).toBe(body);
  expect(seen['content-length']).toBe(String(Buffer.byteLength(body)));
  expect(Object.keys(seen).sort()).toEqual(['connection', 'content-length', 'host', 'x-one']);
});

test('a redirect is answered as it is, not followed; repeated headers are joined', async () => {
  const base = await serve((_req, res) => {
    res.setHeader('location', '/elsewhere');
    res.setHeader('x-many', ['a', 'b']);
    res.writeHead(302);
    res.end();
  });
  const answer = await nodeExchange(`${base}/x`, init());
  expect(answer.status).toBe(302);
  expect(answer.ok).toBe(false);
  expect(answer.headers.get('location')).toBe('/elsewhere');
  expect(answer.headers.get('x-many')).toBe('a, b');
  expect(answer.headers.get('x-none')).toBeNull();
});

test('204 and HEAD answers have no body', async () => {
  const base = await serve((req, res) => {
    res.writeHead(req.method === 'HEAD' ? 200 : 204, { 'content-length': req.method === 'HEAD' ? '10' : '0' });
    res.end();
  });
  expect((await nodeExchange(`${base}/x`, init({ method: 'DELETE' }))).body).toBeNull();
  expect((await nodeExchange(`${base}/x`, init({ method: 'HEAD' }))).body).toBeNull();
});

test('a cancelled body drops the connection; a streamed body is a Node stream', async () => {
  const base = await serve((_req, res) => {
    res.writeHead(200);
    res.write(Buffer.alloc(64 * 1024, 1));
  });
  const answer = await nodeExchange(`${base}/x`, init());
  expect(bodyStream(answer.body!).readable).toBe(true);
  await (answer.body as { cancel(): Promise<void> }).cancel();
  expect(bodyStream(answer.body!).destroyed).toBe(true);
});

test('through the transport: a timeout and a refused connection are NetworkErrors with their cause', async () => {
  const base = await serve(() => undefined);
  const slow = createTransport({ baseUrl: base, timeoutMs: 200 });
  const timedOut = await slow({ method: 'GET', url: '/v1/apps' }).catch((e: unknown) => e);
  expect(timedOut).toBeInstanceOf(NetworkError);
  expect((timedOut as NetworkError).message).toMatch(/timed out after 200 ms/);
  await close?.();
  close = undefined;
  const refused = await slow({ method: 'POST', url: '/v1/apps', json: {} }).catch((e: unknown) => e);
  expect((refused as NetworkError).message).toMatch(/network error \(ECONNREFUSED\)/);
  expect((refused as NetworkError & { maybeApplied?: boolean }).maybeApplied).toBe(false);
});

test("a client request loads none of Node's fetch machinery (its start-up cost is the reason for node:http)", () => {
  const script = `
    import { createServer } from 'node:http';
    import { createTransport } from './packages/core/src/http/transport.ts';
    const server = createServer((q, r) => { r.setHeader('content-type', 'application/json'); r.end('{"data":[]}'); });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const send = createTransport({ baseUrl: 'http://127.0.0.1:' + server.address().port });
    const answer = await send({ method: 'GET', url: '/v1/apps' });
    server.close();
    console.log(JSON.stringify({ data: answer.data, undici: process.moduleLoadList.filter((m) => /undici/.test(m)) }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  expect(JSON.parse(out)).toEqual({ data: { data: [] }, undici: [] });
});
