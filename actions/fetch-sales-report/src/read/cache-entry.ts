/** One cached report's folder: the report and its state beside it (meta.json). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRepoText, writeFileSafely } from '@asc-actions/core';
import type { CachedState } from '../model.js';

export const REPORT_FILE = 'report.txt.gz';
export const META_FILE = 'meta.json';

/**
 * What a cache restored into `dir`, or undefined when it is not a whole entry. It is read like a
 * repository file: regular, bounded, plain text; an `available` state needs its report beside it.
 */
export function readEntry(dir: string): CachedState | undefined {
  try {
    const meta = JSON.parse(
      readRepoText(join(dir, META_FILE), { input: 'the report cache', kind: 'data', workspace: dir }).text,
    ) as CachedState;
    if (meta.state === 'no-sales' || (meta.state === 'available' && existsSync(join(dir, REPORT_FILE)))) return meta;
  } catch {
    // an unreadable entry is a miss
  }
  return undefined;
}

/** Records the state beside the report. */
export function writeEntry(dir: string, state: CachedState): void {
  writeFileSafely(join(dir, META_FILE), `${JSON.stringify(state)}\n`, { input: 'the report cache', workspace: dir });
}
