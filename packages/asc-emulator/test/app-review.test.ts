import { REVIEW_APP_ID, reviewControl, reviewReadySeed } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: unknown }>;
}

let h: Harness;
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const json = async <T = { data: Resource }>(res: Response): Promise<T> => (await res.json()) as T;
const HOUR = 3_600_000;

async function editable(): Promise<Resource> {
  const list = await json<{ data: Resource[] }>(
    await h.get(
      `/v1/apps/${REVIEW_APP_ID}/appStoreVersions?filter[versionString]=2.1&include=build,appStoreVersionPhasedRelease`,
    ),
  );
  return list.data[0]!;
}
async function buildId(number = '100'): Promise<string> {
  return (
    await json<{ data: Resource[] }>(await h.get(`/v1/builds?filter[app]=${REVIEW_APP_ID}&filter[version]=${number}`))
  ).data[0]!.id;
}
const attach = (versionId: string, build: string) =>
  h.send('PATCH', `/v1/appStoreVersions/${versionId}/relationships/build`, { data: { type: 'builds', id: build } });
const newSubmission = () =>
  h.send('POST', '/v1/reviewSubmissions', {
    data: {
      type: 'reviewSubmissions',
      attributes: { platform: 'IOS' },
      relationships: { app: { data: { type: 'apps', id: REVIEW_APP_ID } } },
    },
  });
const addItem = (submissionId: string, versionId: string) =>
  h.send('POST', '/v1/reviewSubmissionItems', {
    data: {
      type: 'reviewSubmissionItems',
      relationships: {
        reviewSubmission: { data: { type: 'reviewSubmissions', id: submissionId } },
        appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } },
      },
    },
  });
const submit = (id: string) =>
  h.send('PATCH', `/v1/reviewSubmissions/${id}`, {
    data: { type: 'reviewSubmissions', id, attributes: { submitted: true } },
  });

async function readyAndSubmitted(releaseType = 'AFTER_APPROVAL'): Promise<{ version: Resource; submission: Resource }> {
  const version = await editable();
  expect((await attach(version.id, await buildId())).status).toBe(204);
  await h.send('PATCH', `/v1/appStoreVersions/${version.id}`, {
    data: { type: 'appStoreVersions', id: version.id, attributes: { releaseType } },
  });
  const submission = (await json(await newSubmission())).data;
  expect((await addItem(submission.id, version.id)).status).toBe(201);
  expect((await submit(submission.id)).status).toBe(200);
  return { version, submission };
}

test('build, item, submit: the version and submission go WAITING_FOR_REVIEW → IN_REVIEW → released on the clock', async () => {
  h = await harness({ seed: reviewReadySeed() });
  const { version, submission } = await readyAndSubmitted();
  const read = async () => ({
    submission: (await json(await h.get(`/v1/reviewSubmissions/${submission.id}`))).data.attributes.state,
    version: (await editable()).attributes.appVersionState,
  });
  expect(await read()).toEqual({ submission: 'WAITING_FOR_REVIEW', version: 'WAITING_FOR_REVIEW' });
  h.clock.advance(7 * HOUR);
  expect(await read()).toEqual({ submission: 'IN_REVIEW', version: 'IN_REVIEW' });
  h.clock.advance(3 * HOUR);
  expect(await read()).toEqual({ submission: 'COMPLETE', version: 'READY_FOR_DISTRIBUTION' });
  const items = await json<{ data: Resource[] }>(await h.get(`/v1/reviewSubmissions/${submission.id}/items`));
  expect(items.data.map((i) => i.attributes.state)).toEqual(['APPROVED']);
  const live = await json<{ data: Resource[] }>(
    await h.get(`/v1/apps/${REVIEW_APP_ID}/appStoreVersions?filter[versionString]=2.0`),
  );
  expect(live.data[0]!.attributes.appVersionState).toBe('REPLACED_WITH_NEW_VERSION');
  expect(version.id).toBeTruthy();
});

test('a MANUAL version waits in PENDING_DEVELOPER_RELEASE for a release request; a second request is refused', async () => {
  h = await harness({ seed: reviewReadySeed() });
  const { version } = await readyAndSubmitted('MANUAL');
  reviewControl(h.emu.state).advance(version.id);
  reviewControl(h.emu.state).advance(version.id);
  expect((await editable()).attributes.appVersionState).toBe('PENDING_DEVELOPER_RELEASE');
  const body = {
    data: {
      type: 'appStoreVersionReleaseRequests',
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: version.id } } },
    },
  };
  expect((await h.send('POST', '/v1/appStoreVersionReleaseRequests', body)).status).toBe(201);
  expect((await editable()).attributes.appVersionState).toBe('READY_FOR_DISTRIBUTION');
  const again = await h.send('POST', '/v1/appStoreVersionReleaseRequests', body);
  expect(again.status).toBe(409);
  expect((await firstError(again)).code).toBe('STATE_ERROR');
});

test("Apple's 409s: a second draft, submitting twice, an item in another submission, a build not processed or of another version", async () => {
  h = await harness({
    seed: reviewReadySeed({
      builds: [
        {
          app: REVIEW_APP_ID,
          version: '2.1',
          buildNumber: '101',
          processingMs: 30 * 60_000,
          uploadedDate: '2026-11-26T11:59:00Z',
        },
        { app: REVIEW_APP_ID, version: '2.0.1', buildNumber: '102', usesNonExemptEncryption: false },
      ],
    }),
  });
  const version = await editable();
  const processing = await attach(version.id, await buildId('101'));
  expect(processing.status).toBe(409);
  expect((await firstError(processing)).detail).toContain('PROCESSING');
  expect((await attach(version.id, await buildId('102'))).status).toBe(409);
  const noBuild = (await json(await newSubmission())).data;
  const notReady = await addItem(noBuild.id, version.id);
  expect(notReady.status).toBe(409);
  const error = (
    (await notReady.json()) as {
      errors: Array<{ code: string; meta: { associatedErrors: Record<string, Array<{ code: string }>> } }>;
    }
  ).errors[0]!;
  expect(error.code).toBe('STATE_ERROR.ENTITY_STATE_INVALID');
  expect(error.meta.associatedErrors[`/v1/appStoreVersions/${version.id}`]!.map((e) => e.code)).toEqual([
    'BUILD_REQUIRED',
  ]);
  expect((await newSubmission()).status).toBe(409);
  expect((await attach(version.id, await buildId('100'))).status).toBe(204);
  expect((await addItem(noBuild.id, version.id)).status).toBe(201);
  const twice = await addItem(noBuild.id, version.id);
  expect(twice.status).toBe(409);
  expect((await firstError(twice)).detail).toContain(
    `already added to another reviewSubmission with id '${noBuild.id}'`,
  );
  expect((await submit(noBuild.id)).status).toBe(200);
  const again = await submit(noBuild.id);
  expect(again.status).toBe(409);
  expect((await firstError(again)).detail).toContain('WAITING_FOR_REVIEW');
});

test('phased release: not on a first version; INACTIVE until release, then days; pause, resume, complete; delete only INACTIVE', async () => {
  h = await harness({ seed: reviewReadySeed() });
  const version = await editable();
  const create = await h.send('POST', '/v1/appStoreVersionPhasedReleases', {
    data: {
      type: 'appStoreVersionPhasedReleases',
      attributes: { phasedReleaseState: 'INACTIVE' },
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: version.id } } },
    },
  });
  expect(create.status).toBe(201);
  const phased = (await json(create)).data;
  const patch = (state: string) =>
    h.send('PATCH', `/v1/appStoreVersionPhasedReleases/${phased.id}`, {
      data: { type: 'appStoreVersionPhasedReleases', id: phased.id, attributes: { phasedReleaseState: state } },
    });
  expect((await patch('PAUSED')).status).toBe(409);
  await readyAndSubmitted();
  reviewControl(h.emu.state).advance(version.id);
  reviewControl(h.emu.state).advance(version.id);
  const read = async () =>
    (await json(await h.get(`/v1/appStoreVersions/${version.id}/appStoreVersionPhasedRelease`))).data.attributes;
  expect(await read()).toMatchObject({ phasedReleaseState: 'ACTIVE', currentDayNumber: 1, totalPauseDuration: 0 });
  h.clock.advance(2 * 24 * HOUR);
  expect((await read()).currentDayNumber).toBe(3);
  expect((await patch('PAUSED')).status).toBe(200);
  h.clock.advance(24 * HOUR);
  expect((await patch('ACTIVE')).status).toBe(200);
  expect(await read()).toMatchObject({ currentDayNumber: 3, totalPauseDuration: 86_400 });
  expect((await h.send('DELETE', `/v1/appStoreVersionPhasedReleases/${phased.id}`)).status).toBe(409);
  expect((await patch('COMPLETE')).status).toBe(200);
});

test('a first version gets no phased release; a rejected submission is UNRESOLVED_ISSUES and can be canceled', async () => {
  h = await harness({ seed: reviewReadySeed({ firstVersion: true }) });
  const version = await editable();
  const create = await h.send('POST', '/v1/appStoreVersionPhasedReleases', {
    data: {
      type: 'appStoreVersionPhasedReleases',
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: version.id } } },
    },
  });
  expect(create.status).toBe(409);
  expect((await firstError(create)).detail).toContain('first version');
  reviewControl(h.emu.state).outcomes.push('reject');
  const { submission } = await readyAndSubmitted();
  h.clock.advance(24 * HOUR);
  expect((await json(await h.get(`/v1/reviewSubmissions/${submission.id}`))).data.attributes.state).toBe(
    'UNRESOLVED_ISSUES',
  );
  expect((await editable()).attributes.appVersionState).toBe('REJECTED');
  const list = await json<{ data: Resource[] }>(
    await h.get(
      `/v1/reviewSubmissions?filter[app]=${REVIEW_APP_ID}&filter[state]=UNRESOLVED_ISSUES&include=appStoreVersionForReview`,
    ),
  );
  expect(list.data.map((s) => s.id)).toEqual([submission.id]);
  const cancel = await h.send('PATCH', `/v1/reviewSubmissions/${submission.id}`, {
    data: { type: 'reviewSubmissions', id: submission.id, attributes: { canceled: true } },
  });
  expect((await json(cancel)).data.attributes.state).toBe('CANCELING');
  expect((await json(await h.get(`/v1/reviewSubmissions/${submission.id}`))).data.attributes.state).toBe('COMPLETE');
});
