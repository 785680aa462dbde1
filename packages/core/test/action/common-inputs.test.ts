import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { readCommonInputs, type CommonInputs } from '../../src/action/common-inputs.js';
import { keyMaterialVariants } from '../../src/auth/private-key.js';
import { generateTestKey } from '../../../../test-support/keys.js';
import { keyEncodings } from '../../../../test-support/leaks.js';
import { asRunner, maskedValues } from '../../../../test-support/runner.js';

const testKey = generateTestKey();
const base = { 'key-id': testKey.keyId, 'issuer-id': testKey.issuerId, 'private-key': testKey.privatePem };

const sameKey = (inputs: CommonInputs | undefined) =>
  inputs?.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() === testKey.privatePem;

async function read(inputs: Record<string, string>, env: Record<string, string> = {}, options = {}) {
  return asRunner(inputs, env, () => readCommonInputs(options));
}

/** Every leak-scanner encoding of the key (bar its 24-char windows) is inside some masked value. */
function expectKeyMasked(masked: string[], pem: string): void {
  for (const encoding of keyEncodings(pem).filter((e) => e.length > 24)) {
    expect(masked.some((m) => m.includes(encoding) || encoding.includes(m))).toBe(true);
  }
  const bodyLines = pem.trim().split('\n').filter((l) => !l.startsWith('-----') && l.length >= 16);
  for (const line of bodyLines) expect(masked).toContain(line);
}

describe('readCommonInputs', () => {
  test('reads a team key from the inputs and masks every encoding of it first', async () => {
    const result = await read(base);
    expect(result.error).toBeUndefined();
    expect(result.value).toMatchObject({
      issuerId: testKey.issuerId,
      keyId: testKey.keyId,
      keySource: 'input',
      apiBaseUrl: 'https://api.appstoreconnect.apple.com',
      dryRun: false,
    });
    expect(sameKey(result.value)).toBe(true);
    expect(result.lines.every((l) => l.startsWith('::add-mask::'))).toBe(true);
    const masked = maskedValues(result.lines);
    expect(masked[0]).toBe(testKey.privatePem.trim());
    expectKeyMasked(masked, testKey.privatePem);
    for (const variant of keyMaterialVariants(testKey.privatePem)) expect(masked).toContain(variant);
  });

  test('falls back to ASC_* env vars; an empty issuer id means an individual key', async () => {
    const b64 = Buffer.from(testKey.privatePem).toString('base64');
    const result = await read({ 'dry-run': 'yes' }, { ASC_KEY_ID: testKey.keyId, ASC_PRIVATE_KEY: b64 });
    expect(result.value).toMatchObject({ issuerId: null, keyId: testKey.keyId, keySource: 'input', dryRun: true });
    expect(sameKey(result.value)).toBe(true);
    const masked = maskedValues(result.lines);
    expect(masked[0]).toBe(b64);
    expectKeyMasked(masked, testKey.privatePem);
  });

  test('inputs win over env', async () => {
    const result = await read(base, { ASC_KEY_ID: 'ZZZZZZZZZZ', ASC_ISSUER_ID: randomUUID() });
    expect(result.value).toMatchObject({ keyId: testKey.keyId, issuerId: testKey.issuerId });
  });

  describe('key files', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'asc-inputs-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('a path to a .p8 file: the file content is masked, the path is not', async () => {
      const path = join(dir, `AuthKey_${testKey.keyId}.p8`);
      writeFileSync(path, testKey.privatePem, { mode: 0o600 });
      const result = await read({ ...base, 'private-key': path });
      expect(result.value).toMatchObject({ keySource: 'file', keyPath: path });
      expect(sameKey(result.value)).toBe(true);
      const masked = maskedValues(result.lines);
      expect(masked).not.toContain(path);
      expectKeyMasked(masked, testKey.privatePem);
    });

    test('an empty private-key finds AuthKey_<KEY_ID>.p8 under ./private_keys', async () => {
      mkdirSync(join(dir, 'private_keys'));
      writeFileSync(join(dir, 'private_keys', `AuthKey_${testKey.keyId}.p8`), testKey.privatePem, { mode: 0o600 });
      const result = await read({ ...base, 'private-key': '' }, {}, { cwd: dir, homeDir: dir });
      expect(result.value).toMatchObject({ keySource: 'search', keyPath: join(dir, 'private_keys', `AuthKey_${testKey.keyId}.p8`) });
      expectKeyMasked(maskedValues(result.lines), testKey.privatePem);
    });

    test('empty credentials explain forks', async () => {
      const noKeyId = await read({}, {}, { cwd: dir, homeDir: dir });
      expect(noKeyId.error).toBeInstanceOf(InputError);
      expect((noKeyId.error as InputError).input).toBe('key-id');
      expect((noKeyId.error as Error).message).toMatch(/^key-id is empty \(and so is env ASC_KEY_ID\)\. GitHub does not pass secrets to workflows triggered from forks/);
      const noKey = await read({ 'key-id': testKey.keyId }, {}, { cwd: dir, homeDir: dir });
      expect((noKey.error as InputError).input).toBe('private-key');
      expect((noKey.error as Error).message).toMatch(/private-key is empty.*private_keys.*forks/);
    });
  });

  test('an encrypted key with its passphrase; the passphrase is masked', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hunter2-long' }).toString();
    const result = await read({ ...base, 'private-key': encrypted, 'private-key-passphrase': 'hunter2-long' });
    expect(result.value?.privateKey.export({ type: 'pkcs8', format: 'der' })).toEqual(privateKey.export({ type: 'pkcs8', format: 'der' }));
    const masked = maskedValues(result.lines);
    expect(masked).toContain('hunter2-long');
    expectKeyMasked(masked, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  });

  test.each([
    ['key-id', { 'key-id': 'abc' }],
    ['issuer-id', { 'issuer-id': 'not-a-uuid' }],
    ['dry-run', { 'dry-run': 'perhaps' }],
    ['private-key', { 'private-key': 'definitely not a key' }],
  ])('a bad %s is an InputError on that input, and the key was masked before', async (input, override) => {
    const result = await read({ ...base, ...override });
    expect(result.error).toBeInstanceOf(InputError);
    expect((result.error as InputError).input).toBe(input);
    expect(maskedValues(result.lines).length).toBeGreaterThan(0);
  });

  describe('api-base-url', () => {
    test.each([
      ['https://api.appstoreconnect.apple.com/', 'https://api.appstoreconnect.apple.com'],
      ['https://proxy.example.com/asc/', 'https://proxy.example.com/asc'],
      ['http://127.0.0.1:8123/', 'http://127.0.0.1:8123'],
      ['http://127.4.5.6', 'http://127.4.5.6'],
      ['http://localhost:3000', 'http://localhost:3000'],
      ['http://[::1]:9000/', 'http://[::1]:9000'],
    ])('accepts %s as %s', async (value, expected) => {
      expect((await read({ ...base, 'api-base-url': value })).value?.apiBaseUrl).toBe(expected);
    });

    test.each(['http://api.appstoreconnect.apple.com', 'http://10.0.0.1:8080', 'http://128.0.0.1', 'ftp://127.0.0.1', 'not a url', 'https://u:p@example.com'])(
      'refuses %s',
      async (value) => {
        const result = await read({ ...base, 'api-base-url': value });
        expect(result.error).toBeInstanceOf(InputError);
        expect((result.error as InputError).input).toBe('api-base-url');
        expect((result.error as Error).message).toMatch(/api-base-url/);
      },
    );
  });
});
