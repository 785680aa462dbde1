/**
 * Screenshots and previews against the emulator: transcripts of the media requests plus the
 * final sets. Images and movies are made at run time (media-files.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { demoSeed, DEMO_APP_ID, mediaControl, type Emulator } from '@asc-actions/asc-emulator';
import { editableVersionId, harness, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';
import { jpeg, png, writeMovie } from './media-files.js';

let h: Harness;
let root: string;
beforeEach(async () => {
  h = await harness(demoSeed(Date.parse('2026-11-26T12:00:00Z')));
  mediaControl(h.emulator.state).partSize = 64; // several parts per file
  root = mkdtempSync(join(tmpdir(), 'asc-media-'));
});
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  // Pre-signed upload URLs never saw the token.
  expect(mediaControl(h.emulator.state).puts.filter((p) => p.hadAuthorization)).toEqual([]);
  await h.close();
  rmSync(root, { recursive: true, force: true });
});

const metadata = () => tree({ 'en-US/name.txt': 'Demo Notes' });
const put = (path: string, bytes: Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), bytes);
};
const IPHONE_67: [number, number] = [1290, 2796];
const IPAD: [number, number] = [2064, 2752];
const withoutIds = (line: string) => line.replace(/\/(\d+|[0-9a-f-]{36})(?=\/|$|\?)/g, '/:id').replace(/\?.*$/, '');
const isMedia = (line: string) => /app(Screenshot|Preview)|__asset-uploads/.test(line);
const mediaWrites = () => h.writes().filter(isMedia).map(withoutIds);

function setsOf(
  emulator: Emulator,
  locale: string,
  type = 'appScreenshotSets',
): Record<string, Array<{ fileName: string; state?: string }>> {
  const versionId = editableVersionId(emulator, DEMO_APP_ID);
  const loc = emulator.state
    .all('appStoreVersionLocalizations')
    .find((l) => emulator.state.relatedId(l, 'appStoreVersion') === versionId && l.attributes.locale === locale)!;
  const asset = type === 'appScreenshotSets' ? 'appScreenshots' : 'appPreviews';
  const attr = type === 'appScreenshotSets' ? 'screenshotDisplayType' : 'previewType';
  const out: Record<string, Array<{ fileName: string; state?: string }>> = {};
  for (const id of emulator.state.relatedIds(loc, type)) {
    const set = emulator.state.get(type, id)!;
    out[String(set.attributes[attr])] = emulator.state.relatedIds(set, asset).map((a) => {
      const r = emulator.state.get(asset, a)!;
      const state = (r.attributes.assetDeliveryState ?? r.attributes.videoDeliveryState) as
        { state?: string } | undefined;
      return { fileName: String(r.attributes.fileName), state: state?.state };
    });
  }
  return out;
}
const names = (sets: Record<string, Array<{ fileName: string }>>) =>
  Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.map((x) => x.fileName)]));

async function sync(extra: Record<string, string> = {}) {
  const result = await h.run({
    app: 'com.example.demo',
    'metadata-path': metadata(),
    'screenshots-path': root,
    ...extra,
  });
  return {
    result,
    media: JSON.parse(result.outputs.media ?? '{}') as {
      totals: Record<string, number>;
      sets: Array<Record<string, unknown>>;
    },
  };
}

function freshTree(): void {
  for (const i of [1, 2, 3]) put(`en-US/0${i}_home.png`, png(...IPHONE_67, `en-${i}`));
  put('en-US/10_ipad.jpg', jpeg(...IPAD, 'en-ipad'));
  for (const i of [1, 2]) put(`de-DE/0${i}_home.png`, png(...IPHONE_67, `de-${i}`));
}

test('fresh upload: sets made, files reserved, uploaded in parts without Authorization, committed, in order; a rerun uploads nothing', async () => {
  freshTree();
  const { result, media } = await sync();
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(media.totals).toMatchObject({ uploaded: 6, replaced: 0, deleted: 0, kept: 0 });
  expect(names(setsOf(h.emulator, 'en-US'))).toEqual({
    APP_IPHONE_67: ['01_home.png', '02_home.png', '03_home.png'],
    APP_IPAD_PRO_3GEN_129: ['10_ipad.jpg'],
  });
  expect(names(setsOf(h.emulator, 'de-DE'))).toEqual({ APP_IPHONE_67: ['01_home.png', '02_home.png'] });
  expect(
    Object.values(setsOf(h.emulator, 'en-US'))
      .flat()
      .every((a) => a.state === 'COMPLETE'),
  ).toBe(true);
  const writes = mediaWrites();
  expect(writes.filter((w) => w === 'POST /v1/appScreenshotSets')).toHaveLength(3);
  expect(writes.filter((w) => w === 'POST /v1/appScreenshots')).toHaveLength(6);
  expect(writes.filter((w) => w === 'PATCH /v1/appScreenshots/:id')).toHaveLength(6);
  expect(writes.filter((w) => w.startsWith('PUT /__asset-uploads/')).length).toBeGreaterThan(6);
  expect(
    h.emulator.requests
      .filter((r) => r.path.startsWith('/__asset-uploads/'))
      .every((r) => !r.hadAuthorizationHeader && r.status === 200),
  ).toBe(true);
  expect(result.summary).toContain('APP_IPHONE_67');

  const before = h.emulator.requests.length;
  const again = await sync();
  expect(again.result.exitCode).toBe(0);
  expect(again.media.totals).toMatchObject({ uploaded: 0, replaced: 0, deleted: 0, kept: 6, reordered: 0 });
  expect(h.emulator.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
});

test('dry run: the plan per locale and display type, in the output and the summary, and no write', async () => {
  freshTree();
  const { result, media } = await sync({ 'dry-run': 'true' });
  expect(result.exitCode).toBe(0);
  expect(h.writes()).toEqual([]);
  expect(media).toMatchObject({ dryRun: true, totals: { uploaded: 6 } });
  expect(
    media.sets.map((s) => `${String(s.locale)} ${String(s.displayType)} ${(s.uploaded as string[]).join(',')}`),
  ).toEqual([
    'de-DE APP_IPHONE_67 01_home.png,02_home.png',
    'en-US APP_IPAD_PRO_3GEN_129 10_ipad.jpg',
    'en-US APP_IPHONE_67 01_home.png,02_home.png,03_home.png',
  ]);
  expect(result.summary).toContain('Screenshots and previews: plan (dry run)');
});

test('one image changed: one replacement, in its place; reorder only: one PATCH of the order', async () => {
  freshTree();
  await sync();
  put('en-US/02_home.png', png(...IPHONE_67, 'en-2-new'));
  let before = h.emulator.requests.length;
  const changed = await sync();
  expect(changed.media.totals).toMatchObject({ uploaded: 0, replaced: 1, deleted: 0, kept: 5 });
  const writes = h.emulator
    .transcript()
    .slice(before)
    .filter((l) => !l.startsWith('GET '))
    .filter(isMedia)
    .map(withoutIds);
  expect(writes.filter((w) => !w.startsWith('PUT '))).toEqual([
    'DELETE /v1/appScreenshots/:id',
    'POST /v1/appScreenshots',
    'PATCH /v1/appScreenshots/:id',
    'PATCH /v1/appScreenshotSets/:id/relationships/appScreenshots',
  ]);
  expect(names(setsOf(h.emulator, 'en-US')).APP_IPHONE_67).toEqual(['01_home.png', '02_home.png', '03_home.png']);

  renameSync(join(root, 'en-US/01_home.png'), join(root, 'en-US/04_home.png'));
  before = h.emulator.requests.length;
  const reordered = await sync();
  expect(reordered.media.totals).toMatchObject({ uploaded: 0, replaced: 0, deleted: 0, reordered: 1 });
  expect(
    h.emulator
      .transcript()
      .slice(before)
      .filter((l) => !l.startsWith('GET '))
      .map(withoutIds),
  ).toEqual(['PATCH /v1/appScreenshotSets/:id/relationships/appScreenshots']);
  expect(names(setsOf(h.emulator, 'en-US')).APP_IPHONE_67).toEqual(['02_home.png', '03_home.png', '01_home.png']);
});

test('mirror deletes extras and display types the repo does not have; add keeps them', async () => {
  freshTree();
  await sync();
  rmSync(join(root, 'en-US/10_ipad.jpg'));
  rmSync(join(root, 'en-US/03_home.png'));
  const added = await sync({ 'sync-mode': 'add' });
  expect(added.media.totals).toMatchObject({ uploaded: 0, deleted: 0 });
  expect(names(setsOf(h.emulator, 'en-US'))).toEqual({
    APP_IPHONE_67: ['01_home.png', '02_home.png', '03_home.png'],
    APP_IPAD_PRO_3GEN_129: ['10_ipad.jpg'],
  });
  const mirrored = await sync({ 'sync-mode': 'mirror' });
  expect(mirrored.result.exitCode).toBe(0);
  expect(mirrored.media.totals).toMatchObject({ deleted: 2 });
  expect(names(setsOf(h.emulator, 'en-US'))).toEqual({ APP_IPHONE_67: ['01_home.png', '02_home.png'] });
  expect(names(setsOf(h.emulator, 'de-DE'))).toEqual({ APP_IPHONE_67: ['01_home.png', '02_home.png'] });
});

test('wrong dimensions: zero writes, one error naming the file and the sizes it would accept', async () => {
  put('en-US/01.png', png(1000, 2000, 'bad'));
  put('en-US/iMessage/01.png', png(1290, 2796, 'ok'));
  const { result } = await sync();
  expect(result.exitCode).toBe(1);
  expect(result.errors.join('\n')).toMatch(
    /en-US\/01\.png: 1000×2000 is not an App Store screenshot size; accepted sizes: 1290×2796, 1320×2868/,
  );
  expect(h.writes()).toEqual([]);
});

test('an 11th screenshot in a set: zero writes, the file named', async () => {
  for (let i = 1; i <= 11; i++) put(`en-US/${String(i).padStart(2, '0')}.png`, png(...IPHONE_67, `n${i}`));
  const { result } = await sync();
  expect(result.exitCode).toBe(1);
  expect(result.errors.join('\n')).toMatch(
    /en-US\/11\.png: en-US APP_IPHONE_67 has 11 screenshots; App Store Connect takes at most 10/,
  );
  expect(h.writes()).toEqual([]);
});

test('stuck processing: deleted after the timeout and uploaded once more; the set ends complete', async () => {
  put('en-US/01.png', png(...IPHONE_67, 'a'));
  put('en-US/02.png', png(...IPHONE_67, 'b'));
  mediaControl(h.emulator.state).outcomes.push({ fileName: '02.png', outcome: 'stuck' });
  const { result } = await sync({ 'processing-timeout': '1m' });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(
    /02\.png: still UPLOAD_COMPLETE after the processing timeout; deleting it and uploading once more/,
  );
  expect(setsOf(h.emulator, 'en-US').APP_IPHONE_67).toEqual([
    { fileName: '01.png', state: 'COMPLETE' },
    { fileName: '02.png', state: 'COMPLETE' },
  ]);
  expect(mediaWrites().filter((w) => w === 'POST /v1/appScreenshots')).toHaveLength(3);
});

test('FAILED twice: reported by file, the run fails, nothing broken is left in the set; a rerun converges', async () => {
  put('en-US/01.png', png(...IPHONE_67, 'a'));
  put('en-US/02.png', png(...IPHONE_67, 'b'));
  const control = mediaControl(h.emulator.state);
  control.outcomes.push({ fileName: '02.png', outcome: 'failed' }, { fileName: '02.png', outcome: 'failed' });
  const { result, media } = await sync();
  expect(result.exitCode).toBe(1);
  expect(result.errors.join('\n')).toMatch(/1 not synced: en-US APP_IPHONE_67 02\.png: processing FAILED twice/);
  expect(media.sets[0]).toMatchObject({ uploaded: ['01.png'], failed: ['02.png: processing FAILED twice'] });
  expect(names(setsOf(h.emulator, 'en-US'))).toEqual({ APP_IPHONE_67: ['01.png'] });
  const again = await sync();
  expect(again.result.exitCode).toBe(0);
  expect(names(setsOf(h.emulator, 'en-US'))).toEqual({ APP_IPHONE_67: ['01.png', '02.png'] });
});

test('previews: a 20 s MP4 in its preview-type folder is uploaded with its poster frame; a 40 s one is refused before any write', async () => {
  const previews = join(root, 'previews');
  writeMovie(join(previews, 'en-US/IPHONE_67/01.mp4'), 20, 886, 1920, 300, 'p1');
  const ok = await h.run({
    app: 'com.example.demo',
    'metadata-path': metadata(),
    'previews-path': previews,
    'preview-frame-time': '00:00:05:00',
  });
  expect(ok.errors).toEqual([]);
  expect(setsOf(h.emulator, 'en-US', 'appPreviewSets')).toEqual({
    IPHONE_67: [{ fileName: '01.mp4', state: 'COMPLETE' }],
  });
  const preview = h.emulator.state.all('appPreviews')[0]!;
  expect(preview.attributes).toMatchObject({ mimeType: 'video/mp4', previewFrameTimeCode: '00:00:05:00' });
  const writesBefore = h.writes().length;
  writeMovie(join(previews, 'en-US/IPHONE_67/02.mov'), 40, 886, 1920, 300, 'p2');
  const bad = await h.run({ app: 'com.example.demo', 'metadata-path': metadata(), 'previews-path': previews });
  expect(bad.exitCode).toBe(1);
  expect(bad.errors.join('\n')).toMatch(/IPHONE_67\/02\.mov: 40\.0 s; app previews must be 15 to 30 seconds long/);
  expect(h.writes()).toHaveLength(writesBefore);
});
