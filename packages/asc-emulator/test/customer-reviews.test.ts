import {
  DEMO_APP_ID,
  REVIEW_RESPONSE_MAX,
  REVIEW_RESPONSE_PUBLISH_DELAY_MS,
  makeApps,
  makeReviews,
  pacificDateTime,
  reviewResponseLog,
  type SeedCustomerReview,
} from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface ReviewDoc {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: { response?: { links: { self: string; related: string }; data?: { type: string; id: string } } };
  links: { self: string };
}
interface ReviewsPage {
  data: ReviewDoc[];
  included?: Array<{ type: string; id: string; attributes: Record<string, unknown> }>;
  links: { self: string; next?: string };
  meta: { paging: { total: number; limit: number } };
}

const APP = '1700000001';
let h: Harness;

async function start(reviews: SeedCustomerReview[]): Promise<void> {
  h = await harness({ seed: { apps: makeApps(1), customerReviews: reviews } });
}
afterEach(async () => {
  if (!h) return; // a test that started no emulator
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const page = async (query: string): Promise<ReviewsPage> => {
  const res = await h.get(`/v1/apps/${APP}/customerReviews${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ReviewsPage;
};
const reply = (reviewId: string, responseBody: string) => ({
  data: {
    type: 'customerReviewResponses',
    attributes: { responseBody },
    relationships: { review: { data: { type: 'customerReviews', id: reviewId } } },
  },
});

test('Pacific dates carry the offset of the day (PDT in summer, PST in winter)', () => {
  expect(pacificDateTime(Date.parse('2024-01-02T18:19:36Z'))).toBe('2024-01-02T10:19:36-08:00');
  expect(pacificDateTime(Date.parse('2024-07-02T18:19:36Z'))).toBe('2024-07-02T11:19:36-07:00');
});

test('filters: rating, territory, reviewTerritory, exists[publishedResponse] (pending replies are not published)', async () => {
  const base = { app: APP, reviewerNickname: 'n', title: 't', body: 'b' };
  await start([
    { ...base, id: 'r1', rating: 5, territory: 'USA', createdDate: '2026-11-20T10:00:00-08:00' },
    {
      ...base,
      id: 'r2',
      rating: 1,
      territory: 'DEU',
      createdDate: '2026-11-21T10:00:00-08:00',
      response: { responseBody: 'Danke', state: 'PUBLISHED' },
    },
    {
      ...base,
      id: 'r3',
      rating: 1,
      territory: 'USA',
      createdDate: '2026-11-22T10:00:00-08:00',
      response: {
        responseBody: 'Soon',
        state: 'PENDING_PUBLISH',
        lastModifiedDate: pacificDateTime(Date.parse('2026-11-26T11:00:00Z')),
      },
    },
  ]);
  const ids = async (q: string) => (await page(q)).data.map((r) => r.id);
  expect(await ids('?filter[rating]=1')).toEqual(['r3', 'r2']);
  expect(await ids('?filter[rating]=1,5&filter[territory]=USA')).toEqual(['r3', 'r1']);
  expect(await ids('?filter[reviewTerritory]=DEU')).toEqual(['r2']);
  expect(await ids('?exists[publishedResponse]=true')).toEqual(['r2']);
  expect(await ids('?exists[publishedResponse]=false')).toEqual(['r3', 'r1']);
  const bad = await h.get(`/v1/apps/${APP}/customerReviews?filter[rating]=five`);
  expect(bad.status).toBe(400);
  expect((await firstError(bad)).code).toBe('PARAMETER_ERROR.INVALID');
});

test('sort by instant, not by string, across offsets (the autumn hour that repeats)', async () => {
  const base = { app: APP, reviewerNickname: 'n', territory: 'USA' };
  await start([
    { ...base, id: 'pdt-0130', rating: 2, createdDate: '2026-11-01T01:30:00-07:00' }, // 08:30Z
    { ...base, id: 'pst-0110', rating: 5, createdDate: '2026-11-01T01:10:00-08:00' }, // 09:10Z, later
    { ...base, id: 'utc', rating: 3, createdDate: '2026-11-01T08:50:00Z' },
  ]);
  const ids = async (q: string) => (await page(q)).data.map((r) => r.id);
  expect(await ids('?sort=createdDate')).toEqual(['pdt-0130', 'utc', 'pst-0110']);
  expect(await ids('?sort=-createdDate')).toEqual(['pst-0110', 'utc', 'pdt-0130']);
  expect(await ids('')).toEqual(['pst-0110', 'utc', 'pdt-0130']);
  expect(await ids('?sort=-rating')).toEqual(['pst-0110', 'utc', 'pdt-0130']);
  expect(await ids('?sort=rating,-createdDate')).toEqual(['pdt-0130', 'utc', 'pst-0110']);
});

test('include=response brings the reply; a review without one has no linkage', async () => {
  const base = { app: APP, reviewerNickname: 'n', territory: 'USA', rating: 3 };
  await start([
    {
      ...base,
      id: 'answered',
      createdDate: '2026-11-21T10:00:00-08:00',
      response: { id: 'resp-1', responseBody: 'Thanks!' },
    },
    { ...base, id: 'open', createdDate: '2026-11-20T10:00:00-08:00' },
  ]);
  const doc = await page('?include=response&fields[customerReviewResponses]=responseBody,state');
  expect(doc.data[0]?.relationships?.response?.data).toEqual({ type: 'customerReviewResponses', id: 'resp-1' });
  expect(doc.data[1]?.relationships?.response).not.toHaveProperty('data');
  expect(doc.included).toEqual([
    expect.objectContaining({
      type: 'customerReviewResponses',
      id: 'resp-1',
      attributes: { responseBody: 'Thanks!', state: 'PUBLISHED' },
    }),
  ]);
  const one = (await (await h.get('/v1/customerReviews/answered?include=response')).json()) as { data: ReviewDoc };
  expect(one.data.relationships?.response?.data?.id).toBe('resp-1');
  const linkage = (await (await h.get('/v1/customerReviews/answered/relationships/response')).json()) as {
    data: unknown;
  };
  expect(linkage.data).toEqual({ type: 'customerReviewResponses', id: 'resp-1' });
  expect((await h.get('/v1/customerReviews/open/response')).status).toBe(404);
  expect((await h.get('/v1/customerReviews/nope')).status).toBe(404);
});

test('10,000 reviews page by limit=200 in 50 pages, newest first; limit above 200 is refused', async () => {
  await start(makeReviews(10_000, { app: APP, seed: 7 }));
  let next: string | undefined = `/v1/apps/${APP}/customerReviews?limit=200&sort=-createdDate`;
  const seen: number[] = [];
  let pages = 0;
  while (next) {
    const res = await h.get(next.replace(h.emu.baseUrl, ''));
    const doc = (await res.json()) as ReviewsPage;
    pages++;
    for (const r of doc.data) seen.push(Date.parse(String(r.attributes.createdDate)));
    next = doc.links.next;
  }
  expect(pages).toBe(50);
  expect(seen).toHaveLength(10_000);
  expect(new Set(seen).size).toBe(10_000);
  expect(seen.every((t, i) => i === 0 || t < seen[i - 1]!)).toBe(true);
  const tooMany = await h.get(`/v1/apps/${APP}/customerReviews?limit=201`);
  expect(tooMany.status).toBe(400);
  h.emu.violations.length = 0; // that request was outside the contract on purpose
});

test('a reply: created PENDING_PUBLISH, replaced in place, PUBLISHED a day later, deleted', async () => {
  await start(makeReviews(2, { app: APP }));
  const [newest] = (await page('?limit=1')).data;
  const id = newest!.id;
  const created = await h.send('POST', '/v1/customerReviewResponses', reply(id, 'Thanks!'));
  expect(created.status).toBe(201);
  const doc = (await created.json()) as { data: { id: string; attributes: Record<string, unknown> } };
  expect(doc.data.attributes).toMatchObject({ responseBody: 'Thanks!', state: 'PENDING_PUBLISH' });
  expect(doc.data.attributes.lastModifiedDate).toBe(pacificDateTime(h.clock.now()));
  const again = (await (
    await h.send('POST', '/v1/customerReviewResponses', reply(id, 'Thanks again!'))
  ).json()) as typeof doc;
  expect(again.data.id).toBe(doc.data.id);
  expect(h.emu.state.all('customerReviewResponses')).toHaveLength(1);
  expect(reviewResponseLog(h.emu.state).map((e) => [e.kind, e.reviewId, e.responseBody, e.previousBody])).toEqual([
    ['create', id, 'Thanks!', undefined],
    ['replace', id, 'Thanks again!', 'Thanks!'],
  ]);
  expect((await page('?exists[publishedResponse]=true')).data).toEqual([]);
  h.clock.advance(REVIEW_RESPONSE_PUBLISH_DELAY_MS);
  const read = (await (await h.get(`/v1/customerReviewResponses/${doc.data.id}?include=review`)).json()) as {
    data: { attributes: Record<string, unknown> };
    included: unknown[];
  };
  expect(read.data.attributes).toMatchObject({ responseBody: 'Thanks again!', state: 'PUBLISHED' });
  expect(read.included).toHaveLength(1);
  expect((await page('?exists[publishedResponse]=true')).data.map((r) => r.id)).toEqual([id]);
  expect((await h.send('DELETE', `/v1/customerReviewResponses/${doc.data.id}`)).status).toBe(204);
  expect((await h.get(`/v1/customerReviews/${id}/response`)).status).toBe(404);
  expect((await h.get(`/v1/customerReviewResponses/${doc.data.id}`)).status).toBe(404);
  expect(reviewResponseLog(h.emu.state).at(-1)).toMatchObject({
    kind: 'delete',
    reviewId: id,
    previousBody: 'Thanks again!',
  });
});

test.each([
  ['an empty body', (id: string) => reply(id, '  '), 'ENTITY_ERROR.ATTRIBUTE.INVALID'],
  [
    'a body over 5,970 code points',
    (id: string) => reply(id, '😀'.repeat(REVIEW_RESPONSE_MAX + 1)),
    'ENTITY_ERROR.ATTRIBUTE.INVALID',
  ],
  ['an unknown review', () => reply('no-such-review', 'Hi'), 'ENTITY_ERROR.RELATIONSHIP.INVALID'],
  [
    'an attribute the create does not take',
    (id: string) => ({ data: { ...reply(id, 'Hi').data, attributes: { responseBody: 'Hi', state: 'PUBLISHED' } } }),
    'ENTITY_ERROR.ATTRIBUTE.UNKNOWN',
  ],
])('a reply with %s is refused with 409 and changes nothing', async (_what, body, code) => {
  await start(makeReviews(1, { app: APP }));
  const id = h.emu.state.all('customerReviews')[0]!.id;
  const res = await h.send('POST', '/v1/customerReviewResponses', body(id));
  expect(res.status).toBe(409);
  expect((await firstError(res)).code).toBe(code);
  expect(h.emu.state.all('customerReviewResponses')).toEqual([]);
  expect(reviewResponseLog(h.emu.state)).toEqual([]);
});

test('exactly 5,970 code points of emoji (11,940 UTF-16 units) are accepted', async () => {
  await start(makeReviews(1, { app: APP }));
  const id = h.emu.state.all('customerReviews')[0]!.id;
  expect(
    (await h.send('POST', '/v1/customerReviewResponses', reply(id, '😀'.repeat(REVIEW_RESPONSE_MAX)))).status,
  ).toBe(201);
});

test('the demo seed has reviews of Demo Notes, one answered and one pending', async () => {
  h = await harness();
  const res = await h.get(`/v1/apps/${DEMO_APP_ID}/customerReviews?include=response`);
  const doc = (await res.json()) as ReviewsPage;
  expect(doc.data.length).toBeGreaterThanOrEqual(8);
  expect(doc.included?.map((r) => r.attributes.state).sort()).toEqual(['PENDING_PUBLISH', 'PUBLISHED']);
});
