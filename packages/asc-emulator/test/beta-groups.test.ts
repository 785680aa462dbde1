import { DEMO_APP_ID } from '../src/index.js';
import { betaGroupBody, firstError, harness, type Harness } from './support/harness.js';

interface GroupDoc {
  data: {
    type: string;
    id: string;
    attributes: Record<string, unknown>;
    relationships: { app: { links: { related: string }; data?: unknown } };
  };
}
interface GroupsDoc {
  data: Array<GroupDoc['data']>;
  included?: Array<{ type: string; id: string; attributes: Record<string, unknown> }>;
  meta: { paging: { total: number } };
}

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

test('create, list (globally and per app), read, delete', async () => {
  const created = await h.send(
    'POST',
    '/v1/betaGroups',
    betaGroupBody(DEMO_APP_ID, 'Nightly', { publicLinkEnabled: true }),
  );
  expect(created.status).toBe(201);
  const doc = (await created.json()) as GroupDoc;
  expect(doc.data).toMatchObject({
    type: 'betaGroups',
    attributes: { name: 'Nightly', isInternalGroup: false, publicLinkEnabled: true },
  });
  expect(doc.data.attributes.publicLink).toMatch(/^https:\/\/testflight\.apple\.com\/join\/[A-Z0-9]{8}$/);
  expect(doc.data.attributes.createdDate).toBe(new Date(h.clock.now()).toISOString());
  expect(h.emu.state.get('betaGroups', doc.data.id)).toBeDefined();

  const byName = (await (
    await h.get(`/v1/betaGroups?filter[app]=${DEMO_APP_ID}&filter[name]=Nightly`)
  ).json()) as GroupsDoc;
  expect(byName.data.map((g) => g.id)).toEqual([doc.data.id]);
  const ofApp = (await (await h.get(`/v1/apps/${DEMO_APP_ID}/betaGroups`)).json()) as GroupsDoc;
  expect(ofApp.data.map((g) => g.attributes.name)).toEqual(['Internal Testers', 'Public Beta', 'Nightly']);
  expect((await h.get(`/v1/betaGroups/${doc.data.id}`)).status).toBe(200);

  const deleted = await h.send('DELETE', `/v1/betaGroups/${doc.data.id}`);
  expect(deleted.status).toBe(204);
  expect(await deleted.text()).toBe('');
  expect(h.emu.state.get('betaGroups', doc.data.id)).toBeUndefined();
  expect((await h.get(`/v1/betaGroups/${doc.data.id}`)).status).toBe(404);
  expect((await h.send('DELETE', `/v1/betaGroups/${doc.data.id}`)).status).toBe(404);
  expect(h.emu.transcript()).toEqual([
    'POST /v1/betaGroups',
    `GET /v1/betaGroups?filter[app]=${DEMO_APP_ID}&filter[name]=Nightly`,
    `GET /v1/apps/${DEMO_APP_ID}/betaGroups`,
    `GET /v1/betaGroups/${doc.data.id}`,
    `DELETE /v1/betaGroups/${doc.data.id}`,
    `GET /v1/betaGroups/${doc.data.id}`,
    `DELETE /v1/betaGroups/${doc.data.id}`,
  ]);
  expect(h.emu.requests[0]?.requestBody).toEqual(betaGroupBody(DEMO_APP_ID, 'Nightly', { publicLinkEnabled: true }));
});

test('include=app puts the app in included and its linkage in the group', async () => {
  const doc = (await (
    await h.get(`/v1/betaGroups?filter[isInternalGroup]=true&include=app&fields[apps]=name`)
  ).json()) as GroupsDoc;
  expect(doc.data.map((g) => g.attributes.name)).toEqual(['Internal Testers']);
  expect(doc.data[0]?.relationships.app.data).toEqual({ type: 'apps', id: DEMO_APP_ID });
  expect(doc.included).toEqual([
    expect.objectContaining({ type: 'apps', id: DEMO_APP_ID, attributes: { name: 'Demo Notes' } }),
  ]);
});

test('writes are validated like Apple: name length, unknown app, duplicate name, internal public link', async () => {
  const tooLong = await h.send('POST', '/v1/betaGroups', betaGroupBody(DEMO_APP_ID, 'é'.repeat(51)));
  expect(tooLong.status).toBe(409);
  expect(await firstError(tooLong)).toMatchObject({
    code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
    source: { pointer: '/data/attributes/name' },
  });
  expect((await h.send('POST', '/v1/betaGroups', betaGroupBody(DEMO_APP_ID, 'é'.repeat(50)))).status).toBe(201);

  const noApp = await h.send('POST', '/v1/betaGroups', betaGroupBody('123', 'Orphans'));
  expect(noApp.status).toBe(409);
  expect(await firstError(noApp)).toMatchObject({ code: 'ENTITY_ERROR.RELATIONSHIP.INVALID' });

  const duplicate = await h.send('POST', '/v1/betaGroups', betaGroupBody(DEMO_APP_ID, 'Public Beta'));
  expect(duplicate.status).toBe(409);

  const internalLink = await h.send(
    'POST',
    '/v1/betaGroups',
    betaGroupBody(DEMO_APP_ID, 'Staff', { isInternalGroup: true, publicLinkEnabled: true }),
  );
  expect(internalLink.status).toBe(409);
  expect(h.emu.state.betaGroups().map((g) => g.attributes.name)).toEqual([
    'Internal Testers',
    'Public Beta',
    'é'.repeat(50),
  ]);
});

test('PATCH renames a group; isInternalGroup cannot be changed', async () => {
  const id = h.emu.state.betaGroups()[1]?.id ?? '';
  const ok = await h.send('PATCH', `/v1/betaGroups/${id}`, {
    data: { type: 'betaGroups', id, attributes: { name: 'Open Beta' } },
  });
  expect(ok.status).toBe(200);
  expect(h.emu.state.get('betaGroups', id)?.attributes.name).toBe('Open Beta');
  const refused = await h.send('PATCH', `/v1/betaGroups/${id}`, {
    data: { type: 'betaGroups', id, attributes: { isInternalGroup: true } },
  });
  expect(refused.status).toBe(409);
  expect(h.emu.state.get('betaGroups', id)?.attributes.isInternalGroup).toBe(false);
});
