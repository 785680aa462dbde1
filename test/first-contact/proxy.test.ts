/**
 * Point 5: HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured for App Store Connect (a bundle run
 * through a CONNECT proxy on loopback) and for pre-signed upload URLs (the transport the upload
 * steps use, through the same proxy, without an Authorization header).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeApps, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { createTransport } from '../../packages/core/src/http/transport.js';
import { defaultExchange, describeProxy, proxyFor } from '../../packages/core/src/http/proxy.js';
import { nodeExchange } from '../../packages/core/src/http/exchange.js';
import { startConnectProxy, type ConnectProxy } from '../../test-support/connect-proxy.js';
import { generateTestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { runBundle } from '../../test-support/runner.js';

const key = generateTestKey();
let emulator: Emulator;
let proxy: ConnectProxy;

beforeEach(async () => {
  emulator = await startEmulator({ seed: { apps: makeApps(2) } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  proxy = await startConnectProxy();
});
afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  await Promise.all([emulator.close(), proxy.close()]);
});

const inputs = () => ({
  'key-id': key.keyId,
  'issuer-id': key.issuerId,
  'private-key': key.privatePem,
  'api-base-url': emulator.baseUrl,
});
const apiHost = () => new URL(emulator.baseUrl).host;

test('the bundle tunnels every API request through HTTPS_PROXY/HTTP_PROXY and says so without the proxy password', async () => {
  const withPassword = proxy.url.replace('http://', 'http://build:s3cret-proxy-pw@');
  const result = await runBundle('check-credentials', {
    inputs: inputs(),
    env: { HTTPS_PROXY: withPassword, HTTP_PROXY: withPassword },
    secrets: [...keyEncodings(key.privatePem), 's3cret-proxy-pw'],
  });
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.outputs['apps-visible']).toBe('2');
  expect(proxy.tunnels.length).toBeGreaterThan(0);
  expect(new Set(proxy.tunnels)).toEqual(new Set([apiHost()]));
  expect(result.stdout).toContain(
    `Requests to App Store Connect and upload URLs go through the proxy: HTTPS_PROXY=${proxy.url}, HTTP_PROXY=${proxy.url}.`,
  );
});

test('lower-case names work too, and NO_PROXY sends matching hosts direct', async () => {
  const viaLower = await runBundle('check-credentials', {
    inputs: inputs(),
    env: { http_proxy: proxy.url },
    secrets: keyEncodings(key.privatePem),
  });
  expect(viaLower.exitCode).toBe(0);
  expect(proxy.tunnels).toEqual([apiHost()]);
  const direct = await runBundle('check-credentials', {
    inputs: inputs(),
    env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1,localhost' },
    secrets: keyEncodings(key.privatePem),
  });
  expect(direct.exitCode).toBe(0);
  expect(direct.stdout).toContain('; NO_PROXY=127.0.0.1,localhost.');
  expect(proxy.tunnels).toEqual([apiHost()]);
});

test('a pre-signed upload URL on another host goes through the proxy, with no Authorization header', async () => {
  const seen: Array<{ method?: string; headers: IncomingHttpHeaders; bytes: number }> = [];
  const storage = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (d: Buffer) => (bytes += d.length));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, bytes });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => storage.listen(0, 'localhost', resolve));
  try {
    const port = (storage.address() as AddressInfo).port;
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };
    expect(describeProxy(env)).toBe(`HTTPS_PROXY=${proxy.url}, HTTP_PROXY=${proxy.url}`);
    const send = createTransport({ baseUrl: emulator.baseUrl, fetch: defaultExchange(env) });
    const response = await send({
      method: 'PUT',
      url: `http://localhost:${port}/upload/part-1?X-Amz-Signature=abc`,
      body: new Uint8Array(1024),
      auth: false,
      responseType: 'binary',
    });
    expect(response.status).toBe(200);
    expect(proxy.tunnels).toEqual([`localhost:${port}`]);
    expect(seen).toEqual([expect.objectContaining({ method: 'PUT', bytes: 1024 })]);
    expect(seen[0]!.headers.authorization).toBeUndefined();
  } finally {
    await new Promise<void>((resolve) => storage.close(() => resolve()));
  }
});

test('without proxy variables the transport uses node:http (nodeExchange)', () => {
  expect(defaultExchange({})).toBe(nodeExchange);
  expect(describeProxy({})).toBeUndefined();
});

test.each([
  ['https://api.appstoreconnect.apple.com/v1/apps', { HTTPS_PROXY: 'http://p:3128' }, 'http://p:3128'],
  ['https://api.appstoreconnect.apple.com/v1/apps', { HTTP_PROXY: 'http://p:3128' }, 'http://p:3128'],
  ['http://127.0.0.1:4010/v1/apps', { HTTPS_PROXY: 'http://p:3128' }, undefined],
  [
    'https://api.appstoreconnect.apple.com/',
    { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' },
    'http://lower:1',
  ],
  ['https://api.appstoreconnect.apple.com/', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.apple.com' }, undefined],
  ['https://api.appstoreconnect.apple.com/', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'apple.com' }, undefined],
  ['https://api.appstoreconnect.apple.com/', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*.apple.com' }, undefined],
  [
    'https://api.appstoreconnect.apple.com/',
    { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'notapple.com, example.com' },
    'http://p:1',
  ],
  ['https://uploads.example.net/x', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'example.net:8443' }, 'http://p:1'],
  ['https://uploads.example.net:8443/x', { HTTPS_PROXY: 'http://p:1', no_proxy: 'example.net:8443' }, undefined],
  ['https://anything/', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' }, undefined],
])('proxyFor(%s, %j) = %p', (url, env, expected) => {
  expect(proxyFor(new URL(url), env)).toBe(expected);
});
