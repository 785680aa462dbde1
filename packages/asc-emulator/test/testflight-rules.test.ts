/** TestFlight rules the emulator learned for issue #13 (evidence beside each rule in src/). */
import { DEMO_APP_ID, uploadBuild, type Seed, type TestFlightSeed } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

const STAFF = 'a1b2c3d4-0000-4000-8000-000000000001';
const PUBLIC = 'a1b2c3d4-0000-4000-8000-000000000002';
const seed = (extra: TestFlightSeed = {}): Seed & TestFlightSeed => ({
  apps: [{ id: DEMO_APP_ID, name: 'Demo Notes', bundleId: 'com.example.demo', primaryLocale: 'de-DE' }],
  betaGroups: [
    { id: STAFF, app: DEMO_APP_ID, name: 'Staff', isInternalGroup: true },
    { id: PUBLIC, app: DEMO_APP_ID, name: 'Public Beta' },
  ],
  betaTesters: [{ email: 'ada@example.com', betaGroups: [PUBLIC] }, { email: 'bob@example.com' }],
  ...extra,
});

let h: Harness;
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const linkages = (type: string, ids: string[]) => ({ data: ids.map((id) => ({ type, id })) });

test('a build arrives with its beta localization in the primary locale (de-DE), empty', async () => {
  h = await harness({ seed: seed() });
  const build = uploadBuild(
    h.emu.state,
    { app: DEMO_APP_ID, version: '1.0', buildNumber: '1', usesNonExemptEncryption: false },
    h.clock.now(),
  );
  const doc = (await (await h.get(`/v1/builds/${build.id}/betaBuildLocalizations`)).json()) as {
    data: Array<{ attributes: Record<string, unknown> }>;
  };
  expect(doc.data.map((l) => l.attributes)).toEqual([{ locale: 'de-DE' }]);
});

test('an internal all-builds group answers 422 to a build, and nothing of the request is applied', async () => {
  h = await harness({ seed: seed() });
  const build = uploadBuild(
    h.emu.state,
    { app: DEMO_APP_ID, version: '1.0', buildNumber: '1', usesNonExemptEncryption: false },
    h.clock.now(),
  );
  const refused = await h.send(
    'POST',
    `/v1/builds/${build.id}/relationships/betaGroups`,
    linkages('betaGroups', [PUBLIC, STAFF]),
  );
  expect(refused.status).toBe(422);
  expect(await firstError(refused)).toMatchObject({ code: 'ENTITY_UNPROCESSABLE' });
  expect(h.emu.state.relatedIds(build, 'betaGroups')).toEqual([]);
  expect(
    (await h.send('POST', `/v1/builds/${build.id}/relationships/betaGroups`, linkages('betaGroups', [PUBLIC]))).status,
  ).toBe(204);
});

test('an existing member answers 409; a seed may cap membership batches (422 above it)', async () => {
  h = await harness({ seed: seed({ testerBatchLimit: 1 }) });
  const [ada, bob] = h.emu.state.all('betaTesters');
  const member = await h.send(
    'POST',
    `/v1/betaGroups/${PUBLIC}/relationships/betaTesters`,
    linkages('betaTesters', [ada!.id]),
  );
  expect(member.status).toBe(409);
  expect(
    (
      await h.send(
        'POST',
        `/v1/betaGroups/${PUBLIC}/relationships/betaTesters`,
        linkages('betaTesters', [ada!.id, bob!.id]),
      )
    ).status,
  ).toBe(422);
  expect(
    (await h.send('POST', `/v1/betaGroups/${PUBLIC}/relationships/betaTesters`, linkages('betaTesters', [bob!.id])))
      .status,
  ).toBe(204);
});

test('testers by e-mail with their groups included, cut at limit[betaGroups] with the total in meta', async () => {
  h = await harness({ seed: seed() });
  const doc = (await (
    await h.get(
      '/v1/betaTesters?filter[email]=ada@example.com&include=betaGroups&limit[betaGroups]=1&fields[betaTesters]=email,betaGroups',
    )
  ).json()) as {
    data: Array<{ relationships: { betaGroups: { data: Array<{ id: string }>; meta?: unknown } } }>;
  };
  expect(doc.data[0]!.relationships.betaGroups).toMatchObject({
    data: [{ id: PUBLIC }],
    meta: { paging: { total: 1, limit: 1 } },
  });
});

test('buildBetaNotifications: 409 while auto-notify is on, 201 when off', async () => {
  h = await harness({ seed: seed() });
  const build = uploadBuild(
    h.emu.state,
    { app: DEMO_APP_ID, version: '1.0', buildNumber: '1', usesNonExemptEncryption: false },
    h.clock.now(),
  );
  const body = {
    data: { type: 'buildBetaNotifications', relationships: { build: { data: { type: 'builds', id: build.id } } } },
  };
  const on = await h.send('POST', '/v1/buildBetaNotifications', body);
  expect(on.status).toBe(409);
  expect(await firstError(on)).toMatchObject({
    code: 'STATE_ERROR.ENTITY_STATE_INVALID',
    detail: 'Auto-notify already enabled.',
  });
  h.emu.state.get('buildBetaDetails', build.id)!.attributes.autoNotifyEnabled = false;
  expect((await h.send('POST', '/v1/buildBetaNotifications', body)).status).toBe(201);
  expect(h.emu.state.all('buildBetaNotifications')).toHaveLength(1);
});

test('beta review is refused (422) while the export compliance answer is being taken in', async () => {
  h = await harness({
    seed: seed({
      betaAppLocalizations: [{ app: DEMO_APP_ID, locale: 'de-DE', description: 'd', feedbackEmail: 'f@example.com' }],
      betaAppReviewDetails: [
        {
          app: DEMO_APP_ID,
          contactFirstName: 'a',
          contactLastName: 'b',
          contactPhone: '1',
          contactEmail: 'c@example.com',
        },
      ],
    }),
  });
  const build = uploadBuild(
    h.emu.state,
    { app: DEMO_APP_ID, version: '1.0', buildNumber: '1', whatsNew: { 'de-DE': 'Neu.' } },
    h.clock.now(),
  );
  expect(
    (
      await h.send('PATCH', `/v1/builds/${build.id}`, {
        data: { type: 'builds', id: build.id, attributes: { usesNonExemptEncryption: false } },
      })
    ).status,
  ).toBe(200);
  const submit = {
    data: { type: 'betaAppReviewSubmissions', relationships: { build: { data: { type: 'builds', id: build.id } } } },
  };
  const early = await h.send('POST', '/v1/betaAppReviewSubmissions', submit);
  expect(early.status).toBe(422);
  expect(await firstError(early)).toMatchObject({ title: 'Export Compliance Information is missing.' });
  h.clock.advance(2 * 60_000);
  expect((await h.send('POST', '/v1/betaAppReviewSubmissions', submit)).status).toBe(201);
});
