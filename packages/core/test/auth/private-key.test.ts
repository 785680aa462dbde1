import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { jwtVerify, decodeProtectedHeader } from 'jose';
import { InputError } from '../../src/errors.js';
import { keyMaterialVariants, parsePrivateKey, PrivateKeyError, publicKeyPem } from '../../src/auth/private-key.js';
import { signToken } from '../../src/auth/token.js';
import { keyEncodings } from '../../../../test-support/leaks.js';
import { acceptedForms, badForms, derBodyLines, sharedFragment } from './key-forms.js';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const NOW = Date.parse('2026-11-26T12:00:00Z');

describe('parsePrivateKey accepts every form a CI secret produces', () => {
  test.each(acceptedForms(privateKey).map((f) => [f.name, f] as const))('%s', async (_name, form) => {
    const key = parsePrivateKey(form.input, form.passphrase);
    expect(key.type).toBe('private');
    expect(key.export({ type: 'pkcs8', format: 'der' }).toString('base64')).toBe(pkcs8);

    const token = await signToken({
      key,
      keyId: 'ABCDE12345',
      issuerId: '69a6de70-03db-47e3-e053-5b8c7c11a4d1',
      now: NOW,
    });
    const { payload, protectedHeader } = await jwtVerify(token, createPublicKey(publicKeyPem(key)), {
      audience: 'appstoreconnect-v1',
      issuer: '69a6de70-03db-47e3-e053-5b8c7c11a4d1',
      algorithms: ['ES256'],
      currentDate: new Date(NOW),
    });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: 'ABCDE12345', typ: 'JWT' });
    expect(payload.iat).toBe(NOW / 1000 - 60);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(1200);
  });
});

describe('parsePrivateKey refuses other input without echoing it', () => {
  const cases = badForms(privateKey);

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, form) => {
    let caught: unknown;
    try {
      parsePrivateKey(form.input, form.passphrase);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PrivateKeyError);
    const error = caught as PrivateKeyError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('private-key');
    expect(error.problem).toBe(form.problem);
    expect(error.message).toMatch(form.pattern);
    expect(error.message.startsWith('private-key')).toBe(true);

    const seen: string[] = [error.message, JSON.stringify(error), String(error.stack)];
    for (let c: unknown = error.cause; c !== undefined; c = (c as { cause?: unknown }).cause)
      seen.push(String(c), JSON.stringify(c));
    expect(error.cause).toBeUndefined();
    for (const text of seen) expect(sharedFragment(text, form.input.trim())).toBeUndefined();
  });

  test('each kind of problem has its own message', () => {
    const byProblem = new Map<string, Set<string>>();
    for (const form of cases) {
      try {
        parsePrivateKey(form.input, form.passphrase);
      } catch (error) {
        const e = error as PrivateKeyError;
        const generic = e.message.replace(/secp384r1|ed25519/g, '…');
        byProblem.set(e.problem, (byProblem.get(e.problem) ?? new Set()).add(generic));
      }
    }
    expect(byProblem.size).toBe(new Set(cases.map((c) => c.problem)).size);
    const messages = [...byProblem.values()].map((set) => [...set][0]);
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe('publicKeyPem', () => {
  test('returns the SPKI PEM of the public half', () => {
    const pem = publicKeyPem(privateKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(pem).export({ type: 'spki', format: 'der' })).toEqual(
      createPublicKey(privateKey).export({ type: 'spki', format: 'der' }),
    );
  });
});

describe('keyMaterialVariants', () => {
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  test('covers every accepted encoding and each long body line', () => {
    const variants = keyMaterialVariants(pem);
    const body = derBodyLines(pem);
    expect(variants).toEqual(
      expect.arrayContaining([
        pem.trim(),
        pem.trim().replace(/\n/g, '\\n'),
        Buffer.from(pem).toString('base64'),
        body.join(''),
        ...body.filter((l) => l.length >= 16),
      ]),
    );
    expect(variants.every((v) => v.length >= 16)).toBe(true);
    // Everything the shared leak scanner looks for (bar its fragment windows) is masked.
    const scanned = keyEncodings(pem).filter((e) => e.length > 24);
    for (const encoding of scanned)
      expect(variants.some((v) => v.includes(encoding) || encoding.includes(v))).toBe(true);
  });

  test.each(
    acceptedForms(privateKey)
      .filter((f) => !f.passphrase)
      .map((f) => [f.name, f.input] as const),
  )('from %s it finds the DER body', (_name, input) => {
    const variants = keyMaterialVariants(input);
    expect(variants).toContain(input.trim());
    expect(
      variants.some((v) => v === pkcs8 || privateKey.export({ type: 'sec1', format: 'der' }).toString('base64') === v),
    ).toBe(true);
  });

  test('returns only the raw value when it is not a key', () => {
    expect(keyMaterialVariants('not a key, just some words')).toEqual(['not a key, just some words']);
    expect(keyMaterialVariants('short')).toEqual([]);
  });

  test('a token signed with a parsed key has the header Apple expects', async () => {
    const token = await signToken({ key: parsePrivateKey(pem), keyId: 'ZZZZZ99999', issuerId: null, now: NOW });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'ZZZZZ99999', typ: 'JWT' });
  });
});
