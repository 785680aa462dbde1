/**
 * Files read from the repository. Everything in a checkout is hostile: a committed symlink may
 * point at `/proc/self/environ` or `/dev/zero`. So every path is resolved to its real path, which
 * must lie inside GITHUB_WORKSPACE (symlinks that stay inside keep working), must be a regular
 * file and must be under its kind's size cap. Refusals are InputErrors naming the input and
 * path, raised before any request.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { byteOrderMark, decodeRepoText } from './decode.js';
import { FILE_SIZE_LIMITS, formatBytes, type FileKind } from './limits.js';
import { absoluteIn, isInside, realOrSelf, shownPath, workspaceRoot } from './workspace.js';

export interface RepoFileOptions {
  /** The input that named the file (or the folder it was found in), for messages. */
  input: string;
  kind: FileKind;
  /** A tighter cap than the kind's. */
  maxBytes?: number;
  /** Default: GITHUB_WORKSPACE (or the current folder). */
  workspace?: string;
}

export interface RepoFile {
  /** The real path (symlinks resolved): read this one. */
  path: string;
  /** The path as given, workspace-relative: show this one. */
  shown: string;
  size: number;
}

function where(input: string, shown: string): string {
  return `Input "${input}": ${shown}`;
}

/** Resolves `given` to a real path inside the workspace, or throws naming the input and path. */
export function resolveInWorkspace(
  given: string,
  options: { input: string; workspace?: string },
): { path: string; shown: string; root: string } {
  const root = options.workspace !== undefined ? realOrSelf(options.workspace) : workspaceRoot();
  const absolute = absoluteIn(root, given);
  const shown = shownPath(root, absolute);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ELOOP'
          ? 'is a symlink loop'
          : `cannot be read (${code ?? 'error'})`;
    throw new InputError(`${where(options.input, shown)} ${what}.`, { input: options.input });
  }
  if (!isInside(root, real)) {
    const link = real !== absolute ? ` (it resolves to ${real}, through a symlink)` : '';
    throw new InputError(
      `${where(options.input, shown)} lies outside the workspace${link}; only files inside the repository checkout are read.`,
      { input: options.input },
    );
  }
  return { path: real, shown, root };
}

/** Checks a file before it is read or streamed: inside the workspace, regular, under the cap. */
export function repoFile(given: string, options: RepoFileOptions): RepoFile {
  const { path, shown } = resolveInWorkspace(given, options);
  const stat = statSync(path);
  if (!stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : 'not a regular file (a device, pipe or socket)';
    throw new InputError(`${where(options.input, shown)} is ${what}; a regular file is expected.`, {
      input: options.input,
    });
  }
  checkSize(stat.size, shown, options);
  return { path, shown, size: stat.size };
}

function capOf(options: RepoFileOptions): number {
  return Math.min(options.maxBytes ?? Infinity, FILE_SIZE_LIMITS[options.kind]);
}

function checkSize(size: number, shown: string, options: RepoFileOptions): void {
  const cap = capOf(options);
  if (size > cap) {
    throw new InputError(
      `${where(options.input, shown)} is ${formatBytes(size)}; at most ${formatBytes(cap)} is read for ${options.kind === 'data' ? 'a data' : `a ${options.kind}`} file.`,
      { input: options.input },
    );
  }
}

/** The file's bytes, read through one descriptor and never past the cap (the file may grow). */
export function readRepoBytes(given: string, options: RepoFileOptions): Buffer {
  const file = repoFile(given, options);
  // O_NOFOLLOW: the real path was checked, so a symlink swapped in since is refused; O_NONBLOCK: a pipe swapped in cannot hang the open.
  const fd = openSync(file.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile())
      throw new InputError(`${where(options.input, file.shown)} changed while it was read.`, { input: options.input });
    // Read to the end in chunks (a file may be longer than its stat said), stopping past the cap.
    const cap = capOf(options);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(cap + 1 - length, Math.max(file.size - length + 1, 4096), 1 << 20));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > cap) checkSize(length, file.shown, options);
    }
    return Buffer.concat(chunks, length);
  } finally {
    closeSync(fd);
  }
}

export interface RepoText extends RepoFile {
  /** The decoded text, without a byte order mark. */
  text: string;
  /** The byte order mark the file had (removed from `text`). */
  bom?: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/** A text file: checked as `repoFile`, decoded as `decodeRepoText` (UTF-8, BOMs, no controls). */
export function readRepoText(given: string, options: RepoFileOptions): RepoText {
  const file = repoFile(given, options);
  const bytes = readRepoBytes(file.path, options);
  const bom = byteOrderMark(bytes);
  return { ...file, text: decodeRepoText(bytes, { input: options.input, file: file.shown }), ...(bom ? { bom } : {}) };
}

export interface RepoDirEntry {
  name: string;
  /** Path inside the folder as listed (not resolved): pass it to repoFile / readRepoText. */
  path: string;
  isFile: boolean;
  isDirectory: boolean;
}

/** A folder inside the workspace (its real path), or throws naming the input. */
export function repoDir(
  given: string,
  options: { input: string; workspace?: string },
): { path: string; shown: string } {
  const { path, shown } = resolveInWorkspace(given, options);
  if (!statSync(path).isDirectory())
    throw new InputError(`${where(options.input, shown)} is not a folder.`, { input: options.input });
  return { path, shown };
}

/**
 * A folder's entries, sorted by name, hidden ones (`.name`) left out. Symlinks are followed only
 * when they stay inside the workspace; one that leaves it is an error naming it.
 */
export function listRepoDir(given: string, options: { input: string; workspace?: string }): RepoDirEntry[] {
  const dir = repoDir(given, options);
  return readdirSync(dir.path)
    .filter((name) => !name.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const path = join(dir.path, name);
      let stat = lstatSync(path);
      if (stat.isSymbolicLink()) stat = statSync(resolveInWorkspace(path, options).path);
      return { name, path, isFile: stat.isFile(), isDirectory: stat.isDirectory() };
    });
}
