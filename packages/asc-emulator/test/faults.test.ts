import { request } from 'node:http';
import { DEMO_APP_ID } from '../src/index.js';
import { betaGroupBody, firstError, harness, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.emu.close());
beforeEach(() => {
  h.emu.faults.clear();
  h.emu.requests.length = 0;
});
afterEach(() => {
  expect(h.emu.violations).toEqual([]);
});

test("'status' answers the status with an Apple error body, `times` times (default 1)", async () => {
  h.emu.faults.add({ path: '/v1/apps', kind: 'status', times: 2 });
  h.emu.faults.add({ path: '/v1/apps', kind: 'status', status: 500 });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await h.get('/v1/apps?limit=1')).status);
  expect(statuses).toEqual([503, 503, 500, 200]);
  expect(h.emu.faults.pending()).toEqual([]);
});

test('faults match method and path (string exact, RegExp tested)', async () => {
  h.emu.faults.add({ method: 'POST', path: /^\/v1\/betaGroups/, kind: 'status', status: 502, times: Infinity });
  expect((await h.get('/v1/betaGroups?limit=1')).status).toBe(200);
  expect((await h.get(`/v1/apps/${DEMO_APP_ID}/betaGroups`)).status).toBe(200);
  const res = await h.send('POST', '/v1/betaGroups', betaGroupBody(DEMO_APP_ID, 'Never'));
  expect(res.status).toBe(502);
  expect(await firstError(res)).toMatchObject({ status: '502', code: 'UNEXPECTED_ERROR' });
  expect(h.emu.faults.pending()).toEqual([expect.objectContaining({ kind: 'status', times: Infinity })]);
});

test("'rate-limit' answers 429 with Retry-After and Apple's body", async () => {
  h.emu.faults.add({ path: '/v1/apps', kind: 'rate-limit', retryAfter: '7' });
  const res = await h.get('/v1/apps?limit=1');
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('7');
  expect(await firstError(res)).toMatchObject({
    code: 'RATE_LIMIT_EXCEEDED',
    title: 'The request rate limit has been reached.',
  });
  expect((await h.get('/v1/apps?limit=1')).status).toBe(200);
  h.emu.faults.add({ path: '/v1/apps', kind: 'rate-limit', retryAfter: '' });
  const bare = await h.get('/v1/apps?limit=1');
  expect(bare.status).toBe(429);
  expect(bare.headers.get('retry-after')).toBeNull();
});

test("'expired-token' answers 401 NOT_AUTHORIZED to a valid token", async () => {
  h.emu.faults.add({ kind: 'expired-token' });
  const res = await h.get('/v1/apps?limit=1');
  expect(res.status).toBe(401);
  expect(await firstError(res)).toMatchObject({ code: 'NOT_AUTHORIZED' });
  expect(h.emu.requests[0]).toMatchObject({ authorized: false, authFailure: 'fault: expired-token' });
});

test("'latency' delays the answer", async () => {
  h.emu.faults.add({ path: '/v1/apps', kind: 'latency', latencyMs: 150 });
  const started = performance.now();
  const res = await h.get('/v1/apps?limit=1');
  expect(res.status).toBe(200);
  expect(performance.now() - started).toBeGreaterThanOrEqual(140);
});

test("'drop-before' closes the connection and changes nothing", async () => {
  const before = h.emu.state.betaGroups().length;
  h.emu.faults.add({ method: 'POST', path: '/v1/betaGroups', kind: 'drop-before' });
  await expect(h.send('POST', '/v1/betaGroups', betaGroupBody(DEMO_APP_ID, 'Dropped before'))).rejects.toThrow();
  expect(h.emu.state.betaGroups()).toHaveLength(before);
  expect(h.emu.requests.map((r) => r.status)).toEqual([0]);
});

test("'drop-after' applies the write, then closes the connection without answering", async () => {
  const before = h.emu.state.betaGroups().length;
  h.emu.faults.add({ method: 'POST', path: '/v1/betaGroups', kind: 'drop-after' });
  await expect(h.send('POST', '/v1/betaGroups', betaGroupBody(DEMO_APP_ID, 'Dropped after'))).rejects.toThrow();
  expect(h.emu.state.betaGroups()).toHaveLength(before + 1);
  expect(h.emu.state.betaGroups().map((g) => g.attributes.name)).toContain('Dropped after');
  expect(h.emu.transcript()).toEqual(['POST /v1/betaGroups']);
});

test('a dropped connection is a socket error to a plain http client too', async () => {
  h.emu.faults.add({ kind: 'drop-before' });
  const token = await h.token();
  const error = await new Promise<Error>((resolve) => {
    const req = request(`${h.emu.baseUrl}/v1/apps`, { headers: { Authorization: `Bearer ${token}` } }, () =>
      resolve(new Error('answered')),
    );
    req.on('error', resolve);
    req.end();
  });
  expect(error.message).toMatch(/socket hang up|ECONNRESET/);
});

describe('faults.random: the seeded soak', () => {
  const statusesOf = async (seed: number): Promise<number[]> => {
    h.emu.faults.clear();
    h.emu.faults.random({ seed, rate: 0.3, kinds: [{ kind: 'status', status: 500 }, { kind: 'rate-limit' }] });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await h.get(`/v1/apps?limit=${1 + (i % 3)}`)).status);
    return statuses;
  };

  test('the same seed faults the same requests; another seed others; about `rate` of them', async () => {
    const a = await statusesOf(7);
    const b = await statusesOf(7);
    const c = await statusesOf(8);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    const faulted = [...a, ...c].filter((s) => s !== 200).length;
    expect(faulted).toBeGreaterThan(6);
    expect(faulted).toBeLessThan(36);
    expect(new Set([...a, ...c])).toEqual(new Set([200, 500, 429]));
  });

  test('the log lists each fault as it fired; path and method narrow the soak; clear stops it', async () => {
    const log = h.emu.faults.random({
      seed: 1,
      rate: 1,
      kinds: [{ kind: 'status', status: 503 }],
      method: 'GET',
      path: '/v1/apps',
    });
    expect((await h.get('/v1/apps?limit=1')).status).toBe(503);
    expect((await h.get('/v1/betaGroups?limit=1')).status).toBe(200);
    expect(log).toEqual([{ kind: 'status', status: 503, method: 'GET', path: '/v1/apps', query: 'limit=1' }]);
    h.emu.faults.clear();
    expect((await h.get('/v1/apps?limit=1')).status).toBe(200);
    expect(log).toHaveLength(1);
  });

  test('kinds may depend on the request; a rate outside 0..1 is refused', async () => {
    const log = h.emu.faults.random({
      seed: 2,
      rate: 1,
      kinds: ({ pathname }) => (pathname === '/v1/apps' ? [{ kind: 'status', status: 502 }] : []),
    });
    expect((await h.get('/v1/apps?limit=1')).status).toBe(502);
    expect((await h.get('/v1/betaGroups?limit=1')).status).toBe(200);
    expect(log.map((f) => f.path)).toEqual(['/v1/apps']);
    expect(() => h.emu.faults.random({ seed: 1, rate: 1.5, kinds: [] })).toThrow(/rate/);
  });
});
