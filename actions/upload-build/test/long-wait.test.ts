/**
 * Processing that outlasts a token: Apple accepts a token for at most 20 minutes, and the
 * emulator (on the same virtual clock as the action) refuses an expired one with 401 as Apple
 * does. The action's token source (core auth/token.ts) re-signs a token once it has less than
 * two minutes left, so an hour of processing ends with the build found and no request refused.
 */
import { createPrivateKey } from 'node:crypto';
import { MAX_TOKEN_LIFETIME_SECONDS, signToken } from '@asc-actions/core';
import { appSeed, world, type World } from './fixtures.js';

let h: World;
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

const MIN = 60_000;

test('an hour of processing: tokens are re-signed as they near expiry, no request is refused, the build is found', async () => {
  // The emulator and the action share one virtual clock: the hour passes without sleeping.
  h = await world(appSeed(), { processingMs: 60 * MIN });
  const file = await h.ipa('Demo.ipa', { version: '1.5', buildNumber: '100', payloadBytes: 150 * 1024 });
  const start = h.clock.now();
  // A token signed now, as the action's first one is: the emulator must refuse it an hour later.
  const early = await signToken({
    key: createPrivateKey(h.key.privatePem),
    keyId: h.key.keyId,
    issuerId: h.key.issuerId,
    now: start,
  });

  const result = await h.run({ file, 'processing-timeout': '90m' });
  expect(result.errors).toEqual([]);
  expect(result.outputs.state).toBe('processed');
  const build = h.emulator.state.all('builds').find((b) => b.attributes.version === '100')!;
  expect(result.outputs['build-id']).toBe(build.id);
  expect(h.clock.now() - start).toBeGreaterThanOrEqual(60 * MIN);

  const api = h.emulator.requests.filter((r) => r.path.startsWith('/v1/'));
  expect(api.length).toBeGreaterThan(100); // polled all along the hour
  // Every API request carried a token the emulator accepted at the time it arrived.
  expect(api.filter((r) => r.status === 401 || !r.authorized)).toEqual([]);
  for (const r of api) {
    const { iat, exp } = r.tokenClaims as { iat: number; exp: number };
    expect(exp - iat).toBeLessThanOrEqual(MAX_TOKEN_LIFETIME_SECONDS);
  }
  // An hour cannot be covered by 20-minute tokens: at least three were signed, in order.
  const iats = [...new Set(api.map((r) => (r.tokenClaims as { iat: number }).iat))];
  expect(iats.length).toBeGreaterThanOrEqual(3);
  expect([...iats].sort((a, b) => a - b)).toEqual(iats);
  // Part PUTs carry no token at all.
  expect(h.emulator.requests.filter((r) => r.path.startsWith('/__build-uploads/') && r.hadAuthorizationHeader)).toEqual(
    [],
  );

  // The emulator does refuse an expired token (so the run above really renewed them).
  const stale = await fetch(`${h.emulator.baseUrl}/v1/apps`, { headers: { authorization: `Bearer ${early}` } });
  expect(stale.status).toBe(401);
  expect(h.emulator.requests.at(-1)?.authFailure).toMatch(/exp/);
});
