/**
 * Where the key comes from: the input itself, a path to a `.p8` file, or, when the input is
 * empty, `AuthKey_<KEY_ID>.p8` in the folders Apple's altool searches.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { InputError } from '../errors.js';
import { parsePrivateKey, PrivateKeyError } from './private-key.js';

export interface ResolvePrivateKeyOptions {
  value?: string;
  /** Where `value` came from (`input private-key`, `env ASC_PRIVATE_KEY_PATH` …), named in errors. */
  sourceName?: string;
  /** `value` is a path (an env var that only ever holds one), not text that may look like one. */
  isPath?: boolean;
  /** Every input and env name that was looked at, for the "no key found" message. */
  lookedAt?: readonly string[];
  /** Appended to the "no key found" message (the fork note, on a pull request from a fork). */
  emptyNote?: string;
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
  if (value === '') return searchKey(opts, cwd, home, read);
  if (opts.isPath) {
    const path = expandPath(value, cwd, home);
    const text = read(path);
    if (text === undefined)
      throw new InputError(`${opts.sourceName ?? 'private-key'} names ${path}, but there is no file there.`, {
        input: 'private-key',
      });
    return { key: parseFile(text, opts.passphrase, path), source: 'file', path };
  }
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
  opts: ResolvePrivateKeyOptions,
  cwd: string,
  home: string,
  read: (path: string) => string | undefined,
): ResolvedPrivateKey {
  const dirs = keySearchDirs(cwd, home);
  const looked = (opts.lookedAt ?? ['input private-key', 'env ASC_PRIVATE_KEY']).join(', ');
  const note = opts.emptyNote ? ` ${opts.emptyNote}` : '';
  if (!opts.keyId)
    throw new InputError(`No App Store Connect private key was found. Looked at: ${looked}.${note}`, {
      input: 'private-key',
    });
  const name = `AuthKey_${opts.keyId}.p8`;
  for (const dir of dirs) {
    const path = join(dir, name);
    const text = read(path);
    if (text !== undefined) return { key: parseFile(text, opts.passphrase, path), source: 'search', path };
  }
  throw new InputError(
    `No App Store Connect private key was found. Looked at: ${looked}, and ${name} in ${dirs.join(', ')}.${note}`,
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

const MAX_KEY_FILE_BYTES = 16 * 1024;

/**
 * Reads a key file as text; undefined when there is none. The default `readFile`, and the one
 * place a key file is read (key files live outside the workspace, in ~/private_keys and the like,
 * so this is not the workspace reader): a regular file only (opened non-blocking, so a FIFO
 * cannot hang the step), at most 16 KB (a .p8 is about 250 bytes).
 */
export function readKeyFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG') return undefined;
    throw new InputError(`private-key: cannot read ${path} (${String(code)}).`, { input: 'private-key' });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return undefined;
    if (!stat.isFile()) throw new InputError(`private-key: ${path} is not a regular file.`, { input: 'private-key' });
    if (stat.size > MAX_KEY_FILE_BYTES) {
      throw new InputError(
        `private-key: ${path} is ${stat.size} bytes; a .p8 key file is under 1 KB (at most ${MAX_KEY_FILE_BYTES} bytes are read).`,
        { input: 'private-key' },
      );
    }
    const buffer = Buffer.alloc(stat.size);
    const read = readSync(fd, buffer, 0, stat.size, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
