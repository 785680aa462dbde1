// Needs Apple's spec (ASC_OPENAPI_SPEC): some answers asserted here (400 for a body the spec
// refuses) come from the emulator's contract check, which is off without the spec.

import { DEMO_APP_ID, uploadBuild, type TestFlightSeed, type Seed } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface ListDoc {
  data: Array<{ id: string; attributes: Record<string, unknown> }>;
  links: { next?: string };
}

const seed: Seed & TestFlightSeed = {
  apps: [{ id: DEMO_APP_ID, name: 'Demo Notes', bundleId: 'com.example.demo' }],
  betaGroups: [
    { id: 'a1b2c3d4-0000-4000-8000-000000000001', app: DEMO_APP_ID, name: 'Staff', isInternalGroup: true },
    { id: 'a1b2c3d4-0000-4000-8000-000000000002', app: DEMO_APP_ID, name: 'Public Beta' },
  ],
  betaTesters: [{ email: 'Ada@Example.com', firstName: 'Ada', betaGroups: ['Public Beta'] }],
};
const STAFF = 'a1b2c3d4-0000-4000-8000-000000000001';
const PUBLIC = 'a1b2c3d4-0000-4000-8000-000000000002';

let h: Harness;
beforeEach(async () => {
  h = await harness({ seed });
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const json = async <T>(path: string): Promise<T> => (await (await h.get(path)).json()) as T;
const tester = (email: string, groups: string[] = []) => ({
  data: {
    type: 'betaTesters',
    attributes: { email, firstName: 'T', lastName: null },
    relationships: { betaGroups: { data: groups.map((id) => ({ type: 'betaGroups', id })) } },
  },
});

test('testers: one per e-mail (409 for a second), group membership from both ends, 409 when already in', async () => {
  const created = await h.send('POST', '/v1/betaTesters', tester('grace@example.com', [PUBLIC]));
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { data: { id: string } }).data.id;
  const again = await h.send('POST', '/v1/betaTesters', tester('ADA@example.com', [PUBLIC]));
  expect(again.status).toBe(409);
  expect(await firstError(again)).toMatchObject({
    code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
    source: { pointer: '/data/attributes/email' },
  });
  expect(
    (await json<ListDoc>('/v1/betaTesters?filter[email]=ada@example.com')).data.map((t) => t.attributes.firstName),
  ).toEqual(['Ada']);
  expect(
    (await json<ListDoc>(`/v1/betaTesters?filter[betaGroups]=${PUBLIC}&filter[apps]=${DEMO_APP_ID}`)).data,
  ).toHaveLength(2);

  const ada = h.emu.state.all('betaTesters')[0]!;
  const member = await h.send('POST', `/v1/betaGroups/${PUBLIC}/relationships/betaTesters`, {
    data: [{ type: 'betaTesters', id: ada.id }],
  });
  expect(member.status).toBe(409);
  expect(
    (
      await h.send('DELETE', `/v1/betaGroups/${PUBLIC}/relationships/betaTesters`, {
        data: [{ type: 'betaTesters', id: ada.id }],
      })
    ).status,
  ).toBe(204);
  expect(
    (
      await h.send('POST', `/v1/betaTesters/${ada.id}/relationships/betaGroups`, {
        data: [{ type: 'betaGroups', id: PUBLIC }],
      })
    ).status,
  ).toBe(204);
  const page = await json<ListDoc>(`/v1/betaGroups/${PUBLIC}/relationships/betaTesters?limit=1`);
  expect(page.data).toEqual([{ type: 'betaTesters', id }]);
  expect(page.links.next).toContain('cursor=');
  expect(
    (await json<ListDoc>(`/v1/betaGroups/${PUBLIC}/betaTesters`)).data.map((t) => t.attributes.email).sort(),
  ).toEqual(['Ada@Example.com', 'grace@example.com']);
});

test('internal groups take no invited testers; unknown groups and bad e-mails are refused', async () => {
  expect((await h.send('POST', '/v1/betaTesters', tester('x@example.com', [STAFF]))).status).toBe(409);
  expect((await h.send('POST', '/v1/betaTesters', tester('x@example.com', ['nope']))).status).toBe(409);
  const bad = await h.send('POST', '/v1/betaTesters', tester('not-an-email', [PUBLIC]));
  expect(bad.status).toBe(400); // the spec's `format: email` refuses it before the handler
  expect(h.emu.state.all('betaTesters')).toHaveLength(1);
  expect(h.emu.violations.map((v) => v.problems.join())).toEqual([expect.stringContaining('/data/attributes/email')]);
  h.emu.violations.length = 0; // the malformed e-mail breaks the spec's `format: email`: expected here
});

async function testInformation(): Promise<void> {
  const loc = {
    data: {
      type: 'betaAppLocalizations',
      attributes: { locale: 'en-US', description: 'Notes.', feedbackEmail: 'beta@example.com' },
      relationships: { app: { data: { type: 'apps', id: DEMO_APP_ID } } },
    },
  };
  expect((await h.send('POST', '/v1/betaAppLocalizations', loc)).status).toBe(201);
  expect((await h.send('POST', '/v1/betaAppLocalizations', loc)).status).toBe(409);
  const detail = (
    await json<{ data: { id: string; attributes: Record<string, unknown> } }>(
      `/v1/apps/${DEMO_APP_ID}/betaAppReviewDetail`,
    )
  ).data;
  expect(detail).toMatchObject({ id: DEMO_APP_ID, attributes: { demoAccountRequired: false } });
  const contact = {
    contactFirstName: 'R',
    contactLastName: 'V',
    contactPhone: '+1 555 0100',
    contactEmail: 'r@example.com',
  };
  expect(
    (
      await h.send('PATCH', `/v1/betaAppReviewDetails/${detail.id}`, {
        data: { type: 'betaAppReviewDetails', id: detail.id, attributes: contact },
      })
    ).status,
  ).toBe(200);
  expect(
    (await json<ListDoc>(`/v1/betaAppReviewDetails?filter[app]=${DEMO_APP_ID}`)).data[0]?.attributes,
  ).toMatchObject(contact);
}

const submit = (buildId: string) =>
  h.send('POST', '/v1/betaAppReviewSubmissions', {
    data: { type: 'betaAppReviewSubmissions', relationships: { build: { data: { type: 'builds', id: buildId } } } },
  });
const notes = (buildId: string, locale: string, whatsNew: string) =>
  h.send('POST', '/v1/betaBuildLocalizations', {
    data: {
      type: 'betaBuildLocalizations',
      attributes: { locale, whatsNew },
      relationships: { build: { data: { type: 'builds', id: buildId } } },
    },
  });

test('beta review: an opaque 422 for the first missing item, one submission per build, one build per version waiting', async () => {
  const first = uploadBuild(
    h.emu.state,
    { app: DEMO_APP_ID, version: '2.0', buildNumber: '1', usesNonExemptEncryption: false },
    h.clock.now(),
  );
  const missing = await submit(first.id);
  expect(missing.status).toBe(422);
  expect(await firstError(missing)).toMatchObject({
    title: 'Beta App Description is missing.',
    detail: 'Beta App Description is required to submit a build for external testing.',
  });
  await testInformation();
  // Apple made the build's (empty) localization in the primary locale: a second one is a 409.
  const made = h.emu.state.all('betaBuildLocalizations').filter((l) => h.emu.state.relatedId(l, 'build') === first.id);
  expect(made.map((l) => l.attributes)).toEqual([{ locale: 'en-US', whatsNew: undefined }]);
  expect((await notes(first.id, 'en-US', 'again')).status).toBe(409);
  expect(
    (
      await h.send('PATCH', `/v1/betaBuildLocalizations/${made[0]!.id}`, {
        data: { type: 'betaBuildLocalizations', id: made[0]!.id, attributes: { whatsNew: 'é'.repeat(4001) } },
      })
    ).status,
  ).toBe(409);
  expect(
    (
      await h.send('PATCH', `/v1/betaBuildLocalizations/${made[0]!.id}`, {
        data: { type: 'betaBuildLocalizations', id: made[0]!.id, attributes: { whatsNew: 'é'.repeat(4000) } },
      })
    ).status,
  ).toBe(200);
  const ok = await submit(first.id);
  expect(ok.status).toBe(201);
  expect(((await ok.json()) as { data: { attributes: unknown } }).data.attributes).toMatchObject({
    betaReviewState: 'WAITING_FOR_REVIEW',
  });
  expect((await submit(first.id)).status).toBe(409);

  const second = uploadBuild(
    h.emu.state,
    {
      app: DEMO_APP_ID,
      version: '2.0.0',
      buildNumber: '2',
      usesNonExemptEncryption: false,
      whatsNew: { 'en-US': 'More.' },
    },
    h.clock.now(),
  );
  const blocked = await submit(second.id);
  expect(blocked.status).toBe(409);
  expect((await firstError(blocked)).detail).toMatch(/Another build is in review/);
  const waiting = await json<ListDoc>(
    `/v1/builds?filter[app]=${DEMO_APP_ID}&filter[betaAppReviewSubmission.betaReviewState]=WAITING_FOR_REVIEW`,
  );
  expect(waiting.data.map((b) => b.id)).toEqual([first.id]);
  expect(
    (
      await h.send('PATCH', `/v1/builds/${first.id}`, {
        data: { type: 'builds', id: first.id, attributes: { expired: true } },
      })
    ).status,
  ).toBe(200);
  expect((await submit(second.id)).status).toBe(201);
  expect((await json<ListDoc>(`/v1/betaAppReviewSubmissions?filter[build]=${second.id}`)).data).toHaveLength(1);
  expect((await h.get(`/v1/builds/${second.id}/betaAppReviewSubmission`)).status).toBe(200);
  expect((await h.get('/v1/betaAppReviewSubmissions')).status).toBe(400); // filter[build] is required by the spec
  expect(h.emu.violations.map((v) => v.problems)).toEqual([["query parameter 'filter[build]' is required"]]);
  h.emu.violations.length = 0;
});
