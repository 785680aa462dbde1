/** App Review's HTTP control route: POST /__control/app-review/versions/{id}/advance moves a submitted version one step. */
import { REVIEW_APP_ID, REVIEW_CONTROL_PATH, reviewReadySeed } from '../src/index.js';
import { harness, type Harness } from './support/harness.js';

interface Resource {
  id: string;
  attributes: Record<string, unknown>;
}
let h: Harness;
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});
const data = async <T = Resource>(res: Response): Promise<T> => ((await res.json()) as { data: T }).data;

/** The review-ready 2.1 with its build, the release type, in a submitted review submission. */
async function submitted(releaseType: string): Promise<string> {
  const versions = await data<Resource[]>(
    await h.get(`/v1/apps/${REVIEW_APP_ID}/appStoreVersions?filter[versionString]=2.1`),
  );
  const version = versions[0]!.id;
  const build = (await data<Resource[]>(await h.get(`/v1/builds?filter[app]=${REVIEW_APP_ID}&filter[version]=100`)))[0]!
    .id;
  await h.send('PATCH', `/v1/appStoreVersions/${version}/relationships/build`, { data: { type: 'builds', id: build } });
  await h.send('PATCH', `/v1/appStoreVersions/${version}`, {
    data: { type: 'appStoreVersions', id: version, attributes: { releaseType } },
  });
  const submission = await data(
    await h.send('POST', '/v1/reviewSubmissions', {
      data: {
        type: 'reviewSubmissions',
        attributes: { platform: 'IOS' },
        relationships: { app: { data: { type: 'apps', id: REVIEW_APP_ID } } },
      },
    }),
  );
  await h.send('POST', '/v1/reviewSubmissionItems', {
    data: {
      type: 'reviewSubmissionItems',
      relationships: {
        reviewSubmission: { data: { type: 'reviewSubmissions', id: submission.id } },
        appStoreVersion: { data: { type: 'appStoreVersions', id: version } },
      },
    },
  });
  const sent = await h.send('PATCH', `/v1/reviewSubmissions/${submission.id}`, {
    data: { type: 'reviewSubmissions', id: submission.id, attributes: { submitted: true } },
  });
  expect(sent.status).toBe(200);
  return version;
}

const advance = (version: string, query = '', method = 'POST') =>
  fetch(`${h.emu.baseUrl}${REVIEW_CONTROL_PATH}/${version}/advance${query}`, { method });

test('MANUAL: IN_REVIEW, then PENDING_DEVELOPER_RELEASE; the API shows the same; the control is not in the transcript', async () => {
  h = await harness({ seed: reviewReadySeed() });
  const version = await submitted('MANUAL');
  const before = h.emu.requests.length;
  const first = await advance(version);
  expect(first.status).toBe(200);
  expect(await first.json()).toMatchObject({
    version,
    appVersionState: 'IN_REVIEW',
    submissionState: 'IN_REVIEW',
  });
  expect(await (await advance(version)).json()).toMatchObject({
    appVersionState: 'PENDING_DEVELOPER_RELEASE',
    appStoreState: 'PENDING_DEVELOPER_RELEASE',
    submissionState: 'COMPLETE',
  });
  expect(h.emu.requests.length).toBe(before);
  expect((await data(await h.get(`/v1/appStoreVersions/${version}`))).attributes.appVersionState).toBe(
    'PENDING_DEVELOPER_RELEASE',
  );
});

test('AFTER_APPROVAL: released (READY_FOR_SALE); outcome=reject rejects; wrong uses answer 400/404/405', async () => {
  h = await harness({ seed: reviewReadySeed() });
  const version = await submitted('AFTER_APPROVAL');
  expect((await advance(version, '?outcome=maybe')).status).toBe(400);
  expect((await advance(version, '', 'GET')).status).toBe(405);
  await advance(version);
  expect(await (await advance(version)).json()).toMatchObject({
    appVersionState: 'READY_FOR_DISTRIBUTION',
    appStoreState: 'READY_FOR_SALE',
  });
  const gone = await advance(version);
  expect(gone.status).toBe(404);
  expect(((await gone.json()) as { error: string }).error).toMatch(/is not in a submitted review submission/);
  expect((await fetch(`${h.emu.baseUrl}${REVIEW_CONTROL_PATH}/x/other`, { method: 'POST' })).status).toBe(404);
});

test('outcome=reject at the decision: REJECTED, the submission UNRESOLVED_ISSUES', async () => {
  h = await harness({ seed: reviewReadySeed() });
  const version = await submitted('MANUAL');
  await advance(version);
  expect(await (await advance(version, '?outcome=reject')).json()).toMatchObject({
    appVersionState: 'REJECTED',
    submissionState: 'UNRESOLVED_ISSUES',
  });
});
