/**
 * Files written (`export-path`, `output-path`, state): only inside the workspace or RUNNER_TEMP,
 * never through a symlink (neither the file nor a folder on the way may lead elsewhere), always
 * to a temporary file beside the target that is renamed into place, so a reader never sees half
 * a file and a failed run leaves the old file as it was.
 */
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { absoluteIn, isInside, realOrSelf, runnerTemp, shownPath, workspaceRoot } from './workspace.js';

export interface WriteOptions {
  /** The input that named the path, for messages. */
  input: string;
  env?: NodeJS.ProcessEnv;
  /** Default: GITHUB_WORKSPACE (or the current folder). */
  workspace?: string;
  /** The target is a folder files are written into (it must be a real folder when it exists). */
  folder?: boolean;
}

/**
 * Checks where `given` would be written and returns its absolute path: the nearest existing
 * folder on the way must really lie inside the workspace or RUNNER_TEMP, and the target, when it
 * exists, must be a regular file (not a symlink, not a folder), or with `folder: true` a real folder.
 */
export function writeTarget(given: string, options: WriteOptions): string {
  const env = options.env ?? process.env;
  const root = options.workspace !== undefined ? realOrSelf(options.workspace) : workspaceRoot(env);
  const roots = [root, runnerTemp(env)].filter((r): r is string => r !== undefined);
  const target = absoluteIn(root, given);
  const shown = shownPath(root, target);
  const prefix = `Input "${options.input}": ${shown}`;
  let existing = dirname(target);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  // The folders still missing are created as real folders, so this is where the file will really be.
  const real = realpathSync(existing);
  const final = join(real, target.slice(existing.length));
  if (!roots.some((r) => isInside(r, final))) {
    const link = real !== existing ? ` (${shownPath(root, existing)} resolves to ${real}, through a symlink)` : '';
    throw new InputError(
      `${prefix} lies outside the workspace and the runner's temporary folder${link}; files are written only there.`,
      { input: options.input },
    );
  }
  let stat;
  try {
    stat = lstatSync(final);
  } catch {
    return final;
  }
  if (stat.isSymbolicLink())
    throw new InputError(
      `${prefix} is a symlink; files are never written through a symlink. Remove it from the repository or pick another path.`,
      { input: options.input },
    );
  if (options.folder && !stat.isDirectory())
    throw new InputError(`${prefix} exists and is not a folder; give a folder path.`, { input: options.input });
  if (!options.folder && !stat.isFile())
    throw new InputError(
      `${prefix} exists and is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; give a file path.`,
      { input: options.input },
    );
  return final;
}

/** A file being written: bytes go to a temporary file; `commit()` renames it into place. */
export interface SafeWriter {
  readonly path: string;
  readonly tempPath: string;
  write(data: string | Uint8Array): void;
  /** Closes and renames into place (the target is checked again first). */
  commit(): void;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): void;
}

/** Opens a temporary file beside the checked target (created exclusively: never an existing file or link). */
export function openSafeWriter(given: string, options: WriteOptions): SafeWriter {
  const path = writeTarget(given, options);
  mkdirSync(dirname(path), { recursive: true });
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(
    tempPath,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    path,
    tempPath,
    write(data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    commit() {
      close();
      try {
        writeTarget(path, options);
        renameSync(tempPath, path);
      } catch (error) {
        rmSync(tempPath, { force: true });
        throw error;
      }
    },
    abort() {
      close();
      rmSync(tempPath, { force: true });
    },
  };
}

/** Writes a whole file safely (see openSafeWriter); returns the absolute path written. */
export function writeFileSafely(given: string, data: string | Uint8Array, options: WriteOptions): string {
  const writer = openSafeWriter(given, options);
  try {
    writer.write(data);
  } catch (error) {
    writer.abort();
    throw error;
  }
  writer.commit();
  return writer.path;
}
