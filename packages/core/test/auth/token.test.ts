import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, jwtVerify } from 'jose';
import { VirtualClock } from '../../src/clock.js';
import { InputError } from '../../src/errors.js';
import { signToken, TokenSource, validateIssuerId, validateKeyId } from '../../src/auth/token.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KEY_ID = 'ABCDE12345';
const ISSUER = '57246542-96fe-1a63-e053-0824d011072a';

async function verify(token: string, now: number) {
  return jwtVerify(token, publicKey, {
    audience: 'appstoreconnect-v1',
    algorithms: ['ES256'],
    currentDate: new Date(now),
  });
}

describe('signToken', () => {
  const now = Date.parse('2026-11-26T12:00:00.750Z');

  test('team key: iss, aud, iat backdated 60 s, exp − iat = 1200', async () => {
    const { payload, protectedHeader } = await verify(
      await signToken({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER, now }),
      now,
    );
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: KEY_ID, typ: 'JWT' });
    const iat = Math.floor(now / 1000) - 60;
    expect(payload).toEqual({ iss: ISSUER, aud: 'appstoreconnect-v1', iat, exp: iat + 1200 });
  });

  test('individual key: sub "user" and no iss', async () => {
    const { payload } = await verify(await signToken({ key: privateKey, keyId: KEY_ID, issuerId: null, now }), now);
    expect(payload.sub).toBe('user');
    expect(payload).not.toHaveProperty('iss');
    expect(payload.exp! - payload.iat!).toBe(1200);
  });

  test('a shorter lifetime is honoured; more than 1200 s is refused', async () => {
    const { payload } = await verify(
      await signToken({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER, now, lifetimeSeconds: 600 }),
      now,
    );
    expect(payload.exp! - payload.iat!).toBe(600);
    await expect(
      signToken({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER, now, lifetimeSeconds: 1201 }),
    ).rejects.toThrow(RangeError);
    await expect(
      signToken({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER, now, lifetimeSeconds: 60 }),
    ).rejects.toThrow(RangeError);
  });

  test('the token is still valid for the time it was meant to be', async () => {
    const token = await signToken({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER, now });
    await expect(verify(token, now + 1139 * 1000)).resolves.toBeDefined();
    await expect(verify(token, now + 1141 * 1000)).rejects.toThrow(/exp/);
  });
});

describe('key id and issuer id validation', () => {
  test.each(['ABCDE12345', '2X9R4HXF34'])('accepts key id %s', (id) => expect(() => validateKeyId(id)).not.toThrow());

  test.each(['abcde12345', 'ABCDE1234', 'ABCDE123456', 'ABCDE-1234', ''])('refuses key id %p on key-id', (id) => {
    expect(() => validateKeyId(id)).toThrow(InputError);
    try {
      validateKeyId(id);
    } catch (error) {
      expect((error as InputError).input).toBe('key-id');
      expect((error as Error).message).toMatch(/10-character Key ID \(capital letters and digits\)/);
    }
  });

  test('an issuer id given as key id is called out', () => {
    expect(() => validateKeyId(ISSUER)).toThrow(/looks like an Issuer ID/);
    expect(() => validateIssuerId(KEY_ID)).toThrow(/looks like a Key ID/);
  });

  test.each(['57246542-96FE-1A63-E053-0824D011072A', ISSUER])('accepts issuer id %s', (id) =>
    expect(() => validateIssuerId(id)).not.toThrow(),
  );

  test.each(['57246542-96fe-1a63-e053', 'not-a-uuid', '57246542 96fe 1a63 e053 0824d011072a'])(
    'refuses issuer id %p on issuer-id',
    (id) => {
      let caught: unknown;
      try {
        validateIssuerId(id);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).input).toBe('issuer-id');
      expect((caught as Error).message).toMatch(/a UUID/);
    },
  );

  test('TokenSource validates both', () => {
    expect(() => new TokenSource({ key: privateKey, keyId: 'short', issuerId: ISSUER })).toThrow(/key-id/);
    expect(() => new TokenSource({ key: privateKey, keyId: KEY_ID, issuerId: 'x' })).toThrow(/issuer-id/);
    expect(new TokenSource({ key: privateKey, keyId: KEY_ID, issuerId: null }).keyType).toBe('individual');
    expect(new TokenSource({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER }).keyType).toBe('team');
  });
});

describe('TokenSource', () => {
  test('an hour of calls every 10 s signs at most 4 tokens, each valid when handed out', async () => {
    const clock = new VirtualClock();
    const seen: string[] = [];
    const source = new TokenSource({
      key: privateKey,
      keyId: KEY_ID,
      issuerId: ISSUER,
      clock,
      onToken: (t) => seen.push(t),
    });
    const start = clock.now();
    while (clock.now() - start <= 3600_000) {
      const token = await source.getToken();
      const { exp } = decodeJwt(token);
      expect(exp! * 1000 - clock.now()).toBeGreaterThan(120_000);
      await clock.sleep(10_000);
    }
    expect(source.signatures).toBeLessThanOrEqual(4);
    expect(source.signatures).toBeGreaterThanOrEqual(3);
    expect(seen).toHaveLength(source.signatures);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('invalidate drops the current token so the next call signs anew', async () => {
    const source = new TokenSource({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER, clock: new VirtualClock() });
    const first = await source.getToken();
    expect(await source.getToken()).toBe(first);
    source.invalidate('some-other-token');
    expect(await source.getToken()).toBe(first);
    source.invalidate(first);
    const second = await source.getToken();
    expect(second).not.toBe(first);
    expect(source.signatures).toBe(2);
    source.invalidate(first);
    expect(await source.getToken()).toBe(second);
  });

  test('concurrent callers share one signature', async () => {
    const onToken: string[] = [];
    const source = new TokenSource({
      key: privateKey,
      keyId: KEY_ID,
      issuerId: null,
      clock: new VirtualClock(),
      onToken: (t) => onToken.push(t),
    });
    const tokens = await Promise.all(Array.from({ length: 8 }, () => source.getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(source.signatures).toBe(1);
    expect(onToken).toEqual([tokens[0]]);
  });

  test('re-signs once the margin is reached, not before', async () => {
    const clock = new VirtualClock();
    const source = new TokenSource({
      key: privateKey,
      keyId: KEY_ID,
      issuerId: ISSUER,
      clock,
      lifetimeSeconds: 600,
      refreshMarginSeconds: 60,
    });
    const first = await source.getToken();
    clock.advance((600 - 60 - 60) * 1000 - 1); // exp is 540 s ahead; re-sign when ≤ 60 s are left
    expect(await source.getToken()).toBe(first);
    clock.advance(1);
    expect(await source.getToken()).not.toBe(first);
    expect(source.signatures).toBe(2);
  });

  test('refuses a margin that would re-sign on every call', () => {
    expect(
      () =>
        new TokenSource({
          key: privateKey,
          keyId: KEY_ID,
          issuerId: ISSUER,
          lifetimeSeconds: 300,
          refreshMarginSeconds: 240,
        }),
    ).toThrow(RangeError);
    expect(new TokenSource({ key: privateKey, keyId: KEY_ID, issuerId: ISSUER, lifetimeSeconds: 120 }).signatures).toBe(
      0,
    );
  });
});
