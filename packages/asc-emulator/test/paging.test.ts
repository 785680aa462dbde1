import { makeApps } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface AppsPage {
  data: Array<{ type: string; id: string; attributes: Record<string, unknown>; links: { self: string } }>;
  links: { self: string; next?: string };
  meta: { paging: { total: number; limit: number } };
}

let h: Harness;
beforeAll(async () => {
  h = await harness({ seed: { apps: makeApps(450) } });
});
afterAll(() => h.emu.close());
beforeEach(() => {
  h.emu.requests.length = 0;
});
afterEach(() => {
  h.emu.violations.length = 0;
});

test('450 apps with limit=200 come in 3 pages by following links.next', async () => {
  const ids: string[] = [];
  const pages: AppsPage[] = [];
  let url: string | undefined = `${h.emu.baseUrl}/v1/apps?limit=200&fields[apps]=name,bundleId`;
  const token = await h.token();
  while (url) {
    expect(url.startsWith(`${h.emu.baseUrl}/v1/apps?`)).toBe(true);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as AppsPage;
    pages.push(page);
    ids.push(...page.data.map((a) => a.id));
    url = page.links.next;
  }
  expect(pages.map((p) => p.data.length)).toEqual([200, 200, 50]);
  expect(pages.every((p) => p.meta.paging.total === 450 && p.meta.paging.limit === 200)).toBe(true);
  expect(new Set(ids).size).toBe(450);
  expect(Object.keys(pages[0]?.data[0]?.attributes ?? {}).sort()).toEqual(['bundleId', 'name']);
  const transcript = h.emu.transcript();
  expect(transcript[0]).toBe('GET /v1/apps?limit=200&fields[apps]=name,bundleId');
  expect(transcript[1]).toMatch(/^GET \/v1\/apps\?limit=200&fields\[apps\]=name,bundleId&cursor=[A-Za-z0-9_-]+$/);
  expect(transcript).toHaveLength(3);
  expect(h.emu.violations).toEqual([]);
});

test('the default limit is 50', async () => {
  const page = (await (await h.get('/v1/apps')).json()) as AppsPage;
  expect(page.data).toHaveLength(50);
  expect(page.meta.paging).toEqual({ total: 450, limit: 50 });
  expect(page.links.next).toContain('cursor=');
});

test('limit=201 is refused with PARAMETER_ERROR.INVALID on limit', async () => {
  const res = await h.get('/v1/apps?limit=201');
  expect(res.status).toBe(400);
  const error = await firstError(res);
  expect(error).toMatchObject({ status: '400', code: 'PARAMETER_ERROR.INVALID', source: { parameter: 'limit' } });
  // That it is also a recorded violation of Apple's spec is tested in contract.test.ts (it needs the spec).
});

test('filters take comma-joined values; sort orders, - descends', async () => {
  const res = await h.get(
    '/v1/apps?filter[bundleId]=com.example.app0003,com.example.app0001,com.example.app0002&sort=-bundleId',
  );
  const page = (await res.json()) as AppsPage;
  expect(page.data.map((a) => a.attributes.bundleId)).toEqual([
    'com.example.app0003',
    'com.example.app0002',
    'com.example.app0001',
  ]);
  expect(page.meta.paging.total).toBe(3);
  const bySku = (await (await h.get('/v1/apps?filter[sku]=APP0450')).json()) as AppsPage;
  expect(bySku.data.map((a) => a.attributes.name)).toEqual(['App 0450']);
  expect(h.emu.violations).toEqual([]);
});

test("an app is read by id; an unknown id is Apple's 404", async () => {
  const id = h.emu.state.apps()[0]?.id ?? '';
  const res = await h.get(`/v1/apps/${id}`);
  const doc = (await res.json()) as { data: { id: string; links: { self: string } }; links: { self: string } };
  expect(doc.data.id).toBe(id);
  expect(doc.links.self).toBe(`${h.emu.baseUrl}/v1/apps/${id}`);
  const missing = await h.get('/v1/apps/999');
  expect(missing.status).toBe(404);
  expect(await firstError(missing)).toMatchObject({
    code: 'NOT_FOUND',
    detail: "There is no resource of type 'apps' with id '999'",
  });
  expect(h.emu.violations).toEqual([]);
});

test('PATCH /v1/apps/{id} updates allowed attributes and refuses others', async () => {
  const id = h.emu.state.apps()[1]?.id ?? '';
  const ok = await h.send('PATCH', `/v1/apps/${id}`, {
    data: { type: 'apps', id, attributes: { primaryLocale: 'de-DE' } },
  });
  expect(ok.status).toBe(200);
  expect(h.emu.state.get('apps', id)?.attributes.primaryLocale).toBe('de-DE');
  const refused = await h.send('PATCH', `/v1/apps/${id}`, {
    data: { type: 'apps', id, attributes: { name: 'Renamed' } },
  });
  expect(refused.status).toBe(409);
  expect(await firstError(refused)).toMatchObject({
    code: 'ENTITY_ERROR.ATTRIBUTE.UNKNOWN',
    source: { pointer: '/data/attributes/name' },
  });
  expect(h.emu.state.get('apps', id)?.attributes.name).not.toBe('Renamed');
  expect(h.emu.violations).toEqual([]);
});

test('an unusable cursor is a 400', async () => {
  const res = await h.get('/v1/apps?cursor=not-a-cursor');
  expect(res.status).toBe(400);
  expect(await firstError(res)).toMatchObject({ code: 'PARAMETER_ERROR.INVALID', source: { parameter: 'cursor' } });
});
