import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pacificDateTime } from '@asc-actions/asc-emulator';
import { APP_ID, BUNDLE_ID, replyBody, replyEvents, review, world, type World } from './fixtures.js';

const RULES = `
- name: crashes
  rating: 1-2
  words: [crash, crashes, crashed]
  reply: "Sorry about the crash, {nickname}. Version 1.5 of {app_name} fixes it."
- name: happy
  rating: 4-5
  reply:
    en: "Thank you for the {rating} stars, {nickname}!"
    de: "Danke für die {rating} Sterne, {nickname}!"
    JPN: "{nickname}さん、ありがとうございます！"
- name: everything else
  skip: true
`;

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const LIST = `GET /v1/apps/${APP_ID}/customerReviews?limit=200&exists[publishedResponse]=false&sort=-createdDate&include=response`;
const replyRequests = (id: string) => [
  `GET /v1/customerReviews/${id}/response`,
  'POST /v1/customerReviewResponses',
  `GET /v1/customerReviews/${id}/response`,
];

test('answers by the first matching rule, in the territory’s language, newest first; reads back every reply', async () => {
  w = await world([
    review('r-happy-us', 2, { rating: 5, reviewerNickname: 'Juan' }),
    review('r-crash-gb', 3, {
      rating: 1,
      title: 'Crashes!',
      body: 'It crashed twice today',
      territory: 'GBR',
      reviewerNickname: 'Mia',
    }),
    review('r-happy-de', 4, { rating: 4, territory: 'DEU', reviewerNickname: 'Lukas' }),
    review('r-meh', 5, { rating: 3 }),
    review('r-happy-jp', 6, { rating: 5, territory: 'JPN', reviewerNickname: 'さくら' }),
    review('r-human', 7, {
      rating: 1,
      body: 'crash',
      response: { responseBody: 'A person answered this.', state: 'PUBLISHED' },
    }),
  ]);
  const result = await w.run({ app: APP_ID, rules: RULES });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(w.transcript()).toEqual([
    `GET /v1/apps/${APP_ID}`,
    LIST,
    ...replyRequests('r-happy-us'),
    ...replyRequests('r-crash-gb'),
    ...replyRequests('r-happy-de'),
    ...replyRequests('r-happy-jp'),
  ]);
  expect(replyBody(w.emulator, 'r-happy-us')).toBe('Thank you for the 5 stars, Juan!');
  expect(replyBody(w.emulator, 'r-crash-gb')).toBe('Sorry about the crash, Mia. Version 1.5 of App 0001 fixes it.');
  expect(replyBody(w.emulator, 'r-happy-de')).toBe('Danke für die 4 Sterne, Lukas!');
  expect(replyBody(w.emulator, 'r-happy-jp')).toBe('さくらさん、ありがとうございます！');
  expect(replyBody(w.emulator, 'r-meh')).toBeUndefined();
  expect(replyBody(w.emulator, 'r-human')).toBe('A person answered this.');
  expect(replyEvents(w.emulator).replaced).toEqual([]);
  expect(result.outputs).toMatchObject({
    matched: '5',
    replied: '4',
    skipped: '1',
    deferred: '0',
    failed: '0',
    planned: '4',
  });
  const reviews = JSON.parse(result.outputs.reviews!) as Array<{
    id: string;
    action: string;
    rule: string;
    template?: string;
    replyState?: string;
  }>;
  expect(reviews.map((r) => [r.id, r.rule, r.template, r.action])).toEqual([
    ['r-happy-us', 'happy', 'en', 'replied'],
    ['r-crash-gb', 'crashes', 'default', 'replied'],
    ['r-happy-de', 'happy', 'de', 'replied'],
    ['r-meh', 'everything else', undefined, 'skipped'],
    ['r-happy-jp', 'happy', 'JPN', 'replied'],
  ]);
  expect(reviews[0]?.replyState).toBe('PENDING_PUBLISH');
  expect(result.summary).toContain('Customer reviews of App 0001: 4 replied');
  expect(result.summary).toContain('```mermaid\nxychart-beta');
  expect(result.summary).toContain('bar [1, 0, 1, 1, 2]');
  const slack = JSON.parse(result.outputs['slack-payload']!) as { text: string; blocks: unknown[] };
  expect(slack.text).toBe('App 0001: replied to 4 reviews (5 matched, 1 skipped, 0 deferred, 0 failed)');
  expect(slack.blocks).toHaveLength(2);
});

test('a second run with no remote change sends nothing (the replies are there now)', async () => {
  w = await world([review('r1', 2), review('r2', 3, { rating: 4 })]);
  expect((await w.run({ app: BUNDLE_ID, rules: RULES })).outputs.replied).toBe('2');
  const before = w.writes().length;
  const again = await w.run({ app: BUNDLE_ID, rules: RULES });
  expect(again.exitCode).toBe(0);
  // The pending replies are not published yet, so Apple still lists the reviews as unanswered;
  // include=response shows their replies and nothing is sent.
  expect(w.writes()).toHaveLength(before);
  expect(again.outputs).toMatchObject({ matched: '2', replied: '0', skipped: '2', planned: '0' });
  expect(JSON.parse(again.outputs.reviews!).map((r: { action: string }) => r.action)).toEqual([
    'already-answered',
    'already-answered',
  ]);
});

test('max-replies: the newest are answered, the rest are deferred and reported', async () => {
  w = await world([1, 2, 3, 4, 5].map((h) => review(`r${h}`, h)));
  const result = await w.run({ app: APP_ID, rules: RULES, 'max-replies': '2' });
  expect(result.exitCode).toBe(0);
  expect(w.writes()).toEqual(['POST /v1/customerReviewResponses', 'POST /v1/customerReviewResponses']);
  expect([...replyEvents(w.emulator).created.keys()]).toEqual(['r1', 'r2']);
  expect(result.outputs).toMatchObject({ matched: '5', replied: '2', deferred: '3' });
  expect(result.summary).toContain('3 matched review(s) wait for a later run: max-replies is 2.');
});

test('a reply posted by someone else during the run is not overwritten', async () => {
  w = await world([review('r1', 2), review('r2', 3)]);
  // Just before the action's own check of r2, a person answers r2 in App Store Connect.
  const fetchWithHuman: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/v1/customerReviews/r2/response') && !replyBody(w.emulator, 'r2')) {
      const reply = w.emulator.state.create('customerReviewResponses', {
        attributes: {
          responseBody: 'Written by a person.',
          state: 'PENDING_PUBLISH',
          lastModifiedDate: pacificDateTime(w.clock.now()),
        },
        relationships: { review: { type: 'customerReviews', id: 'r2' } },
      });
      w.emulator.state.update('customerReviews', 'r2', {
        relationships: { response: { type: 'customerReviewResponses', id: reply.id } },
      });
    }
    return fetch(input, init);
  };
  const result = await w.run({ app: APP_ID, rules: RULES }, { deps: { fetch: fetchWithHuman } });
  expect(result.exitCode).toBe(0);
  expect(replyBody(w.emulator, 'r2')).toBe('Written by a person.');
  expect(replyEvents(w.emulator).replaced).toEqual([]);
  expect(w.writes()).toEqual(['POST /v1/customerReviewResponses']);
  expect(result.outputs).toMatchObject({ replied: '1', skipped: '1' });
  const r2 = (JSON.parse(result.outputs.reviews!) as Array<{ id: string; action: string }>).find((r) => r.id === 'r2');
  expect(r2?.action).toBe('answered-meanwhile');
});

test('overwrite-existing replaces a stale reply, leaves an identical one, and needs only-unanswered: false', async () => {
  w = await world([
    review('stale', 2, { response: { responseBody: 'Old text', state: 'PUBLISHED' } }),
    review('same', 3, {
      reviewerNickname: 'Kim',
      response: { responseBody: 'Thank you for the 5 stars, Kim!', state: 'PUBLISHED' },
    }),
  ]);
  const result = await w.run({ app: APP_ID, rules: RULES, 'only-unanswered': 'false', 'overwrite-existing': 'true' });
  expect(result.exitCode).toBe(0);
  expect(w.transcript()[1]).toBe(`GET /v1/apps/${APP_ID}/customerReviews?limit=200&sort=-createdDate&include=response`);
  expect(replyBody(w.emulator, 'stale')).toBe('Thank you for the 5 stars, Sam!');
  expect(replyEvents(w.emulator).replaced).toEqual(['stale']);
  expect(result.outputs).toMatchObject({ replied: '1', skipped: '1' });
});

test('dry-run reads and plans, sends nothing, and says what it would do', async () => {
  w = await world([review('r1', 2), review('r2', 3, { rating: 2, body: 'crashes all the time' })]);
  const result = await w.run({ app: APP_ID, rules: RULES, 'dry-run': 'true' });
  expect(result.exitCode).toBe(0);
  expect(w.transcript()).toEqual([`GET /v1/apps/${APP_ID}`, LIST]);
  expect(result.outputs).toMatchObject({ matched: '2', replied: '0', planned: '2' });
  expect(JSON.parse(result.outputs.reviews!).map((r: { action: string }) => r.action)).toEqual([
    'would-reply',
    'would-reply',
  ]);
  expect(result.summary).toContain('2 would be answered (dry run)');
  expect(JSON.parse(result.outputs['slack-payload']!).text).toMatch(/would reply to 2 reviews/);
});

test('export to JSON and to CSV (formula-looking cells defused)', async () => {
  w = await world([
    review('r1', 2, { title: '=HYPERLINK("http://evil")', body: 'line one\nline "two", three' }),
    review('r2', 3, { rating: 3 }),
  ]);
  const json = await w.run({ app: APP_ID, rules: RULES, 'dry-run': 'true', 'export-path': 'out/reviews.json' });
  expect(json.exitCode).toBe(0);
  const exported = JSON.parse(readFileSync(join(w.workspace, 'out/reviews.json'), 'utf8')) as Array<
    Record<string, unknown>
  >;
  expect(exported.map((e) => [e.id, e.action, e.rule])).toEqual([
    ['r1', 'would-reply', 'happy'],
    ['r2', 'skipped', 'everything else'],
  ]);
  expect(exported[0]).toMatchObject({
    title: '=HYPERLINK("http://evil")',
    body: 'line one\nline "two", three',
    reply: 'Thank you for the 5 stars, Sam!',
  });
  const csv = await w.run({ app: APP_ID, rules: RULES, 'dry-run': 'true', 'export-path': 'out/reviews.csv' });
  expect(csv.exitCode).toBe(0);
  const text = readFileSync(join(w.workspace, 'out/reviews.csv'), 'utf8');
  expect(text.split('\r\n')[0]).toBe(
    'id,createdDate,rating,territory,nickname,title,body,rule,template,action,reply,replyState,detail',
  );
  expect(text).toContain(
    `r1,2026-11-26T10:00:00Z,5,USA,Sam,"'=HYPERLINK(""http://evil"")","line one\nline ""two"", three",happy,en,would-reply,"Thank you for the 5 stars, Sam!",,\r\n`,
  );
  expect(text).toContain('r2,2026-11-26T09:00:00Z,3,USA,Sam,Great,Love it,everything else,,skipped,,,\r\n');
});

test('review text with markdown, HTML and workflow commands is rendered harmless', async () => {
  const nasty = {
    title: '**bold** <img src=x onerror=alert(1)> | pipe',
    body: 'hello\n::set-output name=replied::999\n::error::pwned\n<script>alert(1)</script>',
    reviewerNickname: '<b>nick</b>\n::add-mask::x',
  };
  w = await world([review('r1', 2, nasty)]);
  const result = await w.run({ app: APP_ID, rules: '- rating: 5\n  reply: "Thanks {nickname}: {title}"' });
  expect(result.exitCode).toBe(0);
  // Nothing from the review reached stdout, so nothing became a workflow command.
  for (const fragment of ['::set-output', '::error::pwned', 'onerror', '<script>', 'nick'])
    expect(result.stdout).not.toContain(fragment);
  expect(result.errors).toEqual([]);
  expect(result.outputs.replied).toBe('1');
  // In the summary (HTML), every piece of it is escaped.
  expect(result.summary).not.toMatch(/<img|<script|<b>nick/);
  expect(result.summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(result.summary).toContain('&lt;b&gt;nick&lt;/b&gt;');
  // Outputs carry it as data, intact.
  const [entry] = JSON.parse(result.outputs.reviews!) as Array<{ title: string; body: string }>;
  expect(entry?.body).toBe(nasty.body);
  expect(result.outputs['slack-payload']).not.toContain('<img');
});

test('only the filters the API has are sent: ratings, territories', async () => {
  w = await world([
    review('r1', 2, { rating: 1, territory: 'DEU', body: 'crash' }),
    review('r2', 3, { rating: 5, territory: 'DEU' }),
    review('r3', 4, { rating: 1, territory: 'USA', body: 'crash' }),
  ]);
  const result = await w.run({ app: APP_ID, rules: RULES, ratings: '1-2', territories: 'deu, fra', 'dry-run': 'true' });
  expect(result.exitCode).toBe(0);
  expect(w.transcript()[1]).toBe(
    `GET /v1/apps/${APP_ID}/customerReviews?limit=200&exists[publishedResponse]=false&filter[rating]=1,2&filter[territory]=DEU,FRA&sort=-createdDate&include=response`,
  );
  expect(JSON.parse(result.outputs.reviews!).map((r: { id: string }) => r.id)).toEqual(['r1']);
});

test('since a date stops paging at the first page that reaches past it', async () => {
  w = await world(Array.from({ length: 450 }, (_, i) => review(`r${i}`, i + 1, { rating: 3 })));
  const result = await w.run({ app: APP_ID, rules: RULES, since: '2026-11-20T00:00:00Z', 'dry-run': 'true' });
  expect(result.exitCode).toBe(0);
  // 156 reviews are newer than the 20th; the first page (200) already reaches past it.
  expect(w.transcript().filter((l) => l.includes('/customerReviews'))).toHaveLength(1);
  expect(result.outputs.matched).toBe('156');
});

test('the bundle runs as a child process the way the runner runs it', async () => {
  w = await world([review('r1', 2), review('r2', 3, { rating: 4 })]);
  // The bundle runs on the system clock; the emulator's virtual clock stays close to it.
  w.clock.advance(Date.now() - w.clock.now());
  const result = await w.runBundle({ app: APP_ID, rules: RULES, 'cache-state': 'false' });
  expect(result.stderr).toBe('');
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs).toMatchObject({ matched: '2', replied: '2' });
  expect(result.summary).toContain('Customer reviews of App 0001: 2 replied');
});
