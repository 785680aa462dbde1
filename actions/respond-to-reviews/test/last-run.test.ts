/**
 * `since: last-run` over several runs, with the state kept by @actions/cache in a local fake of
 * the Actions cache service; and the clean fallback when there is no cache service.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_RESPONSE_PUBLISH_DELAY_MS } from '@asc-actions/asc-emulator';
import { startCacheService, type CacheService } from '../../../test-support/cache-service.js';
import { APP_ID, review, replyEvents, world, type World } from './fixtures.js';

const RULES = '- rating: 4-5\n  reply: "Thanks, {nickname}!"\n- rating: 1-3\n  skip: true';
const LIST_PREFIX = `GET /v1/apps/${APP_ID}/customerReviews?`;

let w: World;
let cache: CacheService;
let temp: string;
beforeEach(async () => {
  cache = await startCacheService();
});
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
  await cache.close();
});

/** A fresh runner each time: its temp folder is empty, only the cache remembers. */
async function nightly(inputs: Record<string, string> = {}, env: Record<string, string | undefined> = cache.env) {
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const before = w.emulator.requests.length;
  const result = await w.run(
    { app: APP_ID, rules: RULES, since: 'last-run', ...inputs },
    { env: { ...env, RUNNER_TEMP: temp } },
  );
  const lists = w.emulator
    .transcript()
    .slice(before)
    .filter((l) => l.startsWith(LIST_PREFIX)).length;
  return { result, lists };
}

/** New reviews arrive, and a day passes (yesterday's replies get published). */
function dayPasses(newIds: string[], rating = 5): void {
  w.clock.advance(REVIEW_RESPONSE_PUBLISH_DELAY_MS);
  const hoursAgo = (Date.parse('2026-11-26T12:00:00Z') - w.clock.now()) / 3_600_000;
  for (const [i, id] of newIds.entries()) {
    const r = review(id, hoursAgo + 1 + i, { rating });
    w.emulator.state.create('customerReviews', {
      id,
      attributes: {
        rating: r.rating,
        title: r.title,
        body: r.body,
        reviewerNickname: r.reviewerNickname,
        createdDate: r.createdDate,
        territory: r.territory,
      },
      relationships: { app: { type: 'apps', id: APP_ID }, response: null },
    });
  }
}

test('the second night reads one page: only the reviews since the first night', async () => {
  // 450 unanswered 3-star reviews (skipped by rule: they stay unanswered) and 2 happy ones.
  w = await world([
    review('happy-1', 1),
    review('happy-2', 2),
    ...Array.from({ length: 450 }, (_, i) => review(`meh-${i}`, 3 + i, { rating: 3 })),
  ]);
  temp = join(w.workspace, 'runner-temp');
  const first = await nightly();
  expect(first.result.exitCode).toBe(0);
  expect(first.lists).toBe(3);
  expect(first.result.outputs).toMatchObject({ matched: '452', replied: '2', skipped: '450' });
  expect(first.result.summary).toContain('with no date limit (no state saved by an earlier run)');
  expect(cache.entries.map((e) => e.key)).toEqual([
    expect.stringMatching(new RegExp(`^asc-respond-to-reviews-v1-${APP_ID}-[0-9a-f]{12}-local-1-\\d+$`)),
  ]);

  dayPasses(['new-1', 'new-2', 'new-3']);
  const second = await nightly();
  expect(second.result.exitCode).toBe(0);
  expect(second.lists).toBe(1);
  expect(second.result.outputs).toMatchObject({ matched: '3', replied: '3', skipped: '0' });
  expect(second.result.summary).toContain('created since the last run&#39;s mark (2026-11-26T11:00:00Z)');
  expect(cache.entries).toHaveLength(2);

  dayPasses([]);
  const third = await nightly();
  expect(third.lists).toBe(1);
  expect(third.result.outputs).toMatchObject({ matched: '0', replied: '0' });
  const { created, replaced } = replyEvents(w.emulator);
  expect([...created.values()].every((n) => n === 1)).toBe(true);
  expect(created.size).toBe(5);
  expect(replaced).toEqual([]);
});

test('reviews deferred by max-replies are answered by the next nights, none twice', async () => {
  w = await world([1, 2, 3, 4, 5].map((h) => review(`r${h}`, h)));
  temp = join(w.workspace, 'runner-temp');
  const answered: string[][] = [];
  for (let night = 0; night < 4; night++) {
    const { result } = await nightly({ 'max-replies': '2' });
    expect(result.exitCode).toBe(0);
    answered.push(
      (JSON.parse(result.outputs.reviews!) as Array<{ id: string; action: string }>)
        .filter((r) => r.action === 'replied')
        .map((r) => r.id),
    );
    dayPasses([]);
  }
  expect(answered).toEqual([['r1', 'r2'], ['r3', 'r4'], ['r5'], []]);
  expect([...replyEvents(w.emulator).created.keys()].sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
});

test('a dry run neither answers nor moves the mark', async () => {
  w = await world([review('r1', 1), review('r2', 2)]);
  temp = join(w.workspace, 'runner-temp');
  expect((await nightly({ 'dry-run': 'true' })).result.outputs.planned).toBe('2');
  expect(cache.entries).toEqual([]);
  expect((await nightly()).result.outputs.replied).toBe('2');
});

test('without a cache service: one warning, every review read, the run goes on', async () => {
  w = await world([review('r1', 1), review('r2', 2)]);
  temp = join(w.workspace, 'runner-temp');
  const { result } = await nightly(
    {},
    { ACTIONS_CACHE_URL: undefined, ACTIONS_RESULTS_URL: undefined, ACTIONS_RUNTIME_TOKEN: undefined },
  );
  expect(result.exitCode).toBe(0);
  expect(result.outputs.replied).toBe('2');
  expect(result.stdout.match(/::warning::No GitHub Actions cache service/g)).toHaveLength(1);
  expect(cache.requests).toEqual([]);
});
