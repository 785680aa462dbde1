import { gunzipSync } from 'node:zlib';
import { makeApps } from '@asc-actions/asc-emulator';
import { ApiError, NetworkError, NotFoundError, ServerError } from '../../src/errors.js';
import { harness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

describe('client against the emulator', () => {
  test('follows links.next across three pages with limit=200', async () => {
    h = await harness({ emulator: { seed: { apps: makeApps(450) } } });
    const ids: string[] = [];
    for await (const app of h.client.paginate<{ id: string }>('/v1/apps', { 'fields[apps]': ['bundleId'] }))
      ids.push(app.id);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
    const t = h.emulator.transcript();
    expect(t).toHaveLength(3);
    expect(t[0]).toBe('GET /v1/apps?limit=200&fields[apps]=bundleId');
    expect(t[1]).toMatch(/^GET \/v1\/apps\?.*cursor=/);
    expect(t[2]).toMatch(/^GET \/v1\/apps\?.*cursor=/);
  });

  test("stops at the caller's cap", async () => {
    h = await harness({ emulator: { seed: { apps: makeApps(450) } } });
    const ids: string[] = [];
    for await (const app of h.client.paginate<{ id: string }>('/v1/apps', {}, { maxItems: 250 })) ids.push(app.id);
    expect(ids).toHaveLength(250);
    expect(h.emulator.transcript()).toHaveLength(2);
  });

  test('honours Retry-After on 429 using the virtual clock', async () => {
    h = await harness();
    h.emulator.faults.add({ path: '/v1/apps', kind: 'rate-limit', retryAfter: '7' });
    const res = await h.client.get<{ data: unknown[] }>('/v1/apps', { limit: 1 });
    expect(res.status).toBe(200);
    expect(h.clock.sleeps).toContain(7000);
    expect(h.emulator.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  test('honours Retry-After given as an HTTP date', async () => {
    h = await harness();
    const at = new Date(h.clock.now() + 30_000).toUTCString();
    h.emulator.faults.add({ path: '/v1/apps', kind: 'rate-limit', retryAfter: at });
    await h.client.get('/v1/apps', { limit: 1 });
    expect(h.clock.sleeps[0]).toBeGreaterThanOrEqual(29_000);
    expect(h.clock.sleeps[0]).toBeLessThanOrEqual(30_000);
  });

  test('retries a GET after 503 and gets the 200', async () => {
    h = await harness();
    h.emulator.faults.add({ path: '/v1/apps', kind: 'status', status: 503, times: 2 });
    const res = await h.client.get('/v1/apps', { limit: 1 });
    expect(res.status).toBe(200);
    expect(h.emulator.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(h.clock.sleeps).toHaveLength(2);
    expect(h.clock.sleeps[1]!).toBeGreaterThan(h.clock.sleeps[0]!);
  });

  test('gives up after the attempt budget with a ServerError', async () => {
    h = await harness({ client: { retry: { maxAttempts: 3, random: () => 0.5 } } });
    h.emulator.faults.add({ path: '/v1/apps', kind: 'status', status: 500, times: Infinity });
    await expect(h.client.get('/v1/apps')).rejects.toBeInstanceOf(ServerError);
    expect(h.emulator.requests).toHaveLength(3);
  });

  test('does not retry a POST after a 500 unless the caller marks it safe', async () => {
    h = await harness();
    const appId = h.emulator.state.apps()[0]!.id;
    const body = betaGroup(appId, 'External');
    h.emulator.faults.add({ method: 'POST', path: '/v1/betaGroups', kind: 'status', status: 500 });
    await expect(h.client.post('/v1/betaGroups', body)).rejects.toBeInstanceOf(ServerError);
    expect(h.emulator.transcript()).toEqual(['POST /v1/betaGroups']);

    h.emulator.faults.add({ method: 'POST', path: '/v1/betaGroups', kind: 'status', status: 500 });
    const res = await h.client.post('/v1/betaGroups', body, { safeToRetry: true });
    expect(res.status).toBe(201);
    expect(h.emulator.transcript()).toEqual(['POST /v1/betaGroups', 'POST /v1/betaGroups', 'POST /v1/betaGroups']);
  });

  test('a connection dropped after a write is applied does not double-write', async () => {
    h = await harness();
    const appId = h.emulator.state.apps()[0]!.id;
    const before = await countGroups(h, appId);
    h.emulator.faults.add({ method: 'POST', path: '/v1/betaGroups', kind: 'drop-after' });
    const error = await h.client.post('/v1/betaGroups', betaGroup(appId, 'Dropped')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).maybeApplied).toBe(true);
    expect(await countGroups(h, appId)).toBe(before + 1);
    expect(h.emulator.transcript().filter((l) => l.startsWith('POST'))).toHaveLength(1);
  });

  test('a connection dropped before a GET is answered is retried', async () => {
    h = await harness();
    h.emulator.faults.add({ path: '/v1/apps', kind: 'drop-before' });
    const res = await h.client.get('/v1/apps', { limit: 1 });
    expect(res.status).toBe(200);
    expect(h.emulator.requests.length).toBeGreaterThanOrEqual(2);
  });

  test('re-signs tokens across a simulated 45 minutes without a 401 reaching the caller', async () => {
    h = await harness();
    for (let minute = 0; minute <= 45; minute++) {
      await h.client.get('/v1/apps', { limit: 1 });
      h.clock.advance(60_000);
    }
    expect(h.emulator.requests.every((r) => r.status === 200)).toBe(true);
    expect(h.emulator.requests).toHaveLength(46);
    // 20-minute tokens renewed 2 minutes early: a new signature every 18 minutes.
    expect(h.tokens.signatures).toBe(3);
  });

  test('an expired token (401) is re-signed once and the request succeeds', async () => {
    h = await harness();
    h.emulator.faults.add({ path: '/v1/apps', kind: 'expired-token' });
    const res = await h.client.get('/v1/apps', { limit: 1 });
    expect(res.status).toBe(200);
    expect(h.tokens.signatures).toBe(2);
    expect(h.emulator.requests.map((r) => r.status)).toEqual([401, 200]);
  });

  test('slows down when user-hour-rem runs low', async () => {
    h = await harness();
    await h.client.get('/v1/apps', { limit: 1 });
    expect(h.clock.slept).toBe(0);
    h.emulator.setRateLimit({ limit: 3600, remaining: 40 });
    await h.client.get('/v1/apps', { limit: 1 });
    await h.client.get('/v1/apps', { limit: 1 });
    await h.client.get('/v1/apps', { limit: 1 });
    expect(h.client.rateLimit.limit).toBe(3600);
    expect(h.client.rateLimit.remaining).toBeLessThan(40);
    expect(h.clock.slept).toBeGreaterThan(0);
    expect(h.client.rateLimit.pacedMs).toBe(h.clock.slept);
  });

  test('downloads a gzip report as bytes', async () => {
    h = await harness();
    const key = h.emulator.state.salesReportKeys()[0]!;
    const bytes = await h.client.getBinary('/v1/salesReports', key);
    const tsv = gunzipSync(bytes).toString('utf8');
    expect(tsv.split('\n')[0]).toContain('Provider');
  });

  test("errors are typed by status, carry Apple's errors and no Authorization", async () => {
    h = await harness();
    const error = await h.client.get('/v1/apps/does-not-exist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const api = error as ApiError;
    expect(api.status).toBe(404);
    expect(api.errors[0]?.code).toBe('NOT_FOUND');
    expect(JSON.stringify({ ...api, message: api.message })).not.toMatch(/Bearer|eyJ/);
    expect(api.request.headers?.authorization ?? '[REDACTED]').toBe('[REDACTED]');
    expect(String(api.stack)).not.toMatch(/Bearer|eyJ/);
  });
});

function betaGroup(appId: string, name: string) {
  return {
    data: { type: 'betaGroups', attributes: { name }, relationships: { app: { data: { type: 'apps', id: appId } } } },
  };
}

async function countGroups(h: Harness, appId: string): Promise<number> {
  let n = 0;
  for await (const _ of h.client.paginate(`/v1/apps/${appId}/betaGroups`)) n++;
  return n;
}
