import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { emulatorKey, harness, newKey, sign, type Harness } from './support/harness.js';

const APPLE_401 = {
  errors: [
    {
      status: '401',
      code: 'NOT_AUTHORIZED',
      title: 'Authentication credentials are missing or invalid.',
      detail:
        'Provide a properly configured and signed bearer token, and make sure that it has not expired. Learn more about Generating Tokens for API Requests https://developer.apple.com/go/?id=api-generating-tokens',
    },
  ],
};

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.emu.close());
beforeEach(() => {
  h.emu.requests.length = 0;
});

async function expectRefused(token: string | undefined, reason: RegExp): Promise<void> {
  const res = await fetch(`${h.emu.baseUrl}/v1/apps?limit=1`, {
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(401);
  expect(res.headers.get('x-rate-limit')).toBeNull();
  expect(await res.json()).toEqual(APPLE_401);
  const entry = h.emu.requests.at(-1);
  expect(entry).toMatchObject({ status: 401, authorized: false, hadAuthorizationHeader: token !== undefined });
  expect(entry?.authFailure).toMatch(reason);
}

test('a correctly signed team-key token is accepted and its claims recorded', async () => {
  const res = await h.get('/v1/apps?limit=1');
  expect(res.status).toBe(200);
  expect(h.emu.requests[0]).toMatchObject({ authorized: true, status: 200, hadAuthorizationHeader: true });
  expect(h.emu.requests[0]?.tokenClaims).toMatchObject({ iss: h.key.issuerId, aud: 'appstoreconnect-v1' });
});

test("a missing Authorization header is refused with Apple's body", async () => {
  await expectRefused(undefined, /no Authorization header/);
});

test('a header that is not "Bearer <jwt>", or a token whose typ is not JWT, is refused', async () => {
  const res = await fetch(`${h.emu.baseUrl}/v1/apps`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
  expect(res.status).toBe(401);
  expect(h.emu.requests.at(-1)).toMatchObject({ hadAuthorizationHeader: true, authorized: false });
  await expectRefused(await h.token({ header: { typ: 'JOSE' } }), /typ/);
});

test('an unknown kid is refused', async () => {
  await expectRefused(await h.token({ kid: 'UNKNOWN001' }), /unknown kid/);
});

test('a wrong audience is refused', async () => {
  await expectRefused(await h.token({ claims: { aud: 'appstoreconnect-v2' } }), /aud/);
});

test('a lifetime over 20 minutes is refused, exactly 20 minutes is accepted', async () => {
  await expectRefused(await h.token({ lifetimeS: 1201 }), /lifetime 1201 s/);
  expect((await h.get('/v1/apps?limit=1', await h.token({ lifetimeS: 1200 }))).status).toBe(200);
});

test('a token expired on the emulator clock is refused', async () => {
  const token = await h.token({ lifetimeS: 600 });
  expect((await h.get('/v1/apps?limit=1', token)).status).toBe(200);
  h.clock.advance(661_000); // past exp plus the 60 s of skew allowed
  await expectRefused(token, /exp/);
});

test('a token issued in the future is refused beyond 60 s of skew', async () => {
  expect((await h.get('/v1/apps?limit=1', await h.token({ iatOffsetS: 50 }))).status).toBe(200);
  await expectRefused(await h.token({ iatOffsetS: 120 }), /future/);
});

test("an iss that is not the key's issuer id is refused", async () => {
  await expectRefused(await h.token({ claims: { iss: '00000000-0000-0000-0000-000000000000' } }), /iss/);
});

test('a signature by another key under the registered kid is refused', async () => {
  const impostor = { ...newKey(h.key.keyId), issuerId: h.key.issuerId };
  await expectRefused(await sign(impostor, { nowMs: h.clock.now() }), /signature/);
});

test('alg other than ES256 is refused (HS256, ES384)', async () => {
  const now = Math.floor(h.clock.now() / 1000);
  const claims = { iss: h.key.issuerId ?? '', aud: 'appstoreconnect-v1', iat: now, exp: now + 600 };
  const hs = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: h.key.keyId, typ: 'JWT' })
    .sign(new Uint8Array(32).fill(7));
  await expectRefused(hs, /alg/);
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
  const es384 = await new SignJWT(claims).setProtectedHeader({ alg: 'ES384', kid: h.key.keyId, typ: 'JWT' }).sign(p384);
  await expectRefused(es384, /alg/);
});

test('an individual key needs sub "user" and no iss', async () => {
  const individual = newKey('INDIVKEY01', null);
  h.emu.registerKey(emulatorKey(individual));
  const ok = await h.get('/v1/apps?limit=1', await sign(individual, { nowMs: h.clock.now() }));
  expect(ok.status).toBe(200);
  expect(h.emu.requests[0]?.tokenClaims).toMatchObject({ sub: 'user' });
  expect(h.emu.requests[0]?.tokenClaims).not.toHaveProperty('iss');
  h.emu.requests.length = 0;
  await expectRefused(
    await sign(individual, { nowMs: h.clock.now(), claims: { iss: 'someone' } }),
    /must not carry iss/,
  );
  h.emu.requests.length = 0;
  await expectRefused(await sign(individual, { nowMs: h.clock.now(), claims: { sub: 'admin' } }), /sub must be "user"/);
});

test('registering a key that is not EC P-256 fails loudly', () => {
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
  expect(() => h.emu.registerKey({ keyId: 'P384KEY001', issuerId: 'x', publicKey: p384 })).toThrow(/P-256/);
});
