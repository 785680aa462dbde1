import { emulatorKey, firstError, harness, newKey, sign, type Harness } from './support/harness.js';

let h: Harness;
afterEach(() => h.emu.close());

function remaining(res: Response): number {
  const header = res.headers.get('x-rate-limit') ?? '';
  const m = /^user-hour-lim:(\d+);user-hour-rem:(\d+);$/.exec(header);
  if (!m) throw new Error(`unexpected X-Rate-Limit: ${header}`);
  return Number(m[2]);
}

test('every authorized answer carries X-Rate-Limit, decreasing per request', async () => {
  h = await harness();
  const first = await h.get('/v1/apps?limit=1');
  expect(first.headers.get('x-rate-limit')).toBe('user-hour-lim:3600;user-hour-rem:3599;');
  const rems = [
    remaining(await h.get('/v1/apps?limit=1')),
    remaining(await h.get('/v1/apps/0')),
    remaining(await h.get('/v1/apps?limit=1')),
  ];
  expect(rems).toEqual([3598, 3597, 3596]); // errors (the 404) count too
});

test('at zero the answer is 429 RATE_LIMIT_EXCEEDED with Retry-After until the hour is over', async () => {
  h = await harness({ rateLimit: { limit: 3, remaining: 2 } });
  expect(remaining(await h.get('/v1/apps?limit=1'))).toBe(1);
  h.clock.advance(10 * 60_000);
  expect(remaining(await h.get('/v1/apps?limit=1'))).toBe(0);
  const limited = await h.get('/v1/apps?limit=1');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe(String(50 * 60));
  expect(limited.headers.get('x-rate-limit')).toBe('user-hour-lim:3;user-hour-rem:0;');
  expect(await firstError(limited)).toMatchObject({ status: '429', code: 'RATE_LIMIT_EXCEEDED' });
  h.clock.advance(50 * 60_000);
  const renewed = await h.get('/v1/apps?limit=1', await h.token());
  expect(renewed.status).toBe(200);
  expect(remaining(renewed)).toBe(2);
  expect(h.emu.violations).toEqual([]);
});

test('each key has its own budget; setRateLimit resets them all', async () => {
  h = await harness();
  const other = newKey('OTHERKEY01');
  h.emu.registerKey(emulatorKey(other));
  await h.get('/v1/apps?limit=1');
  await h.get('/v1/apps?limit=1');
  const otherRes = await h.get('/v1/apps?limit=1', await sign(other, { nowMs: h.clock.now() }));
  expect(remaining(otherRes)).toBe(3599);
  h.emu.setRateLimit({ limit: 500, remaining: 1 });
  const res = await h.get('/v1/apps?limit=1');
  expect(res.headers.get('x-rate-limit')).toBe('user-hour-lim:500;user-hour-rem:0;');
  expect((await h.get('/v1/apps?limit=1')).status).toBe(429);
});
