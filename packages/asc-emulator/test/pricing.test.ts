/** Price schedules and availability (read-only), held to the spec; App Review's 409 names a missing price or territory. */
import { REVIEW_APP_ID, reviewReadySeed } from '../src/index.js';
import { harness, type Harness } from './support/harness.js';

let h: Harness;
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

interface Doc {
  data: { id: string; relationships?: Record<string, { data?: unknown; meta?: { paging: { total: number } } }> };
  included?: Array<{ type: string; attributes: Record<string, unknown> }>;
}

test('a priced app: the schedule with its manual price included; availability with territories', async () => {
  h = await harness({ seed: reviewReadySeed() });
  const schedule = (await (
    await h.get(`/v1/apps/${REVIEW_APP_ID}/appPriceSchedule?include=manualPrices&limit[manualPrices]=1`)
  ).json()) as Doc;
  expect(schedule.data.id).toBe(REVIEW_APP_ID);
  expect(schedule.included?.map((i) => i.type)).toEqual(['appPrices']);
  const availability = (await (
    await h.get(
      `/v1/apps/${REVIEW_APP_ID}/appAvailabilityV2?include=territoryAvailabilities&fields[territoryAvailabilities]=available`,
    )
  ).json()) as Doc;
  expect(availability.included?.map((i) => i.attributes.available)).toEqual([true, true, true]);
});

test('never priced: 404; no territory: the include is cut at its limit (total in meta), the rest paged', async () => {
  h = await harness({ seed: reviewReadySeed({ noPrice: true, noTerritory: true }) });
  expect((await h.get(`/v1/apps/${REVIEW_APP_ID}/appPriceSchedule`)).status).toBe(404);
  const doc = (await (
    await h.get(
      `/v1/apps/${REVIEW_APP_ID}/appAvailabilityV2?include=territoryAvailabilities&limit[territoryAvailabilities]=50`,
    )
  ).json()) as Doc;
  expect(doc.included).toHaveLength(50);
  expect(doc.data.relationships?.territoryAvailabilities?.meta?.paging.total).toBe(60);
  const page = (await (
    await h.get(`/v2/appAvailabilities/${doc.data.id}/territoryAvailabilities?limit=200`)
  ).json()) as { data: unknown[] };
  expect(page.data).toHaveLength(60);
});

test('submitting a version of an app without a price or territory: 409 naming both', async () => {
  h = await harness({ seed: reviewReadySeed({ noPrice: true, noTerritory: true }) });
  const versions = (await (
    await h.get(`/v1/apps/${REVIEW_APP_ID}/appStoreVersions?filter[versionString]=2.1`)
  ).json()) as { data: Array<{ id: string }> };
  const version = versions.data[0]!.id;
  const build = (
    (await (await h.get(`/v1/builds?filter[app]=${REVIEW_APP_ID}&filter[version]=100`)).json()) as {
      data: Array<{ id: string }>;
    }
  ).data[0]!.id;
  await h.send('PATCH', `/v1/appStoreVersions/${version}/relationships/build`, { data: { type: 'builds', id: build } });
  const submission = (
    (await (
      await h.send('POST', '/v1/reviewSubmissions', {
        data: {
          type: 'reviewSubmissions',
          attributes: { platform: 'IOS' },
          relationships: { app: { data: { type: 'apps', id: REVIEW_APP_ID } } },
        },
      })
    ).json()) as { data: { id: string } }
  ).data.id;
  const item = await h.send('POST', '/v1/reviewSubmissionItems', {
    data: {
      type: 'reviewSubmissionItems',
      relationships: {
        reviewSubmission: { data: { type: 'reviewSubmissions', id: submission } },
        appStoreVersion: { data: { type: 'appStoreVersions', id: version } },
      },
    },
  });
  expect(item.status).toBe(409);
  const body = (await item.json()) as {
    errors: Array<{ meta: { associatedErrors: Record<string, Array<{ code: string }>> } }>;
  };
  const codes = Object.values(body.errors[0]!.meta.associatedErrors)
    .flat()
    .map((e) => e.code);
  expect(codes).toEqual(['PRICE_REQUIRED', 'AVAILABILITY_REQUIRED']);
});
