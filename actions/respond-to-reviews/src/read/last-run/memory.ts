/**
 * The run's window of reviews (from `since`) and, with `cache-state`, what the next run will
 * remember. `since: last-run` restores the newest saved state; every run that is not a dry
 * run saves its state (so a workflow can switch to last-run later).
 */
import { actionsCache, type CacheStore, type Logger } from '@asc-actions/core';
import type { Settings } from '../../inputs.js';
import type { Review } from '../../model.js';
import { restoreState, runKey, saveState, stateSlot } from './store.js';
import { nextState, windowOf, type Window } from './window.js';

export interface Memory {
  window: Window;
  /** For people: which reviews were read. */
  describe: string;
  save(read: readonly Review[], handled: ReadonlySet<string>, capped: boolean): Promise<void>;
}

export interface MemoryContext {
  settings: Settings;
  appId: string;
  env: NodeJS.ProcessEnv;
  now: number;
  logger: Logger;
}

async function initialWindow(
  ctx: MemoryContext,
  cache: () => CacheStore,
  key: string,
): Promise<{ window: Window; describe: string }> {
  const { since } = ctx.settings;
  if (since.kind === 'date') {
    const from = new Date(since.ms).toISOString();
    return { window: { fromMs: since.ms, from, done: new Set() }, describe: `created since ${from}` };
  }
  if (since.kind === 'all') return { window: { done: new Set() }, describe: 'with no date limit' };
  const state = await restoreState(
    cache(),
    stateSlot(ctx.appId, ctx.settings, ctx.env),
    ctx.appId,
    key,
    ctx.logger,
    ctx.now,
  );
  const window = windowOf(state);
  const describe = window.from
    ? `created since the last run's mark (${window.from})`
    : 'with no date limit (no state saved by an earlier run)';
  return { window, describe };
}

export async function openMemory(ctx: MemoryContext): Promise<Memory> {
  let store: CacheStore | undefined;
  const cache = (): CacheStore => (store ??= actionsCache(ctx.logger));
  const key = runKey(ctx.env, ctx.now);
  const { window, describe } = await initialWindow(ctx, cache, key);
  return {
    window,
    describe,
    async save(read, handled, capped) {
      if (!ctx.settings.cacheState) return;
      const state = nextState(ctx.appId, window, read, handled, capped);
      const saved = await saveState(cache(), stateSlot(ctx.appId, ctx.settings, ctx.env), state, key);
      if (saved)
        ctx.logger.info(
          `Saved the review state (${saved}): next mark ${state.mark ?? 'none'}, ${state.done.length} handled id(s).`,
        );
    },
  };
}
