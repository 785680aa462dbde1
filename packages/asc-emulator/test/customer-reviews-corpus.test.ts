/**
 * The emulator's review pages against Apple's documented example page, read from the corpus
 * (ASC_CORPUS_DIR; this suite is not collected without it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeApps, makeReviews, type SeedCustomerReview } from '../src/index.js';
import { harness, type Harness } from './support/harness.js';

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
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const page = async (query: string): Promise<ReviewsPage> => {
  const res = await h.get(`/v1/apps/${APP}/customerReviews${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ReviewsPage;
};

test("a page of reviews is shaped like Apple's documented example", async () => {
  const corpus = join(process.env.ASC_CORPUS_DIR ?? '', 'reviews');
  const file = readdirSync(corpus).find((f) => f.endsWith('.json'));
  const example = JSON.parse(readFileSync(join(corpus, file!), 'utf8')) as ReviewsPage;
  await start(makeReviews(3, { app: APP }));
  const doc = await page('?limit=1');
  const [ours] = doc.data;
  const [apple] = example.data;
  expect(Object.keys(doc).sort()).toEqual(Object.keys(example).sort());
  expect(Object.keys(ours!).sort()).toEqual(Object.keys(apple!).sort());
  expect(Object.keys(ours!.attributes).sort()).toEqual(Object.keys(apple!.attributes).sort());
  expect(Object.keys(ours!.relationships!)).toEqual(Object.keys(apple!.relationships!));
  expect(Object.keys(ours!.relationships!.response!)).toEqual(['links']);
  expect(ours!.relationships!.response!.links.related).toBe(`${h.emu.baseUrl}/v1/customerReviews/${ours!.id}/response`);
  const idShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  expect(apple!.id).toMatch(idShape);
  expect(ours!.id).toMatch(idShape);
  const dateShape = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[78]:00$/;
  expect(apple!.attributes.createdDate).toMatch(dateShape);
  expect(ours!.attributes.createdDate).toMatch(dateShape);
  expect(doc.meta.paging).toEqual({ total: 3, limit: 1 });
  expect(doc.links.next).toContain('cursor=');
});
