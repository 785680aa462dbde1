import { createHash } from 'node:crypto';
import { DEMO_APP_ID, mediaControl } from '../src/index.js';
import { firstError, harness, type Harness } from './support/harness.js';

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: unknown }>;
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
  mediaControl(h.emu.state).partSize = 10;
});
afterEach(async () => {
  expect(h.emu.violations).toEqual([]);
  await h.emu.close();
});

const data = async (res: Response): Promise<Resource> => ((await res.json()) as { data: Resource }).data;

async function localizationId(): Promise<string> {
  const versions = (await (
    await h.get(
      `/v1/apps/${DEMO_APP_ID}/appStoreVersions?filter[platform]=IOS&filter[appVersionState]=PREPARE_FOR_SUBMISSION`,
    )
  ).json()) as { data: Resource[] };
  const locs = (await (
    await h.get(`/v1/appStoreVersions/${versions.data[0]!.id}/appStoreVersionLocalizations?filter[locale]=en-US`)
  ).json()) as { data: Resource[] };
  return locs.data[0]!.id;
}

async function newSet(locId: string, displayType = 'APP_IPHONE_67'): Promise<string> {
  const res = await h.send('POST', '/v1/appScreenshotSets', {
    data: {
      type: 'appScreenshotSets',
      attributes: { screenshotDisplayType: displayType },
      relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: locId } } },
    },
  });
  expect(res.status).toBe(201);
  return (await data(res)).id;
}

const reserveBody = (setId: string, fileName: string, fileSize: number) => ({
  data: {
    type: 'appScreenshots',
    attributes: { fileName, fileSize },
    relationships: { appScreenshotSet: { data: { type: 'appScreenshotSets', id: setId } } },
  },
});

async function putParts(ops: Op[], bytes: Buffer, headers: Record<string, string> = {}): Promise<number[]> {
  return Promise.all(
    ops.map(async (op) => {
      const h2 = Object.fromEntries(op.requestHeaders.map((x) => [x.name, x.value]));
      const res = await fetch(op.url, {
        method: op.method,
        headers: { ...h2, ...headers },
        body: bytes.subarray(op.offset, op.offset + op.length),
      });
      return res.status;
    }),
  );
}

const commit = (id: string, checksum: string) =>
  h.send('PATCH', `/v1/appScreenshots/${id}`, {
    data: { type: 'appScreenshots', id, attributes: { uploaded: true, sourceFileChecksum: checksum } },
  });
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

test('reserve → parts on the emulator origin → commit with the MD5 → COMPLETE after processing', async () => {
  const setId = await newSet(await localizationId());
  const bytes = Buffer.from('0123456789abcdefghijklmnopqrstuvwxy'); // 35 bytes: 4 parts of 10
  const reserved = await data(await h.send('POST', '/v1/appScreenshots', reserveBody(setId, 'a.png', bytes.length)));
  const ops = reserved.attributes.uploadOperations as Op[];
  expect(ops.map((o) => [o.offset, o.length])).toEqual([
    [0, 10],
    [10, 10],
    [20, 10],
    [30, 5],
  ]);
  expect(ops.every((o) => o.url.startsWith(h.emu.baseUrl))).toBe(true);
  expect(reserved.attributes.assetDeliveryState).toMatchObject({ state: 'AWAITING_UPLOAD' });
  expect(await putParts(ops, bytes)).toEqual([200, 200, 200, 200]);
  const committed = await data(await commit(reserved.id, md5(bytes)));
  expect(committed.attributes.assetDeliveryState).toMatchObject({ state: 'UPLOAD_COMPLETE' });
  expect(committed.attributes).not.toHaveProperty('uploadOperations');
  h.clock.advance(mediaControl(h.emu.state).processingMs);
  const read = await data(await h.get(`/v1/appScreenshots/${reserved.id}`));
  expect(read.attributes).toMatchObject({ sourceFileChecksum: md5(bytes), assetDeliveryState: { state: 'COMPLETE' } });
  const listed = (await (await h.get(`/v1/appScreenshotSets/${setId}/appScreenshots`)).json()) as { data: Resource[] };
  expect(listed.data.map((r) => r.id)).toEqual([reserved.id]);
});

test('an upload part refuses an Authorization header; a wrong checksum ends FAILED', async () => {
  const setId = await newSet(await localizationId());
  const bytes = Buffer.from('hello world!');
  const reserved = await data(await h.send('POST', '/v1/appScreenshots', reserveBody(setId, 'b.png', bytes.length)));
  const ops = reserved.attributes.uploadOperations as Op[];
  expect(await putParts(ops, bytes, { Authorization: 'Bearer x' })).toEqual([403, 403]);
  expect(mediaControl(h.emu.state).puts.every((p) => p.hadAuthorization)).toBe(true);
  expect(await putParts(ops, bytes)).toEqual([200, 200]);
  const committed = await data(await commit(reserved.id, md5(Buffer.from('other'))));
  expect(committed.attributes.assetDeliveryState).toMatchObject({
    state: 'FAILED',
    errors: [{ code: 'ASSET_CHECKSUM_MISMATCH' }],
  });
});

test('stuck and failed outcomes on the emulator clock; at most 10 per set; reorder and delete', async () => {
  const control = mediaControl(h.emu.state);
  control.outcomes.push({ fileName: 's0.png', outcome: 'stuck' }, { fileName: 's1.png', outcome: 'failed' });
  const setId = await newSet(await localizationId());
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const bytes = Buffer.from(`shot-${i}`);
    const r = await data(await h.send('POST', '/v1/appScreenshots', reserveBody(setId, `s${i}.png`, bytes.length)));
    await putParts(r.attributes.uploadOperations as Op[], bytes);
    await commit(r.id, md5(bytes));
    ids.push(r.id);
  }
  const eleventh = await h.send('POST', '/v1/appScreenshots', reserveBody(setId, 's10.png', 3));
  expect(eleventh.status).toBe(409);
  expect((await firstError(eleventh)).code).toBe('STATE_ERROR');
  h.clock.advance(60_000);
  const states = await Promise.all(
    ids
      .slice(0, 3)
      .map(
        async (id) =>
          ((await data(await h.get(`/v1/appScreenshots/${id}`))).attributes.assetDeliveryState as { state: string })
            .state,
      ),
  );
  expect(states).toEqual(['UPLOAD_COMPLETE', 'FAILED', 'COMPLETE']);
  const reversed = [...ids].reverse();
  const patch = await h.send('PATCH', `/v1/appScreenshotSets/${setId}/relationships/appScreenshots`, {
    data: reversed.map((id) => ({ type: 'appScreenshots', id })),
  });
  expect(patch.status).toBe(204);
  expect((await h.send('DELETE', `/v1/appScreenshots/${ids[0]}`)).status).toBe(204);
  const listed = (await (await h.get(`/v1/appScreenshotSets/${setId}/appScreenshots`)).json()) as { data: Resource[] };
  expect(listed.data.map((r) => r.id)).toEqual(reversed.slice(0, 9));
  const sets = (await (
    await h.get(`/v1/appStoreVersionLocalizations/${await localizationId()}/appScreenshotSets?include=appScreenshots`)
  ).json()) as { data: Resource[]; included: Resource[] };
  expect(sets.data.map((s) => s.attributes.screenshotDisplayType)).toEqual(['APP_IPHONE_67']);
  expect(sets.included).toHaveLength(9);
});

test('preview sets and previews: reserve with mime type; the upload is COMPLETE while the transcode (videoDeliveryState) is still PROCESSING', async () => {
  const locId = await localizationId();
  const set = await data(
    await h.send('POST', '/v1/appPreviewSets', {
      data: {
        type: 'appPreviewSets',
        attributes: { previewType: 'IPHONE_67' },
        relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: locId } } },
      },
    }),
  );
  const bytes = Buffer.from('not really a movie');
  const reserved = await data(
    await h.send('POST', '/v1/appPreviews', {
      data: {
        type: 'appPreviews',
        attributes: {
          fileName: 'p.mp4',
          fileSize: bytes.length,
          mimeType: 'video/mp4',
          previewFrameTimeCode: '00:00:05:00',
        },
        relationships: { appPreviewSet: { data: { type: 'appPreviewSets', id: set.id } } },
      },
    }),
  );
  await putParts(reserved.attributes.uploadOperations as Op[], bytes);
  await h.send('PATCH', `/v1/appPreviews/${reserved.id}`, {
    data: { type: 'appPreviews', id: reserved.id, attributes: { uploaded: true, sourceFileChecksum: md5(bytes) } },
  });
  h.clock.advance(1000);
  expect((await data(await h.get(`/v1/appPreviews/${reserved.id}`))).attributes.videoDeliveryState).toMatchObject({
    state: 'PROCESSING',
  });
  h.clock.advance(10_000);
  const processed = (await data(await h.get(`/v1/appPreviews/${reserved.id}`))).attributes;
  expect([processed.assetDeliveryState, processed.videoDeliveryState]).toMatchObject([
    { state: 'COMPLETE' },
    { state: 'PROCESSING' },
  ]);
  h.clock.advance(30 * 60_000);
  expect((await data(await h.get(`/v1/appPreviews/${reserved.id}`))).attributes.videoDeliveryState).toMatchObject({
    state: 'COMPLETE',
  });
});
