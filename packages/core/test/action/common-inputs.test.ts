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
  const bodyLines = pem
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('-----') && l.length >= 16);
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
    // Masks first, then one line naming the sources (never a value).
    expect(result.lines.slice(0, -1).every((l) => l.startsWith('::add-mask::'))).toBe(true);
    expect(result.lines.at(-1)).toBe(
      `Credentials: key-id ${testKey.keyId} from input key-id; issuer-id from input issuer-id; private key from input private-key.`,
    );
    const masked = maskedValues(result.lines);
    // Each distinct secret string is registered once.
    expect(new Set(masked).size).toBe(masked.length);
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
      expect(result.value).toMatchObject({
        keySource: 'search',
        keyPath: join(dir, 'private_keys', `AuthKey_${testKey.keyId}.p8`),
      });
      expectKeyMasked(maskedValues(result.lines), testKey.privatePem);
    });

    test('empty credentials list every place looked at; forks are mentioned only on a pull request from a fork', async () => {
      const noKeyId = await read({}, {}, { cwd: dir, homeDir: dir });
      expect(noKeyId.error).toBeInstanceOf(InputError);
      expect((noKeyId.error as InputError).input).toBe('key-id');
      expect((noKeyId.error as Error).message).toBe(
        'No App Store Connect key id was found. Looked at: input key-id, env ASC_KEY_ID, env APP_STORE_CONNECT_API_KEY_KEY_ID.',
      );
      const noKey = await read({ 'key-id': testKey.keyId }, {}, { cwd: dir, homeDir: dir });
      expect((noKey.error as InputError).input).toBe('private-key');
      expect((noKey.error as Error).message).toMatch(
        /^No App Store Connect private key was found\. Looked at: input private-key, env ASC_PRIVATE_KEY, env APP_STORE_CONNECT_API_KEY_KEY, env APP_STORE_CONNECT_API_KEY_KEY_FILEPATH, env ASC_PRIVATE_KEY_PATH, env ASC_PRIVATE_KEY_B64, and AuthKey_\w+\.p8 in .*private_keys\.$/,
      );
      const event = join(dir, 'event.json');
      writeFileSync(
        event,
        JSON.stringify({
          pull_request: {
            head: { repo: { fork: true, full_name: 'someone/fork' } },
            base: { repo: { full_name: 'owner/repo' } },
          },
        }),
      );
      const fork = await read(
        { 'key-id': testKey.keyId },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event },
        { cwd: dir, homeDir: dir },
      );
      expect((fork.error as Error).message).toMatch(
        / This run is a pull request from a fork, and GitHub does not pass secrets to those/,
      );
      const target = await read(
        { 'key-id': testKey.keyId },
        { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: event },
        { cwd: dir, homeDir: dir },
      );
      expect((target.error as Error).message).not.toMatch(/fork/);
    });

    test.each([
      [
        'fastlane text',
        {
          APP_STORE_CONNECT_API_KEY_KEY_ID: 'K',
          APP_STORE_CONNECT_API_KEY_ISSUER_ID: 'I',
          APP_STORE_CONNECT_API_KEY_KEY: 'PEM',
        },
        'env APP_STORE_CONNECT_API_KEY_KEY',
      ],
      [
        'fastlane text with literal \\n',
        { APP_STORE_CONNECT_API_KEY_KEY_ID: 'K', APP_STORE_CONNECT_API_KEY_KEY: 'ESCAPED' },
        'env APP_STORE_CONNECT_API_KEY_KEY',
      ],
      [
        'fastlane base64',
        {
          APP_STORE_CONNECT_API_KEY_KEY_ID: 'K',
          APP_STORE_CONNECT_API_KEY_KEY: 'B64',
          APP_STORE_CONNECT_API_KEY_IS_KEY_CONTENT_BASE64: 'true',
        },
        'env APP_STORE_CONNECT_API_KEY_KEY',
      ],
      [
        'fastlane file path',
        { APP_STORE_CONNECT_API_KEY_KEY_ID: 'K', APP_STORE_CONNECT_API_KEY_KEY_FILEPATH: 'FILE' },
        'env APP_STORE_CONNECT_API_KEY_KEY_FILEPATH',
      ],
      [
        'asc CLI path',
        { ASC_KEY_ID: 'K', ASC_ISSUER_ID: 'I', ASC_PRIVATE_KEY_PATH: 'FILE' },
        'env ASC_PRIVATE_KEY_PATH',
      ],
      ['asc CLI base64', { ASC_KEY_ID: 'K', ASC_PRIVATE_KEY_B64: 'B64' }, 'env ASC_PRIVATE_KEY_B64'],
    ] as Array<[string, Record<string, string>, string]>)("other tools' names: %s", async (_name, template, from) => {
      const file = join(dir, 'key-without-extension');
      writeFileSync(file, testKey.privatePem, { mode: 0o600 });
      const values: Record<string, string> = {
        K: testKey.keyId,
        I: testKey.issuerId,
        PEM: testKey.privatePem,
        ESCAPED: testKey.privatePem.replace(/\n/g, '\\n'),
        B64: Buffer.from(testKey.privatePem).toString('base64'),
        FILE: file,
      };
      const env = Object.fromEntries(Object.entries(template).map(([k, v]) => [k, values[v] ?? v]));
      const result = await read({}, env, { cwd: dir, homeDir: dir });
      expect(result.error).toBeUndefined();
      expect(sameKey(result.value)).toBe(true);
      expect(result.value?.issuerId).toBe(
        'APP_STORE_CONNECT_API_KEY_ISSUER_ID' in env || 'ASC_ISSUER_ID' in env ? testKey.issuerId : null,
      );
      const line = result.lines.find((l) => l.startsWith('Credentials:'))!;
      expect(line).toContain(`private key from ${from}`);
      expect(line).toMatch(
        new RegExp(`key-id ${testKey.keyId} from env (ASC_KEY_ID|APP_STORE_CONNECT_API_KEY_KEY_ID)`),
      );
      if ('APP_STORE_CONNECT_API_KEY_KEY' in template || 'ASC_PRIVATE_KEY_B64' in template)
        expectKeyMasked(maskedValues(result.lines), testKey.privatePem);
      expect(result.lines.filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain(
        testKey.privatePem.split('\n')[1]!,
      );
    });

    test("this project's names win over fastlane's, which win over the asc CLI's; fastlane-only settings are noted", async () => {
      const other = generateTestKey();
      const result = await read(
        {},
        {
          ASC_KEY_ID: testKey.keyId,
          APP_STORE_CONNECT_API_KEY_KEY_ID: other.keyId,
          APP_STORE_CONNECT_API_KEY_KEY: testKey.privatePem,
          ASC_PRIVATE_KEY_B64: Buffer.from(other.privatePem).toString('base64'),
          APP_STORE_CONNECT_API_KEY_IN_HOUSE: 'true',
          APP_STORE_CONNECT_API_KEY_DURATION: '500',
        },
        { cwd: dir, homeDir: dir },
      );
      expect(result.value?.keyId).toBe(testKey.keyId);
      expect(sameKey(result.value)).toBe(true);
      expect(result.lines).toContain(
        '::warning::APP_STORE_CONNECT_API_KEY_DURATION is not needed here: tokens are valid 20 minutes and re-signed before they expire.',
      );
      expect(result.lines.some((l) => l.startsWith('::warning::APP_STORE_CONNECT_API_KEY_IN_HOUSE is true'))).toBe(
        true,
      );
    });
  });

  test('an encrypted key with its passphrase; the passphrase is masked', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const encrypted = privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hunter2-long' })
      .toString();
    const result = await read({ ...base, 'private-key': encrypted, 'private-key-passphrase': 'hunter2-long' });
    expect(result.value?.privateKey.export({ type: 'pkcs8', format: 'der' })).toEqual(
      privateKey.export({ type: 'pkcs8', format: 'der' }),
    );
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

    test.each([
      'http://api.appstoreconnect.apple.com',
      'http://10.0.0.1:8080',
      'http://128.0.0.1',
      'ftp://127.0.0.1',
      'not a url',
      'https://u:p@example.com',
    ])('refuses %s', async (value) => {
      const result = await read({ ...base, 'api-base-url': value });
      expect(result.error).toBeInstanceOf(InputError);
      expect((result.error as InputError).input).toBe('api-base-url');
      expect((result.error as Error).message).toMatch(/api-base-url/);
    });
  });
});
