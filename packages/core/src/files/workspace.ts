/** The folders an action may touch: the workspace (reads and writes) and RUNNER_TEMP (writes). */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The checked-out repository: GITHUB_WORKSPACE, or the current folder outside Actions. */
export function workspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return realOrSelf(env.GITHUB_WORKSPACE || process.cwd());
}

/** The runner's temporary folder, when the runner set one. */
export function runnerTemp(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.RUNNER_TEMP ? realOrSelf(env.RUNNER_TEMP) : undefined;
}

export function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Absolute form of a path given in an input: relative ones are relative to the workspace. */
export function absoluteIn(root: string, given: string): string {
  return isAbsolute(given) ? resolve(given) : resolve(root, given);
}

export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Workspace-relative form for messages (an absolute path when it lies elsewhere). */
export function shownPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
