/**
 * Keeps the review state across runs in the Actions cache (core's `actionsCache`). Cache entries
 * are immutable, so each run saves under a new key and the next restores the newest one by
 * prefix. The prefix holds the app and the server-side filters: two steps that read different
 * reviews of one app keep separate marks. Without a cache service the run reads every review
 * (the cache wrapper says so once) and nothing breaks.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readRepoText, writeFileSafely, type CacheStore, type Logger } from '@asc-actions/core';
import type { Settings } from '../../inputs.js';
import type { ReviewState } from './window.js';

export interface StateSlot {
  /** Every key of this app and filter set starts with it. */
  prefix: string;
  /** The file the state is written to and restored into (the cache stores paths). */
  path: string;
}

export function stateSlot(
  appId: string,
  settings: Pick<Settings, 'onlyUnanswered' | 'ratings' | 'territories'>,
  env: NodeJS.ProcessEnv,
): StateSlot {
  const scope = createHash('sha256')
    .update(
      JSON.stringify({
        onlyUnanswered: settings.onlyUnanswered,
        ratings: settings.ratings,
        territories: [...settings.territories].sort(),
      }),
    )
    .digest('hex')
    .slice(0, 12);
  const prefix = `asc-respond-to-reviews-v1-${appId}-${scope}-`;
  // The cache entry's version is derived from this path: keep it the same on every run.
  const dir = join(env.RUNNER_TEMP || tmpdir(), 'asc-respond-to-reviews');
  return { prefix, path: join(dir, `${appId}-${scope}.json`) };
}

function parse(text: string, appId: string): ReviewState | undefined {
  const value = JSON.parse(text) as Partial<ReviewState>;
  if (value.version !== 1 || value.appId !== appId || !Array.isArray(value.done)) return undefined;
  if (value.markMs !== undefined && typeof value.markMs !== 'number') return undefined;
  return {
    version: 1,
    appId,
    ...(value.markMs !== undefined ? { mark: String(value.mark), markMs: value.markMs } : {}),
    done: value.done.map(String),
  };
}

/** The newest saved state of this slot, or undefined (none, no cache service, unreadable). */
export async function restoreState(
  store: CacheStore,
  slot: StateSlot,
  appId: string,
  runKey: string,
  logger: Logger,
  now: number,
): Promise<ReviewState | undefined> {
  const hit = await store.restore([slot.path], `${slot.prefix}${runKey}`, [slot.prefix]);
  if (hit === undefined) return undefined;
  try {
    // What a cache restores is read like a repository file: a regular file, bounded, plain text.
    const text = readRepoText(slot.path, {
      input: 'the saved review state',
      kind: 'data',
      workspace: dirname(slot.path),
    }).text;
    const state = parse(text, appId);
    if (!state)
      logger.warning(`The saved review state (${hit}) is not one this version understands; reading all reviews.`);
    if (state?.markMs !== undefined && !(state.markMs <= now)) {
      // A mark in the future would hide every review until then: state that lies is ignored.
      logger.warning(
        `The saved review state (${hit}) has a last-run mark in the future (${new Date(state.markMs).toISOString()}); the mark was ignored and reviews are read with no date limit.`,
      );
      return { version: 1, appId, done: state.done };
    }
    return state;
  } catch (error) {
    logger.warning(
      `The saved review state (${hit}) could not be read (${error instanceof Error ? error.message : String(error)}); reading all reviews.`,
    );
    return undefined;
  }
}

export async function saveState(
  store: CacheStore,
  slot: StateSlot,
  state: ReviewState,
  runKey: string,
): Promise<string | undefined> {
  writeFileSafely(slot.path, `${JSON.stringify(state)}\n`, {
    input: 'the saved review state',
    workspace: dirname(slot.path),
  });
  const key = `${slot.prefix}${runKey}`;
  return (await store.save([slot.path], key)) ? key : undefined;
}

/** Unique per run and attempt (entries are immutable); `now` keeps local runs apart. */
export function runKey(env: NodeJS.ProcessEnv, now: number): string {
  return `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${now}`;
}
