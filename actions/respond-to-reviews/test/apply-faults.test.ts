/**
 * A lost answer after a POST is resolved by reading back, never by posting again; a failure
 * mid-run says what was applied and what was not, and the next run converges.
 */
import { APP_ID, replyBody, replyEvents, review, world, type World } from './fixtures.js';

const RULES = '- reply: "Thanks, {nickname}!"';
const POST = 'POST /v1/customerReviewResponses';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const actions = (outputs: Record<string, string>): string[] =>
  (JSON.parse(outputs.reviews!) as Array<{ action: string }>).map((r) => r.action);

test('connection dropped after the reply was applied: read back, counted as replied, posted once', async () => {
  w = await world([review('r1', 1)]);
  w.emulator.faults.add({ method: 'POST', path: '/v1/customerReviewResponses', kind: 'drop-after' });
  const result = await w.run({ app: APP_ID, rules: RULES });
  expect(result.exitCode).toBe(0);
  expect(w.transcript().slice(2)).toEqual([
    'GET /v1/customerReviews/r1/response',
    POST,
    'GET /v1/customerReviews/r1/response',
  ]);
  expect(w.emulator.requests.find((r) => r.method === 'POST')?.status).toBe(0);
  expect(result.outputs).toMatchObject({ replied: '1', failed: '0' });
  expect(JSON.parse(result.outputs.reviews!)[0].detail).toMatch(
    /^confirmed by reading back after: POST \/v1\/customerReviewResponses: /,
  );
});

test('connection dropped before it was applied: reported as not sent, left for the next run, which answers it once', async () => {
  w = await world([review('r1', 1), review('r2', 2)]);
  w.emulator.faults.add({ method: 'POST', path: '/v1/customerReviewResponses', kind: 'drop-before' });
  const first = await w.run({ app: APP_ID, rules: RULES });
  expect(first.exitCode).toBe(1);
  expect(first.errors).toEqual([
    '1 of 2 replies failed or could not be confirmed (see the job summary); the next run checks them again.',
  ]);
  expect(w.writes()).toEqual([POST, POST]);
  expect(replyBody(w.emulator, 'r1')).toBeUndefined();
  expect(actions(first.outputs)).toEqual(['failed', 'replied']);
  expect(JSON.parse(first.outputs.reviews!)[0].detail).toMatch(
    /^not applied \(read back after: .*\); left for the next run$/,
  );
  const second = await w.run({ app: APP_ID, rules: RULES });
  expect(second.exitCode).toBe(0);
  expect(replyBody(w.emulator, 'r1')).toBe('Thanks, Sam!');
  expect([...replyEvents(w.emulator).created.values()]).toEqual([1, 1]);
});

test('a 5xx on the POST is not retried: read back decides', async () => {
  w = await world([review('r1', 1)]);
  w.emulator.faults.add({ method: 'POST', path: '/v1/customerReviewResponses', kind: 'status', status: 500 });
  const result = await w.run({ app: APP_ID, rules: RULES });
  expect(w.writes()).toEqual([POST]);
  expect(result.exitCode).toBe(1);
  expect(actions(result.outputs)).toEqual(['failed']);
});

test('a 403 mid-run stops it: what was sent and what was not are reported, with the role needed', async () => {
  w = await world([review('r1', 1), review('r2', 2), review('r3', 3)]);
  let posts = 0;
  const forbidSecondPost: typeof fetch = (input, init) => {
    if (init?.method === 'POST' && ++posts === 2)
      w.emulator.faults.add({ method: 'POST', path: '/v1/customerReviewResponses', kind: 'status', status: 403 });
    return fetch(input, init);
  };
  const result = await w.run({ app: APP_ID, rules: RULES }, { deps: { fetch: forbidSecondPost } });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(/403.*Customer Support, App Manager or Marketing role/);
  expect(result.stdout).toContain(
    '::warning::Stopped after 1 of 3 replies; the others were not sent (see the job summary).',
  );
  expect(actions(result.outputs)).toEqual(['replied', 'not-attempted', 'not-attempted']);
  expect(result.outputs).toMatchObject({ replied: '1', failed: '2' });
  expect(result.summary).toContain('⛔ not attempted');
  const again = await w.run({ app: APP_ID, rules: RULES });
  expect(again.exitCode).toBe(0);
  expect(again.outputs).toMatchObject({ replied: '2', skipped: '1' });
  expect(replyEvents(w.emulator).replaced).toEqual([]);
});
