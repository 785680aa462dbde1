// Needs Apple's spec (ASC_OPENAPI_SPEC): some answers asserted here (400 for a body the spec
// refuses) come from the emulator's contract check, which is off without the spec.

import { appStoreFixture, DEMO_APP_ID, makeApps } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: unknown }>;
}
interface Doc {
  data: Resource | Resource[];
  included?: Resource[];
}

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const json = async (res: Response): Promise<Doc> => (await res.json()) as Doc;
const list = (doc: Doc): Resource[] => doc.data as Resource[];
const versionsOf = (appId: string, query: string) => h.get(`/v1/apps/${appId}/appStoreVersions?${query}`);
const locBody = (versionId: string, attributes: Record<string, unknown>) => ({
  data: {
    type: 'appStoreVersionLocalizations',
    attributes,
    relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } } },
  },
});
const patchLoc = (id: string, attributes: Record<string, unknown>) =>
  h.send('PATCH', `/v1/appStoreVersionLocalizations/${id}`, {
    data: { type: 'appStoreVersionLocalizations', id, attributes },
  });

async function versionId(state: string): Promise<string> {
  const doc = await json(await versionsOf(DEMO_APP_ID, `filter[platform]=IOS&filter[appVersionState]=${state}`));
  return list(doc)[0]!.id;
}

async function locIdOf(version: string, locale: string): Promise<string> {
  const doc = await json(
    await h.get(`/v1/appStoreVersions/${version}/appStoreVersionLocalizations?filter[locale]=${locale}`),
  );
  return list(doc)[0]!.id;
}

test('app infos come with their localizations and categories included', async () => {
  const res = await h.get(
    `/v1/apps/${DEMO_APP_ID}/appInfos?include=appInfoLocalizations,primaryCategory,secondaryCategory&limit[appInfoLocalizations]=50`,
  );
  expect(res.status).toBe(200);
  const doc = await json(res);
  const infos = list(doc);
  expect(infos.map((i) => i.attributes.state)).toEqual(['READY_FOR_DISTRIBUTION', 'PREPARE_FOR_SUBMISSION']);
  expect(infos[1]!.relationships!.primaryCategory!.data).toEqual({ type: 'appCategories', id: 'PRODUCTIVITY' });
  // An empty to-one relationship carries no `data` (the spec's linkage is a non-nullable object).
  expect(infos[1]!.relationships!.secondaryCategory).not.toHaveProperty('data');
  const locales = doc.included!.filter((r) => r.type === 'appInfoLocalizations').map((r) => r.attributes.locale);
  expect(locales).toEqual(['en-US', 'de-DE', 'en-US', 'de-DE']);
  expect(doc.included!.filter((r) => r.type === 'appCategories').map((r) => r.id)).toEqual(['PRODUCTIVITY']);
});

test('versions filter by platform, appVersionState and versionString, with localizations and review detail included', async () => {
  const editable = await json(
    await versionsOf(
      DEMO_APP_ID,
      'filter[platform]=IOS&filter[appVersionState]=PREPARE_FOR_SUBMISSION,DEVELOPER_REJECTED&include=appStoreVersionLocalizations,appStoreReviewDetail',
    ),
  );
  expect(list(editable).map((v) => v.attributes.versionString)).toEqual(['1.5']);
  expect(list(editable)[0]!.attributes).toMatchObject({
    appVersionState: 'PREPARE_FOR_SUBMISSION',
    appStoreState: 'PREPARE_FOR_SUBMISSION',
    platform: 'IOS',
  });
  expect(editable.included!.map((r) => r.type).sort()).toEqual([
    'appStoreReviewDetails',
    'appStoreVersionLocalizations',
    'appStoreVersionLocalizations',
  ]);
  expect(
    list(await json(await versionsOf(DEMO_APP_ID, 'filter[versionString]=1.4')))[0]!.attributes.appVersionState,
  ).toBe('READY_FOR_DISTRIBUTION');
  expect(list(await json(await versionsOf(DEMO_APP_ID, 'filter[platform]=MAC_OS')))).toEqual([]);
  expect(
    list(await json(await versionsOf(DEMO_APP_ID, 'filter[appStoreState]=READY_FOR_SALE'))).map(
      (v) => v.attributes.versionString,
    ),
  ).toEqual(['1.4']);
});

test('creating a version: one editable version per platform, no reused or lower numbers, localizations copied', async () => {
  const body = (versionString: string, platform = 'IOS') => ({
    data: {
      type: 'appStoreVersions',
      attributes: { platform, versionString },
      relationships: { app: { data: { type: 'apps', id: DEMO_APP_ID } } },
    },
  });
  const busy = await h.send('POST', '/v1/appStoreVersions', body('1.6'));
  expect(busy.status).toBe(409);
  expect(await firstError(busy)).toMatchObject({
    code: 'STATE_ERROR',
    detail: 'You cannot create a new version of the App in the current state.',
  });

  const mac = await h.send('POST', '/v1/appStoreVersions', body('1.0', 'MAC_OS'));
  expect(mac.status).toBe(201);
  expect((await json(mac)).data).toMatchObject({
    attributes: { versionString: '1.0', appVersionState: 'PREPARE_FOR_SUBMISSION', platform: 'MAC_OS' },
  });

  // Release 1.5 so iOS has no editable version; 1.4.0 is 1.4 and 1.3 is lower.
  h.emu.state.update('appStoreVersions', await versionId('PREPARE_FOR_SUBMISSION'), {
    attributes: { appVersionState: 'READY_FOR_DISTRIBUTION' },
  });
  expect(await firstError(await h.send('POST', '/v1/appStoreVersions', body('1.4.0')))).toMatchObject({
    detail: "The version number '1.4.0' has been previously used.",
  });
  expect((await h.send('POST', '/v1/appStoreVersions', body('1.3'))).status).toBe(409);
  expect((await h.send('POST', '/v1/appStoreVersions', body('1.x'))).status).toBe(409);
  const created = await h.send('POST', '/v1/appStoreVersions', body('1.6'));
  expect(created.status).toBe(201);
  const id = ((await json(created)).data as Resource).id;
  const locs = list(await json(await h.get(`/v1/appStoreVersions/${id}/appStoreVersionLocalizations`)));
  expect(locs.map((l) => l.attributes.locale)).toEqual(['en-US', 'de-DE']);
  expect(locs[0]!.attributes).toMatchObject({ description: 'Demo Notes keeps your notes in sync.' });
  expect(locs.every((l) => !('whatsNew' in l.attributes))).toBe(true);
});

test('field limits count code points; keywords may exceed 100 UTF-8 bytes; URLs must be web URLs', async () => {
  const version = await versionId('PREPARE_FOR_SUBMISSION');
  const loc = await locIdOf(version, 'en-US');
  const keywords = 'ключ,'.repeat(20).slice(0, 100); // 100 code points, 190 bytes
  expect((await patchLoc(loc, { keywords })).status).toBe(200);
  expect((await patchLoc(loc, { keywords: `${keywords}x` })).status).toBe(409);
  expect((await patchLoc(loc, { promotionalText: '😀'.repeat(170) })).status).toBe(200);
  const long = await patchLoc(loc, { promotionalText: '😀'.repeat(171) });
  expect(await firstError(long)).toMatchObject({
    code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
    source: { pointer: '/data/attributes/promotionalText' },
  });
  expect((await patchLoc(loc, { supportUrl: 'support at example dot com' })).status).toBe(400); // format uri, from the spec
  expect(await firstError(await patchLoc(loc, { supportUrl: 'ftp://example.com/x' }))).toMatchObject({
    code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
  });
  expect((await patchLoc(loc, { description: null })).status).toBe(200);
  expect(h.emu.state.get('appStoreVersionLocalizations', loc)!.attributes).not.toHaveProperty('description');
  h.emu.violations.splice(0); // the format:uri refusal above is a contract violation on purpose
});

test("a live version takes only promotional text; a first version takes no what's new", async () => {
  const live = await locIdOf(await versionId('READY_FOR_DISTRIBUTION'), 'en-US');
  const refused = await patchLoc(live, { description: 'New', keywords: 'a,b' });
  expect(refused.status).toBe(409);
  const errors = ((await refused.json()) as { errors: Array<{ code: string; detail: string }> }).errors;
  expect(errors).toEqual([
    expect.objectContaining({ code: 'STATE_ERROR', detail: "Attribute 'description' cannot be edited at this time" }),
    expect.objectContaining({ code: 'STATE_ERROR', detail: "Attribute 'keywords' cannot be edited at this time" }),
  ]);
  expect((await patchLoc(live, { promotionalText: 'Now on sale' })).status).toBe(200);

  await h.emu.close();
  h = await harness({
    seed: { apps: makeApps(1), appStore: [appStoreFixture('1700000001', { locales: 1, withLiveVersion: false })] },
  });
  const doc = await json(await versionsOf('1700000001', 'filter[platform]=IOS'));
  const first = await locIdOf(list(doc)[0]!.id, 'en-US');
  const whatsNew = await patchLoc(first, { whatsNew: 'First!' });
  expect(await firstError(whatsNew)).toMatchObject({
    title: 'An attribute value is not acceptable for the current resource state.',
    source: { pointer: '/data/attributes/whatsNew' },
  });
});

test('localizations: one per locale, App Store locales only, a new app info localization needs a name', async () => {
  const version = await versionId('PREPARE_FOR_SUBMISSION');
  const created = await h.send(
    'POST',
    '/v1/appStoreVersionLocalizations',
    locBody(version, { locale: 'fr-FR', description: 'Bonjour' }),
  );
  expect(created.status).toBe(201);
  expect((await h.send('POST', '/v1/appStoreVersionLocalizations', locBody(version, { locale: 'fr-FR' }))).status).toBe(
    409,
  );
  expect(
    await firstError(await h.send('POST', '/v1/appStoreVersionLocalizations', locBody(version, { locale: 'sr_Cyrl' }))),
  ).toMatchObject({
    source: { pointer: '/data/attributes/locale' },
  });
  const infos = list(await json(await h.get(`/v1/apps/${DEMO_APP_ID}/appInfos`)));
  const infoBody = (attributes: Record<string, unknown>) => ({
    data: {
      type: 'appInfoLocalizations',
      attributes,
      relationships: { appInfo: { data: { type: 'appInfos', id: infos[1]!.id } } },
    },
  });
  expect((await h.send('POST', '/v1/appInfoLocalizations', infoBody({ locale: 'fr-FR', name: '' }))).status).toBe(409);
  const named = await h.send(
    'POST',
    '/v1/appInfoLocalizations',
    infoBody({ locale: 'fr-FR', name: 'Notes Démo', subtitle: null }),
  );
  expect(named.status).toBe(201);
  const liveInfo = {
    data: {
      ...infoBody({ locale: 'it', name: 'Note' }).data,
      relationships: { appInfo: { data: { type: 'appInfos', id: infos[0]!.id } } },
    },
  };
  expect((await firstError(await h.send('POST', '/v1/appInfoLocalizations', liveInfo))).code).toBe('STATE_ERROR');
  const ofInfo = list(
    await json(await h.get(`/v1/appInfos/${infos[1]!.id}/appInfoLocalizations?filter[locale]=fr-FR`)),
  );
  expect(ofInfo.map((l) => l.attributes)).toEqual([{ locale: 'fr-FR', name: 'Notes Démo' }]);
});

test('categories: known ids, subcategories under their category, editable app info only', async () => {
  const infos = list(await json(await h.get(`/v1/apps/${DEMO_APP_ID}/appInfos`)));
  const patch = (id: string, relationships: Record<string, string>) =>
    h.send('PATCH', `/v1/appInfos/${id}`, {
      data: {
        type: 'appInfos',
        id,
        relationships: Object.fromEntries(
          Object.entries(relationships).map(([k, v]) => [k, { data: { type: 'appCategories', id: v } }]),
        ),
      },
    });
  const editable = infos[1]!.id;
  expect(
    (
      await patch(editable, {
        primaryCategory: 'GAMES',
        primarySubcategoryOne: 'GAMES_PUZZLE',
        secondaryCategory: 'UTILITIES',
      })
    ).status,
  ).toBe(200);
  expect(h.emu.state.get('appInfos', editable)!.relationships).toMatchObject({
    primaryCategory: { id: 'GAMES' },
    primarySubcategoryOne: { id: 'GAMES_PUZZLE' },
  });
  expect((await firstError(await patch(editable, { secondarySubcategoryOne: 'GAMES_WORD' }))).code).toBe(
    'ENTITY_ERROR.RELATIONSHIP.INVALID',
  );
  expect((await patch(editable, { primaryCategory: 'PRODUCTIVTY' })).status).toBe(409);
  expect((await patch(editable, { secondaryCategory: 'GAMES' })).status).toBe(409);
  expect((await firstError(await patch(infos[0]!.id, { primaryCategory: 'UTILITIES' }))).code).toBe('STATE_ERROR');
  const categories = await json(
    await h.get('/v1/appCategories?filter[platforms]=MAC_OS&exists[parent]=false&include=subcategories&limit=200'),
  );
  const ids = list(categories).map((c) => c.id);
  expect(ids).toContain('PRODUCTIVITY');
  expect(ids).not.toContain('STICKERS');
  expect(categories.included!.map((c) => c.id)).toContain('GAMES_PUZZLE');
});

test('App Review information: read through the version, one per version, checked values', async () => {
  const version = await versionId('PREPARE_FOR_SUBMISSION');
  const detail = await json(await h.get(`/v1/appStoreVersions/${version}/appStoreReviewDetail`));
  const id = (detail.data as Resource).id;
  const patch = (attributes: Record<string, unknown>) =>
    h.send('PATCH', `/v1/appStoreReviewDetails/${id}`, { data: { type: 'appStoreReviewDetails', id, attributes } });
  expect((await patch({ contactEmail: 'not-an-address' })).status).toBe(409);
  expect((await patch({ demoAccountRequired: true })).status).toBe(409);
  expect(
    (
      await patch({
        demoAccountRequired: true,
        demoAccountName: 'demo',
        demoAccountPassword: 'pw',
        notes: 'Use the demo account.',
      })
    ).status,
  ).toBe(200);
  const body = {
    data: {
      type: 'appStoreReviewDetails',
      attributes: { notes: 'x' },
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: version } } },
    },
  };
  expect((await h.send('POST', '/v1/appStoreReviewDetails', body)).status).toBe(409);

  await h.emu.close();
  h = await harness({ seed: { apps: makeApps(1), appStore: [appStoreFixture('1700000001', { locales: 1 })] } });
  const fresh = list(await json(await versionsOf('1700000001', 'filter[appVersionState]=PREPARE_FOR_SUBMISSION')))[0]!
    .id;
  expect((await h.get(`/v1/appStoreVersions/${fresh}/appStoreReviewDetail`)).status).toBe(404);
  const again = {
    data: { ...body.data, relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: fresh } } } },
  };
  expect((await h.send('POST', '/v1/appStoreReviewDetails', again)).status).toBe(201);
  expect((await h.get(`/v1/appStoreVersions/${fresh}/appStoreReviewDetail`)).status).toBe(200);
});
