import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionsCache, cacheServiceAvailable } from '../../src/action/cache.js';
import type { Logger } from '../../src/logger.js';
import { startCacheService, type CacheService } from '../../../../test-support/cache-service.js';
import { asRunner } from '../../../../test-support/runner.js';

const recorder = () => {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => void warnings.push(m) };
  return { logger, warnings };
};

let service: CacheService;
let work: string;
beforeEach(async () => {
  service = await startCacheService();
  work = mkdtempSync(join(tmpdir(), 'asc-cache-'));
});
afterEach(async () => {
  await service.close();
  rmSync(work, { recursive: true, force: true });
});

test('saves a folder and restores it into a fresh checkout; keys are immutable', async () => {
  const dir = join(work, 'state');
  mkdirSync(dir);
  writeFileSync(join(dir, 'last-run.json'), '{"newest":"2026-11-25"}');
  const { logger, warnings } = recorder();
  const saved = await asRunner({}, service.env, () => actionsCache(logger).save([dir], 'reviews-app1-v1'));
  expect(saved.value).toBe(true);
  expect(service.entries.map((e) => e.key)).toEqual(['reviews-app1-v1']);

  const again = await asRunner({}, service.env, () => actionsCache(logger).save([dir], 'reviews-app1-v1'));
  expect(again.value).toBe(false);
  expect(service.entries).toHaveLength(1);

  rmSync(dir, { recursive: true });
  const restored = await asRunner({}, service.env, () =>
    actionsCache(logger).restore([dir], 'reviews-app1-v2', ['reviews-app1-']),
  );
  expect(restored.value).toBe('reviews-app1-v1');
  expect(readFileSync(join(dir, 'last-run.json'), 'utf8')).toBe('{"newest":"2026-11-25"}');
  expect(warnings).toEqual([]);
});

test('a miss restores nothing', async () => {
  const { logger } = recorder();
  const result = await asRunner({}, service.env, () => actionsCache(logger).restore([join(work, 'x')], 'nothing-here'));
  expect(result.value).toBeUndefined();
  expect(service.requests).toEqual(['GET /_apis/artifactcache/cache']);
});

test('without a cache service it says so once, makes no request, and goes on', async () => {
  const { logger, warnings } = recorder();
  const env = { ACTIONS_CACHE_URL: undefined, ACTIONS_RESULTS_URL: undefined, ACTIONS_CACHE_SERVICE_V2: undefined };
  const result = await asRunner({}, env, async () => {
    const store = actionsCache(logger);
    return [
      store.available,
      await store.restore([work], 'k'),
      await store.save([work], 'k'),
      await store.restore([work], 'k'),
    ];
  });
  expect(result.value).toEqual([false, undefined, false, undefined]);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/No GitHub Actions cache service/);
  expect(service.requests).toEqual([]);
});

test.each([
  [{ ACTIONS_CACHE_URL: 'https://c/' }, true],
  [{}, false],
  [{ ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_RESULTS_URL: 'https://r/' }, true],
  [{ ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_CACHE_URL: 'https://c/' }, false],
  [
    {
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_CACHE_URL: 'https://c/',
      GITHUB_SERVER_URL: 'https://ghes.example.com',
    },
    true,
  ],
])('cacheServiceAvailable(%o) agrees with @actions/cache: %s', async (env, expected) => {
  const cache = await import('@actions/cache');
  const result = await asRunner(
    {},
    {
      ACTIONS_CACHE_URL: undefined,
      ACTIONS_RESULTS_URL: undefined,
      ACTIONS_CACHE_SERVICE_V2: undefined,
      GITHUB_SERVER_URL: undefined,
      ...env,
    },
    () => [cacheServiceAvailable(), cache.isFeatureAvailable()],
  );
  expect(result.value).toEqual([expected, expected]);
});
