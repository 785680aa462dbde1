/**
 * Faults: seeded runs (FAULT_RUNS, 10 locally, 50 in CI) in which about 10% of requests meet the
 * emulator's random fault (5xx, 429, expired token, connection dropped before or after the write
 * is applied), and people answer some reviews while the action runs. Each seed runs the action
 * twice (a run leaves for the next what it could not confirm). Whatever happens: no review is answered twice, and no review that
 * had a reply (a person's, or one of ours) gets another.
 */
import {
  pacificDateTime,
  seededRandom,
  type FaultChoice,
  type InjectedFault,
  type SeedCustomerReview,
} from '@asc-actions/asc-emulator';
import { faultRuns } from '../../../test-support/action-harness.js';
import { APP_ID, replyEvents, review, world, type World } from './fixtures.js';

const RULES =
  '- rating: 1-2\n  reply: "Sorry, {nickname}."\n- rating: 4-5\n  reply: "Thanks, {nickname}!"\n- skip: true';
const RUNS = faultRuns();
const KINDS: FaultChoice[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'rate-limit', retryAfter: '1' },
  { kind: 'expired-token' },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];

function reviewsFor(random: () => number): SeedCustomerReview[] {
  return Array.from({ length: 10 }, (_, i) => {
    const roll = random();
    const rating = 1 + Math.floor(random() * 5);
    const response =
      roll < 0.15
        ? { responseBody: 'A person wrote this.', state: 'PUBLISHED' as const }
        : roll < 0.3
          ? { responseBody: 'A person wrote this, pending.', state: 'PENDING_PUBLISH' as const }
          : undefined;
    return review(`r${i}`, i + 1, { rating, ...(response ? { response } : {}) });
  });
}

/** A fetch that lets people answer reviews while the action runs (the faults are the emulator's). */
function people(w: World, random: () => number): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const human = /^\/v1\/customerReviews\/([^/]+)\/response$/.exec(url.pathname);
    if (human && random() < 0.05) answerAsAPerson(w, human[1]!);
    return fetch(input, init);
  };
}

function answerAsAPerson(w: World, reviewId: string): void {
  const r = w.emulator.state.get('customerReviews', reviewId);
  if (!r || w.emulator.state.relatedId(r, 'response')) return;
  const reply = w.emulator.state.create('customerReviewResponses', {
    attributes: {
      responseBody: 'A person wrote this mid-run.',
      state: 'PENDING_PUBLISH',
      lastModifiedDate: pacificDateTime(w.clock.now()),
    },
    relationships: { review: { type: 'customerReviews', id: reviewId } },
  });
  w.emulator.state.update('customerReviews', reviewId, {
    relationships: { response: { type: 'customerReviewResponses', id: reply.id } },
  });
}

function answeredBefore(w: World): Set<string> {
  return new Set(
    w.emulator.state
      .all('customerReviews')
      .filter((r) => w.emulator.state.relatedId(r, 'response'))
      .map((r) => r.id),
  );
}

test(`${RUNS} seeded runs with 10% faults: no review answered twice, none that already had a reply`, async () => {
  const injected: InjectedFault[] = [];
  let failedRuns = 0;
  let replies = 0;
  let requests = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const random = seededRandom(seed);
    const w = await world(reviewsFor(random));
    const log = w.emulator.faults.random({ seed, rate: 0.1, kinds: KINDS });
    try {
      for (let pass = 0; pass < 2; pass++) {
        const hadReply = answeredBefore(w);
        const before = replyEvents(w.emulator).created;
        const result = await w.run(
          { app: APP_ID, rules: RULES, 'cache-state': 'false' },
          { deps: { fetch: people(w, random) } },
        );
        if (result.exitCode !== 0) failedRuns++;
        const after = replyEvents(w.emulator);
        expect({ seed, pass, replaced: after.replaced }).toEqual({ seed, pass, replaced: [] });
        for (const [id, n] of after.created) {
          expect({ seed, id, created: n }).toEqual({ seed, id, created: 1 });
          if (!before.has(id)) expect({ seed, id, hadReply: hadReply.has(id) }).toEqual({ seed, id, hadReply: false });
        }
      }
      injected.push(...log);
      replies += replyEvents(w.emulator).created.size;
      requests += w.emulator.requests.length;
      expect(w.emulator.violations).toEqual([]);
    } finally {
      await w.close();
    }
  }
  // The faults did happen (about one request in ten, writes included) and most replies still went through.
  const tally = new Map<string, number>();
  for (const f of injected) tally.set(`${f.method} ${f.kind}`, (tally.get(`${f.method} ${f.kind}`) ?? 0) + 1);
  process.stderr.write(
    `faults: ${injected.length} of ${requests} requests; ${replies} replies; ${failedRuns} of ${2 * RUNS} runs ended in failure; ${JSON.stringify(Object.fromEntries(tally))}\n`,
  );
  expect(injected.length / requests).toBeGreaterThan(0.05);
  expect(injected.length / requests).toBeLessThan(0.15);
  expect(injected.filter((f) => f.method === 'POST').length).toBeGreaterThan(0);
}, 240_000);
