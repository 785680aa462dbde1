import { DEMO_APP_ID } from '../src/index.js';
import { betaGroupBody, firstError, harness, SPEC_PATH, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  expect(SPEC_PATH).toBeTruthy(); // these tests are about the spec: without it they must fail, not pass vacuously
  h = await harness();
});
afterAll(() => h.emu.close());
beforeEach(() => {
  h.emu.violations.length = 0;
});

test('normal traffic keeps to the contract in both directions', async () => {
  const statuses = [
    (await h.get('/v1/apps?limit=2&sort=name&fields[apps]=name,bundleId,betaGroups')).status,
    (await h.get(`/v1/apps/${DEMO_APP_ID}`)).status,
    (await h.get(`/v1/apps/${DEMO_APP_ID}/betaGroups?limit=10`)).status,
    (await h.get(`/v1/betaGroups?filter[app]=${DEMO_APP_ID}&include=app&sort=-createdDate`)).status,
    (await h.send('POST', '/v1/betaGroups', betaGroupBody(DEMO_APP_ID, 'Contract'))).status,
    (await h.get('/v1/apps/404404')).status,
  ];
  expect(statuses).toEqual([200, 200, 200, 200, 201, 404]);
  expect(h.emu.violations).toEqual([]);
});

test('an undeclared query parameter is a 400 and a recorded violation', async () => {
  const res = await h.get('/v1/apps?filter[colour]=blue');
  expect(res.status).toBe(400);
  const error = await firstError(res);
  expect(error.detail).toMatch(/^Emulator contract violation: /);
  expect(error).toMatchObject({ code: 'PARAMETER_ERROR.ILLEGAL', source: { parameter: 'filter[colour]' } });
  expect(h.emu.violations).toEqual([
    expect.objectContaining({
      direction: 'request',
      method: 'GET',
      path: '/v1/apps',
      operationId: 'apps_getCollection',
      status: 400,
    }),
  ]);
  expect(h.emu.violations[0]?.problems.join()).toContain('filter[colour]');
});

test('limit over the maximum in the spec (200) is a 400 on limit and a recorded violation', async () => {
  const res = await h.get('/v1/apps?limit=201');
  expect(res.status).toBe(400);
  const error = await firstError(res);
  expect(error).toMatchObject({ status: '400', code: 'PARAMETER_ERROR.INVALID', source: { parameter: 'limit' } });
  expect(h.emu.violations).toHaveLength(1);
  expect(h.emu.violations[0]).toMatchObject({ direction: 'request', path: '/v1/apps', status: 400 });
});

test('a value outside an enum is a 400 naming the parameter', async () => {
  const res = await h.get('/v1/betaGroups?sort=colour');
  expect(res.status).toBe(400);
  const error = await firstError(res);
  expect(error).toMatchObject({ code: 'PARAMETER_ERROR.INVALID', source: { parameter: 'sort' } });
  expect(error.detail).toMatch(/^Emulator contract violation: .*must be one of: name, -name/);
  expect(h.emu.violations).toHaveLength(1);
});

test('a body that breaks the request schema is a 400 with a pointer, and changes nothing', async () => {
  const before = h.emu.state.betaGroups().length;
  const body = {
    data: {
      type: 'betaGroups',
      attributes: { isInternalGroup: 'yes' },
      relationships: { app: { data: { type: 'apps', id: DEMO_APP_ID } } },
    },
  };
  const res = await h.send('POST', '/v1/betaGroups', body);
  expect(res.status).toBe(400);
  const errors = ((await res.json()) as { errors: Array<{ detail: string; source?: { pointer?: string } }> }).errors;
  expect(errors.every((e) => e.detail.startsWith('Emulator contract violation: '))).toBe(true);
  expect(errors.map((e) => e.source?.pointer)).toEqual(
    expect.arrayContaining(['/data/attributes', '/data/attributes/isInternalGroup']),
  );
  expect(h.emu.violations[0]?.problems).toEqual(
    expect.arrayContaining([
      expect.stringContaining("must have required property 'name'"),
      expect.stringContaining('must be boolean'),
    ]),
  );
  expect(h.emu.state.betaGroups()).toHaveLength(before);
});

test('a body that is not JSON is a 400 violation', async () => {
  const res = await fetch(`${h.emu.baseUrl}/v1/betaGroups`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await h.token()}`, 'Content-Type': 'application/json' },
    body: '{"data": ',
  });
  expect(res.status).toBe(400);
  expect((await firstError(res)).detail).toMatch(/^Emulator contract violation: request body is not valid JSON/);
  expect(h.emu.violations).toHaveLength(1);
});

test('a missing required parameter is a violation', async () => {
  const res = await h.get(
    '/v1/salesReports?filter[vendorNumber]=85000000&filter[reportType]=SALES&filter[reportSubType]=SUMMARY',
  );
  expect(res.status).toBe(400);
  expect(await firstError(res)).toMatchObject({ source: { parameter: 'filter[frequency]' } });
  expect(h.emu.violations).toHaveLength(1);
});

test("a path outside the spec is Apple's 404; a method outside it a 405; both recorded", async () => {
  const unknown = await h.get('/v1/colours');
  expect(unknown.status).toBe(404);
  expect(await firstError(unknown)).toMatchObject({
    code: 'NOT_FOUND',
    detail: expect.stringMatching(/^Emulator contract violation: GET \/v1\/colours/),
  });
  const method = await h.send('DELETE', `/v1/apps/${DEMO_APP_ID}`);
  expect(method.status).toBe(405);
  expect(h.emu.violations.map((v) => v.status)).toEqual([404, 405]);
});

test('a path in the spec that the emulator does not implement is a loud 501, not a violation', async () => {
  const res = await h.get('/v1/ciProducts'); // Xcode Cloud: not emulated
  expect(res.status).toBe(501);
  expect(await firstError(res)).toMatchObject({ code: 'EMULATOR_NOT_IMPLEMENTED' });
  expect(h.emu.violations).toEqual([]);
});

test('a response that breaks the contract becomes a 500 and a recorded violation', async () => {
  const app = h.emu.state.get('apps', DEMO_APP_ID);
  if (!app) throw new Error('demo app missing');
  const saved = app.attributes.isOrEverWasMadeForKids;
  app.attributes.isOrEverWasMadeForKids = 'sometimes';
  try {
    const res = await h.get(`/v1/apps/${DEMO_APP_ID}`);
    expect(res.status).toBe(500);
    expect((await firstError(res)).detail).toMatch(
      /^Emulator response contract violation: .*isOrEverWasMadeForKids must be boolean/,
    );
    expect(h.emu.violations).toEqual([
      expect.objectContaining({
        direction: 'response',
        operationId: 'apps_getInstance',
        status: 200,
        problems: [expect.stringContaining('isOrEverWasMadeForKids')],
      }),
    ]);
  } finally {
    app.attributes.isOrEverWasMadeForKids = saved;
  }
});

test('cursor is allowed on collections although the spec does not declare it', async () => {
  const first = (await (await h.get('/v1/apps?limit=1')).json()) as { links: { next?: string } };
  const next = first.links.next ?? '';
  const res = await fetch(next, { headers: { Authorization: `Bearer ${await h.token()}` } });
  expect(res.status).toBe(200);
  expect(h.emu.violations).toEqual([]);
});
