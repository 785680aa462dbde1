import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { keySearchDirs, resolvePrivateKey } from '../../src/auth/key-locate.js';
import { PrivateKeyError } from '../../src/auth/private-key.js';

const KEY_ID = 'ABCDE12345';

function newKey(): { key: KeyObject; pem: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { key: privateKey, pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

const same = (a: KeyObject, b: KeyObject) =>
  a.export({ type: 'pkcs8', format: 'der' }).equals(b.export({ type: 'pkcs8', format: 'der' }));

let root: string;
let cwd: string;
let home: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'asc-key-'));
  cwd = join(root, 'work');
  home = join(root, 'home');
  mkdirSync(cwd);
  mkdirSync(home);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function place(dir: string, pem: string, name = `AuthKey_${KEY_ID}.p8`): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, pem, { mode: 0o600 });
  return path;
}

describe('resolvePrivateKey', () => {
  test('takes key text from the input', () => {
    const { key, pem } = newKey();
    const resolved = resolvePrivateKey({ value: pem, cwd, homeDir: home });
    expect(resolved.source).toBe('input');
    expect(resolved.path).toBeUndefined();
    expect(same(resolved.key, key)).toBe(true);
  });

  test.each([
    ['absolute path', (p: string) => p],
    ['./relative path', () => `./keys/AuthKey_${KEY_ID}.p8`],
    ['bare file name ending .p8', () => `keys/AuthKey_${KEY_ID}.p8`],
    ['~/ path', () => `~/../work/keys/AuthKey_${KEY_ID}.p8`],
  ])('reads a .p8 file given as %s', (_name, value) => {
    const { key, pem } = newKey();
    const path = place(join(cwd, 'keys'), pem);
    const resolved = resolvePrivateKey({ value: value(path), cwd, homeDir: home });
    expect(resolved.source).toBe('file');
    expect(resolved.path).toBe(path);
    expect(same(resolved.key, key)).toBe(true);
  });

  test('a .p8 path with no file names the path', () => {
    expect(() => resolvePrivateKey({ value: './missing/AuthKey_X.p8', cwd, homeDir: home })).toThrow(
      new InputError(`private-key looks like a path, but there is no file at ${join(cwd, 'missing', 'AuthKey_X.p8')}.`),
    );
  });

  test('a bad key in a file is refused with the path and without its content', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const path = place(cwd, rsa, 'rsa.p8');
    let caught: unknown;
    try {
      resolvePrivateKey({ value: path, cwd, homeDir: home });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PrivateKeyError);
    expect((caught as PrivateKeyError).problem).toBe('rsa');
    expect((caught as Error).message).toMatch(
      new RegExp(`is an RSA key.*\\(read from ${path.replace(/[.]/g, '\\.')}\\)$`),
    );
    expect((caught as Error).message).not.toContain(rsa.split('\n')[1]!.slice(0, 10));
  });

  test.each(keySearchDirs('<cwd>', '<home>').map((d, i) => [d, i] as const))(
    'finds AuthKey_<KEY_ID>.p8 in %s',
    (_d, index) => {
      const { key, pem } = newKey();
      const dir = keySearchDirs(cwd, home)[index]!;
      const path = place(dir, pem);
      const resolved = resolvePrivateKey({ value: '', keyId: KEY_ID, cwd, homeDir: home });
      expect(resolved).toEqual({ key: expect.anything(), source: 'search', path });
      expect(same(resolved.key, key)).toBe(true);
    },
  );

  test('searches in altool order: ./private_keys first', () => {
    const first = newKey();
    const dirs = keySearchDirs(cwd, home);
    expect(dirs).toEqual([
      join(cwd, 'private_keys'),
      join(home, 'private_keys'),
      join(home, '.private_keys'),
      join(home, '.appstoreconnect', 'private_keys'),
    ]);
    for (const dir of dirs.slice(1)) place(dir, newKey().pem);
    place(dirs[0]!, first.pem);
    expect(same(resolvePrivateKey({ keyId: KEY_ID, cwd, homeDir: home }).key, first.key)).toBe(true);
  });

  test('uses the injected readFile', () => {
    const { key, pem } = newKey();
    const read: string[] = [];
    const resolved = resolvePrivateKey({
      keyId: KEY_ID,
      cwd: '/c',
      homeDir: '/h',
      readFile: (p) => (read.push(p), p === `/h/.private_keys/AuthKey_${KEY_ID}.p8` ? pem : undefined),
    });
    expect(same(resolved.key, key)).toBe(true);
    expect(read).toEqual([
      `/c/private_keys/AuthKey_${KEY_ID}.p8`,
      `/h/private_keys/AuthKey_${KEY_ID}.p8`,
      `/h/.private_keys/AuthKey_${KEY_ID}.p8`,
    ]);
  });

  test('empty and nothing found: names every place it looked, and the fork note when given', () => {
    let caught: unknown;
    try {
      resolvePrivateKey({
        value: '  ',
        keyId: KEY_ID,
        cwd,
        homeDir: home,
        lookedAt: ['input private-key', 'env ASC_PRIVATE_KEY', 'env ASC_PRIVATE_KEY_B64'],
        emptyNote: 'A fork note.',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.input).toBe('private-key');
    expect(error.message).toMatch(
      /^No App Store Connect private key was found\. Looked at: input private-key, env ASC_PRIVATE_KEY, env ASC_PRIVATE_KEY_B64, and AuthKey_/,
    );
    expect(error.message).toMatch(/ A fork note\.$/);
    expect(error.message).toContain(`AuthKey_${KEY_ID}.p8`);
    for (const dir of keySearchDirs(cwd, home)) expect(error.message).toContain(dir);
  });

  test('empty without a key id: names where it looked, and no fork note unless given', () => {
    expect(() => resolvePrivateKey({ value: '', cwd, homeDir: home })).toThrow(
      /^No App Store Connect private key was found\. Looked at: input private-key, env ASC_PRIVATE_KEY\.$/,
    );
  });

  test('a path from an env var that only holds paths: read as a file, named in the error when missing', () => {
    const { key, pem } = newKey();
    const path = place(join(home, 'keys'), pem);
    expect(
      same(
        resolvePrivateKey({ value: path, isPath: true, sourceName: 'env ASC_PRIVATE_KEY_PATH', cwd, homeDir: home })
          .key,
        key,
      ),
    ).toBe(true);
    expect(() =>
      resolvePrivateKey({
        value: join(home, 'nope'),
        isPath: true,
        sourceName: 'env ASC_PRIVATE_KEY_PATH',
        cwd,
        homeDir: home,
      }),
    ).toThrow(`env ASC_PRIVATE_KEY_PATH names ${join(home, 'nope')}, but there is no file there.`);
  });

  test('passes the passphrase on for files and text', () => {
    const { key } = newKey();
    const encrypted = key
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw-123' })
      .toString();
    const path = place(join(home, 'private_keys'), encrypted);
    expect(same(resolvePrivateKey({ keyId: KEY_ID, passphrase: 'pw-123', cwd, homeDir: home }).key, key)).toBe(true);
    expect(same(resolvePrivateKey({ value: encrypted, passphrase: 'pw-123', cwd, homeDir: home }).key, key)).toBe(true);
    expect(() => resolvePrivateKey({ value: path, cwd, homeDir: home })).toThrow(
      /is encrypted but private-key-passphrase is empty/,
    );
  });

  test('a bare base64 body starting with "/" is key text, not a path', () => {
    const body = '/' + 'A'.repeat(40);
    expect(() => resolvePrivateKey({ value: body, cwd, homeDir: home })).toThrow(PrivateKeyError);
    let message = '';
    try {
      resolvePrivateKey({ value: body, cwd, homeDir: home });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('AAAAAA');
  });

  test('a "/"-prefixed value is never named, even when reading it fails', () => {
    const value = '/' + 'QUJD'.repeat(100);
    let message = '';
    try {
      resolvePrivateKey({ value, cwd, homeDir: home });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^private-key/);
    expect(message).not.toContain('QUJDQUJD');
    expect(() =>
      resolvePrivateKey({
        value,
        cwd,
        homeDir: home,
        readFile: () => {
          throw new InputError(`private-key: cannot read ${value} (EACCES).`, { input: 'private-key' });
        },
      }),
    ).toThrow(PrivateKeyError);
  });
});
