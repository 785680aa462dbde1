import type { Logger } from '../logger.js';

// @actions/cache (with the Azure storage SDK behind it) is most of a bundle's size: it is loaded
// only when a cache is used, so actions that never touch it start fast.
const loadCache = () => import('@actions/cache');

/**
 * @actions/cache's isFeatureAvailable(), without loading the library: the v2 service needs
 * ACTIONS_RESULTS_URL, v1 needs ACTIONS_CACHE_URL; GHES (a server other than github.com,
 * *.ghe.com or *.localhost) always uses v1.
 */
export function cacheServiceAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
  const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST');
  return !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? !!env.ACTIONS_RESULTS_URL : !!env.ACTIONS_CACHE_URL;
}

/**
 * The Actions cache, as the actions use it: state kept across runs (the newest review seen,
 * downloaded reports). A cache is an optimisation, never a dependency: with no cache service
 * (local runs, some self-hosted runners) or on any cache failure the action says so once and
 * goes on without it.
 */
export interface CacheStore {
  /** A cache service is configured for this job. */
  readonly available: boolean;
  /** Restores `paths` from the first key that matches (exact `key`, then `restoreKeys` as prefixes). */
  restore(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>;
  /** Saves `paths` under `key`; false when there is no service or the key exists already (entries are immutable). */
  save(paths: string[], key: string): Promise<boolean>;
}

export function actionsCache(logger: Logger): CacheStore {
  // Availability first: without a cache service, restore/save warn and spend ~10 s in retries.
  const available = cacheServiceAvailable();
  let told = false;
  const unavailable = (): void => {
    if (told) return;
    told = true;
    logger.warning('No GitHub Actions cache service is available to this job: going on without the cache.');
  };
  return {
    available,
    async restore(paths, key, restoreKeys = []) {
      if (!available) return (unavailable(), undefined);
      try {
        const cache = await loadCache();
        return await withinLimit(
          cache.restoreCache(paths, key, restoreKeys, {
            timeoutInMs: CACHE_LIMIT_MS / 2,
            segmentTimeoutInMs: CACHE_LIMIT_MS,
          }),
        );
      } catch (error) {
        logger.warning(`The cache could not be read (${describe(error)}); going on without it.`);
        return undefined;
      }
    },
    async save(paths, key) {
      if (!available) return (unavailable(), false);
      try {
        return (await withinLimit((await loadCache()).saveCache(paths, key))) !== -1;
      } catch (error) {
        logger.warning(`The cache could not be written (${describe(error)}); the next run will fetch again.`);
        return false;
      }
    },
  };
}

/** A cache that does not answer within a minute is not waited for: the step goes on without it. */
export const CACHE_LIMIT_MS = 60_000;

function withinLimit<T>(work: Promise<T>, limitMs = CACHE_LIMIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limitMs / 1000} s`)), limitMs);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
