import { createHash } from 'node:crypto';
import { DEMO_APP_ID, buildUploadControl } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: { id: string } }>;
}
interface Op {
  method: string;
  url: string;
  offset: number;
  length: number;
  requestHeaders: Array<{ name: string; value: string }>;
}

let h: Harness;
beforeEach(async () => {
  h = await harness();
  const control = buildUploadControl(h.emu.state);
  control.partSize = 10;
  control.listedAfterMs = 60_000;
  control.processingMs = 5 * 60_000;
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const data = async (res: Response): Promise<Resource> => ((await res.json()) as { data: Resource }).data;
const FILE = Buffer.from('PK-pretend-ipa-bytes-0123456789-abcdef');
const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');

async function createUpload(version = '2.0', number = '7'): Promise<Response> {
  return h.send('POST', '/v1/buildUploads', {
    data: {
      type: 'buildUploads',
      attributes: { cfBundleShortVersionString: version, cfBundleVersion: number, platform: 'IOS' },
      relationships: { app: { data: { type: 'apps', id: DEMO_APP_ID } } },
    },
  });
}

async function reserve(uploadId: string, size = FILE.length): Promise<Resource> {
  const res = await h.send('POST', '/v1/buildUploadFiles', {
    data: {
      type: 'buildUploadFiles',
      attributes: { fileName: 'App.ipa', fileSize: size, uti: 'com.apple.ipa', assetType: 'ASSET' },
      relationships: { buildUpload: { data: { type: 'buildUploads', id: uploadId } } },
    },
  });
  expect(res.status).toBe(201);
  return data(res);
}

function put(op: Op, body: Buffer, extra: Record<string, string> = {}): Promise<Response> {
  const headers = Object.fromEntries(op.requestHeaders.map((x) => [x.name, x.value]));
  return fetch(op.url, { method: op.method, headers: { ...headers, ...extra }, body });
}

const commit = (fileId: string, checksums?: unknown): Promise<Response> =>
  h.send('PATCH', `/v1/buildUploadFiles/${fileId}`, {
    data: {
      type: 'buildUploadFiles',
      id: fileId,
      attributes: { uploaded: true, ...(checksums ? { sourceFileChecksums: checksums } : {}) },
    },
  });

async function uploadAll(file: Resource, body = FILE): Promise<void> {
  for (const op of file.attributes.uploadOperations as Op[])
    expect((await put(op, body.subarray(op.offset, op.offset + op.length))).status).toBe(200);
}

test('create → reserve → parts on their own origin → commit with MD5 → PROCESSING → the build is listed, processed and linked', async () => {
  const upload = await data(await createUpload());
  expect(upload.attributes.state).toEqual({ state: 'AWAITING_UPLOAD', errors: [], warnings: [], infos: [] });
  const file = await reserve(upload.id);
  const ops = file.attributes.uploadOperations as Op[];
  expect(ops.map((o) => [o.offset, o.length])).toEqual([
    [0, 10],
    [10, 10],
    [20, 10],
    [30, FILE.length - 30],
  ]);
  expect(new URL(ops[0]!.url).origin).not.toBe(h.emu.baseUrl);
  await uploadAll(file);
  const committed = await commit(file.id, { file: { hash: md5(FILE), algorithm: 'MD5' } });
  expect(committed.status).toBe(200);
  expect((await data(committed)).attributes.assetDeliveryState).toEqual({
    state: 'UPLOAD_COMPLETE',
    errors: [],
    warnings: [],
  });
  expect(((await data(await h.get(`/v1/buildUploads/${upload.id}`))).attributes.state as { state: string }).state).toBe(
    'PROCESSING',
  );
  expect(
    ((await (await h.get(`/v1/builds?filter[app]=${DEMO_APP_ID}&filter[version]=7`)).json()) as { data: unknown[] })
      .data,
  ).toEqual([]);
  h.clock.advance(5 * 60_000);
  const done = (await (await h.get(`/v1/buildUploads/${upload.id}?include=build`)).json()) as {
    data: Resource;
    included: Resource[];
  };
  expect((done.data.attributes.state as { state: string }).state).toBe('COMPLETE');
  expect(done.included[0]).toMatchObject({ type: 'builds', attributes: { version: '7', processingState: 'VALID' } });
  const builds = (await (
    await h.get(`/v1/builds?filter[app]=${DEMO_APP_ID}&filter[version]=7&include=preReleaseVersion`)
  ).json()) as { data: Resource[]; included: Resource[] };
  expect(builds.data.map((b) => b.id)).toEqual([done.included[0]!.id]);
  expect(builds.included[0]!.attributes).toMatchObject({ version: '2.0', platform: 'IOS' });
  expect((await data(await h.get(`/v1/buildUploadFiles/${file.id}`))).attributes.assetDeliveryState).toMatchObject({
    state: 'COMPLETE',
  });
  // A replayed commit changes nothing; a second upload of the same numbers is a duplicate.
  expect((await commit(file.id)).status).toBe(200);
  expect(h.emu.state.all('builds').filter((b) => b.attributes.version === '7')).toHaveLength(1);
  const again = await createUpload();
  expect(again.status).toBe(409);
  expect((await firstError(again)).code).toBe('ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE');
});

test('parts: Authorization 403, a changed signed header 403, a wrong length 400; commit before all parts and wrong checksums 409', async () => {
  const upload = await data(await createUpload());
  const file = await reserve(upload.id);
  const [first, second] = file.attributes.uploadOperations as Op[];
  expect((await put(first!, FILE.subarray(0, 10), { Authorization: 'Bearer x' })).status).toBe(403);
  expect((await put(first!, FILE.subarray(0, 10), { 'Content-Type': 'text/plain' })).status).toBe(403);
  expect((await put(first!, FILE.subarray(0, 9))).status).toBe(400);
  expect((await put(first!, FILE.subarray(0, 10))).status).toBe(200);
  expect((await put(second!, FILE.subarray(10, 20))).status).toBe(200);
  const early = await commit(file.id);
  expect(early.status).toBe(409);
  expect((await firstError(early)).detail).toContain('CONTENT_NOT_UPLOADED');
  await uploadAll(file);
  const sha = await commit(file.id, { file: { hash: 'ab'.repeat(32), algorithm: 'SHA_256' } });
  expect(sha.status).toBe(409);
  expect((await firstError(sha)).detail).toContain("is not a valid value for the attribute 'sourceFileChecksums'");
  const wrong = await commit(file.id, { file: { hash: md5(Buffer.from('other')), algorithm: 'MD5' } });
  expect(wrong.status).toBe(409);
  expect(((await data(await h.get(`/v1/buildUploads/${upload.id}`))).attributes.state as { state: string }).state).toBe(
    'AWAITING_UPLOAD',
  );
  const puts = buildUploadControl(h.emu.state).puts;
  expect(puts.filter((p) => p.status === 403)).toHaveLength(2);
});

test('processing failures carry Apple-coded errors; FAILED uploads cannot be deleted, AWAITING_UPLOAD ones can', async () => {
  buildUploadControl(h.emu.state).plans.push({
    buildNumber: '8',
    outcome: 'failed',
    errors: [
      {
        code: '90062',
        description: 'The value for key CFBundleShortVersionString [2.0] must contain a higher version.',
      },
    ],
  });
  const upload = await data(await createUpload('2.0', '8'));
  const file = await reserve(upload.id);
  await uploadAll(file);
  expect((await commit(file.id)).status).toBe(200);
  h.clock.advance(5 * 60_000);
  const failed = await data(
    await h
      .get(`/v1/apps/${DEMO_APP_ID}/buildUploads?filter[cfBundleVersion]=8&filter[platform]=IOS`)
      .then(async (r) => new Response(JSON.stringify({ data: ((await r.json()) as { data: Resource[] }).data[0] }))),
  );
  expect(failed.attributes.state).toMatchObject({ state: 'FAILED', errors: [{ code: '90062' }] });
  expect(h.emu.state.all('builds').some((b) => b.attributes.version === '8')).toBe(false);
  const refused = await h.send('DELETE', `/v1/buildUploads/${upload.id}`);
  expect(refused.status).toBe(409);
  expect((await firstError(refused)).code).toBe('STATE_ERROR.INVALID_STATE');
  const pending = await data(await createUpload('2.0', '9'));
  await reserve(pending.id);
  expect((await h.send('DELETE', `/v1/buildUploads/${pending.id}`)).status).toBe(204);
  expect((await h.get(`/v1/buildUploads/${pending.id}`)).status).toBe(404);
});

test('two reservations of one number: the second commit fails processing with 90189', async () => {
  const a = await data(await createUpload('2.1', '3'));
  const b = await data(await createUpload('2.1', '3'));
  for (const u of [a, b]) {
    const file = await reserve(u.id);
    await uploadAll(file);
    expect((await commit(file.id)).status).toBe(200);
  }
  h.clock.advance(5 * 60_000);
  const states = await Promise.all(
    [a, b].map(
      async (u) =>
        (await data(await h.get(`/v1/buildUploads/${u.id}`))).attributes.state as {
          state: string;
          errors: Array<{ code: string }>;
        },
    ),
  );
  expect(states.map((s) => s.state)).toEqual(['COMPLETE', 'FAILED']);
  expect(states[1]!.errors[0]!.code).toBe('90189');
});
