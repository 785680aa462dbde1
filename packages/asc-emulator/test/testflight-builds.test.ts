import { DEMO_APP_ID, uploadBuild } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface Doc {
  data: {
    id: string;
    type: string;
    attributes: Record<string, unknown>;
    relationships?: Record<string, { data?: unknown }>;
  };
  included?: Array<{ type: string; id: string; attributes: Record<string, unknown> }>;
}
interface ListDoc {
  data: Array<Doc['data']>;
  included?: Doc['included'];
  meta: { paging: { total: number } };
}

const MIN = 60_000;
let h: Harness;
beforeEach(async () => {
  h = await harness({
    seed: {
      apps: [{ id: DEMO_APP_ID, name: 'Demo Notes', bundleId: 'com.example.demo' }],
      betaGroups: [{ app: DEMO_APP_ID, name: 'Public Beta' }],
    },
  });
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const json = async <T>(path: string): Promise<T> => (await (await h.get(path)).json()) as T;
const patchBuild = (id: string, attributes: Record<string, unknown>) =>
  h.send('PATCH', `/v1/builds/${id}`, { data: { type: 'builds', id, attributes } });

test('a build is unlisted, then PROCESSING, then VALID; its beta detail answers 500 until ready', async () => {
  const build = uploadBuild(
    h.emu.state,
    {
      app: DEMO_APP_ID,
      version: '1.2',
      buildNumber: '42',
      listedAfterMs: 5 * MIN,
      processingMs: 20 * MIN,
      betaDetailLagMs: MIN,
    },
    h.clock.now(),
  );
  expect((await json<ListDoc>(`/v1/builds?filter[app]=${DEMO_APP_ID}`)).data).toEqual([]);
  expect((await h.get(`/v1/builds/${build.id}`)).status).toBe(404);

  h.clock.advance(5 * MIN);
  const listed = await json<ListDoc>(
    `/v1/builds?filter[app]=${DEMO_APP_ID}&filter[version]=42&include=preReleaseVersion`,
  );
  expect(listed.data.map((b) => [b.attributes.version, b.attributes.processingState])).toEqual([['42', 'PROCESSING']]);
  expect(listed.included).toEqual([
    expect.objectContaining({ type: 'preReleaseVersions', attributes: { version: '1.2', platform: 'IOS' } }),
  ]);
  const processing = await h.get(`/v1/builds/${build.id}/buildBetaDetail`);
  expect(processing.status).toBe(500);
  expect(await firstError(processing)).toMatchObject({ code: 'UNEXPECTED_ERROR' });

  h.clock.advance(15 * MIN);
  expect((await json<Doc>(`/v1/builds/${build.id}`)).data.attributes.processingState).toBe('VALID');
  expect((await h.get(`/v1/builds/${build.id}/buildBetaDetail`)).status).toBe(500);
  h.clock.advance(MIN);
  const detail = await json<Doc>(`/v1/builds/${build.id}/buildBetaDetail`);
  expect(detail.data).toMatchObject({
    id: build.id,
    attributes: {
      autoNotifyEnabled: true,
      internalBuildState: 'MISSING_EXPORT_COMPLIANCE',
      externalBuildState: 'MISSING_EXPORT_COMPLIANCE',
    },
  });
});

test('answering export compliance: processing stays VALID, the beta states stay MISSING_EXPORT_COMPLIANCE a while; no change afterwards', async () => {
  const build = uploadBuild(h.emu.state, { app: DEMO_APP_ID, version: '1.2', buildNumber: '42' }, h.clock.now());
  const set = await patchBuild(build.id, { usesNonExemptEncryption: false });
  expect(set.status).toBe(200);
  expect(((await set.json()) as Doc).data.attributes).toMatchObject({
    usesNonExemptEncryption: false,
    processingState: 'VALID',
  });
  expect((await patchBuild(build.id, { usesNonExemptEncryption: false })).status).toBe(200);
  expect((await json<Doc>(`/v1/buildBetaDetails/${build.id}`)).data.attributes).toMatchObject({
    internalBuildState: 'MISSING_EXPORT_COMPLIANCE',
    externalBuildState: 'MISSING_EXPORT_COMPLIANCE',
  });
  h.clock.advance(2 * MIN);
  expect((await json<Doc>(`/v1/builds/${build.id}`)).data.attributes.processingState).toBe('VALID');
  expect((await json<Doc>(`/v1/buildBetaDetails/${build.id}`)).data.attributes).toMatchObject({
    internalBuildState: 'READY_FOR_BETA_TESTING',
    externalBuildState: 'READY_FOR_BETA_SUBMISSION',
  });
  const change = await patchBuild(build.id, { usesNonExemptEncryption: true });
  expect(change.status).toBe(409);
  expect(await firstError(change)).toMatchObject({ code: 'STATE_ERROR' });
  expect((await patchBuild(build.id, { minOsVersion: '1' })).status).toBe(409);
  expect((await patchBuild(build.id, { expired: true })).status).toBe(200);
  expect((await patchBuild(build.id, { expired: false })).status).toBe(409);
});

test('1.2 and 1.2.0 are one version train; version filters match exactly', async () => {
  const a = uploadBuild(h.emu.state, { app: DEMO_APP_ID, version: '1.2', buildNumber: '10' }, h.clock.now());
  h.clock.advance(MIN);
  const b = uploadBuild(h.emu.state, { app: DEMO_APP_ID, version: '1.2.0', buildNumber: '11' }, h.clock.now());
  const trains = await json<ListDoc>(`/v1/preReleaseVersions?filter[app]=${DEMO_APP_ID}&filter[platform]=IOS`);
  expect(trains.data.map((v) => v.attributes.version)).toEqual(['1.2']);
  const newestFirst = await json<ListDoc>(
    `/v1/builds?filter[app]=${DEMO_APP_ID}&filter[preReleaseVersion.version]=1.2&sort=-uploadedDate`,
  );
  expect(newestFirst.data.map((x) => x.id)).toEqual([b.id, a.id]);
  expect((await json<ListDoc>(`/v1/builds?filter[preReleaseVersion.version]=1.2.0`)).data).toEqual([]);
  const ofTrain = await json<ListDoc>(`/v1/preReleaseVersions/${trains.data[0]?.id}/builds`);
  expect(ofTrain.meta.paging.total).toBe(2);
});

test('a failed build says why through its build upload', async () => {
  const errors = [{ code: 'ITMS-90683', description: 'Missing purpose string in Info.plist' }];
  uploadBuild(
    h.emu.state,
    { app: DEMO_APP_ID, version: '1.3', buildNumber: '7', processingMs: 10 * MIN, outcome: 'INVALID', errors },
    h.clock.now(),
  );
  const during = await json<ListDoc>(`/v1/apps/${DEMO_APP_ID}/buildUploads?filter[cfBundleVersion]=7`);
  expect(during.data[0]?.attributes.state).toEqual({ state: 'PROCESSING', errors: [], warnings: [], infos: [] });
  h.clock.advance(10 * MIN);
  const after = await json<ListDoc>(
    `/v1/apps/${DEMO_APP_ID}/buildUploads?filter[cfBundleVersion]=7&filter[platform]=IOS`,
  );
  expect(after.data[0]?.attributes.state).toEqual({ state: 'FAILED', errors, warnings: [], infos: [] });
  expect((await json<ListDoc>(`/v1/builds?filter[processingState]=INVALID`)).data).toHaveLength(1);
});

test('builds join beta groups once processed, from either end', async () => {
  const group = h.emu.state.betaGroups()[0]!;
  const build = uploadBuild(
    h.emu.state,
    { app: DEMO_APP_ID, version: '1.2', buildNumber: '42', processingMs: 10 * MIN },
    h.clock.now(),
  );
  const body = { data: [{ type: 'builds', id: build.id }] };
  const early = await h.send('POST', `/v1/betaGroups/${group.id}/relationships/builds`, body);
  expect(early.status).toBe(409);
  h.clock.advance(10 * MIN);
  expect((await h.send('POST', `/v1/betaGroups/${group.id}/relationships/builds`, body)).status).toBe(204);
  expect(
    (
      await h.send('POST', `/v1/builds/${build.id}/relationships/betaGroups`, {
        data: [{ type: 'betaGroups', id: group.id }],
      })
    ).status,
  ).toBe(204);
  const links = await json<{ data: unknown[] }>(`/v1/betaGroups/${group.id}/relationships/builds`);
  expect(links.data).toEqual([{ type: 'builds', id: build.id }]);
  const withGroups = await json<Doc>(`/v1/builds/${build.id}?include=betaGroups`);
  expect(withGroups.data.relationships?.betaGroups?.data).toEqual([{ type: 'betaGroups', id: group.id }]);
  expect((await json<ListDoc>(`/v1/builds?filter[betaGroups]=${group.id}`)).data).toHaveLength(1);
  expect((await h.send('DELETE', `/v1/betaGroups/${group.id}/relationships/builds`, body)).status).toBe(204);
  expect((await json<ListDoc>(`/v1/betaGroups/${group.id}/builds`)).data).toEqual([]);
});
