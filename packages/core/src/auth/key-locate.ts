/**
 * Where the key comes from: the input itself, a path to a `.p8` file, or, when the input is
 * empty, `AuthKey_<KEY_ID>.p8` in the folders Apple's altool searches.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { InputError } from '../errors.js';
import { parsePrivateKey, PrivateKeyError } from './private-key.js';

export interface ResolvePrivateKeyOptions {
  value?: string;
  passphrase?: string;
  keyId?: string;
  cwd?: string;
  homeDir?: string;
  /** Returns the file's text, or undefined when there is no such file. */
  readFile?: (path: string) => string | undefined;
}

export interface ResolvedPrivateKey {
  key: KeyObject;
  source: 'input' | 'file' | 'search';
  path?: string;
}

export const FORK_HINT =
  'GitHub does not pass secrets to workflows triggered from forks, so on a pull_request from a fork an empty value is expected: ' +
  'skip the step there (for example `if: github.event.pull_request.head.repo.fork == false`).';

/** The folders altool searches for `AuthKey_<KEY_ID>.p8`, in its order. */
export function keySearchDirs(cwd: string, home: string): string[] {
  return [
    resolve(cwd, 'private_keys'),
    join(home, 'private_keys'),
    join(home, '.private_keys'),
    join(home, '.appstoreconnect', 'private_keys'),
  ];
}

export function resolvePrivateKey(opts: ResolvePrivateKeyOptions): ResolvedPrivateKey {
  const cwd = opts.cwd ?? process.cwd();
  const home = opts.homeDir ?? homedir();
  const read = opts.readFile ?? readKeyFile;
  const value = (opts.value ?? '').trim();
  if (value === '') return searchKey(opts.keyId, opts.passphrase, cwd, home, read);
  if (looksLikePath(value)) {
    const path = expandPath(value, cwd, home);
    // Base64 never contains '.' or '~', so naming these values cannot echo key material; a value
    // that only starts with '/' might be base64, so it is never named, not even in a read error.
    const nameable = value.endsWith('.p8') || !value.startsWith('/');
    const text = nameable ? read(path) : quietly(read, path);
    if (text !== undefined) return { key: parseFile(text, opts.passphrase, path), source: 'file', path };
    if (nameable) {
      throw new InputError(`private-key looks like a path, but there is no file at ${path}.`, { input: 'private-key' });
    }
  }
  return { key: parsePrivateKey(value, opts.passphrase), source: 'input' };
}

function searchKey(
  keyId: string | undefined,
  passphrase: string | undefined,
  cwd: string,
  home: string,
  read: (path: string) => string | undefined,
): ResolvedPrivateKey {
  const dirs = keySearchDirs(cwd, home);
  if (!keyId) {
    throw new InputError(`private-key is empty (and so is env ASC_PRIVATE_KEY). ${FORK_HINT}`, { input: 'private-key' });
  }
  const name = `AuthKey_${keyId}.p8`;
  for (const dir of dirs) {
    const path = join(dir, name);
    const text = read(path);
    if (text !== undefined) return { key: parseFile(text, passphrase, path), source: 'search', path };
  }
  throw new InputError(
    `private-key is empty (and so is env ASC_PRIVATE_KEY), and no ${name} was found in ${dirs.join(', ')}. ${FORK_HINT}`,
    { input: 'private-key' },
  );
}

function parseFile(text: string, passphrase: string | undefined, path: string): KeyObject {
  try {
    return parsePrivateKey(text, passphrase);
  } catch (error) {
    if (error instanceof PrivateKeyError) throw new PrivateKeyError(error.problem, error.detail, path);
    throw error;
  }
}

function quietly(read: (path: string) => string | undefined, path: string): string | undefined {
  try {
    return read(path);
  } catch {
    return undefined;
  }
}

/** A single line that names a `.p8` file or starts like a path; PEM and base64 never do both. */
function looksLikePath(value: string): boolean {
  if (value.includes('\n') || value.includes('-----') || value.length > 4096) return false;
  return value.endsWith('.p8') || /^(\/|\.\/|\.\.\/|~\/)/.test(value);
}

function expandPath(value: string, cwd: string, home: string): string {
  if (value.startsWith('~/')) return join(home, value.slice(2));
  return isAbsolute(value) ? value : resolve(cwd, value);
}

/** Reads a key file as text; undefined when there is none. The default `readFile`. */
export function readKeyFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG') return undefined;
    throw new InputError(`private-key: cannot read ${path} (${String(code)}).`, { input: 'private-key' });
  }
}
