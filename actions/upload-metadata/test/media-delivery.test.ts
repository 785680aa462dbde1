/**
 * Screenshots and previews as Apple processes them (issue 12), through the bundle on the real
 * clock: a preview is done when its upload is (assetDeliveryState) while the transcode goes on
 * (videoDeliveryState); the poster frame is set after processing and read back; a preview still
 * processing after the timeout is reported, never deleted and sent again; processing is polled
 * per set; reports say what happened, and a dry run says what would.
 */
import { join } from 'node:path';
import { demoSeed, mediaControl, type Emulator } from '@asc-actions/asc-emulator';
import type { RunResult } from '../../../test-support/runner.js';
import { harness, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';
import { png, writeMovie } from './media-files.js';

let h: Harness;
let emulator: Emulator;
beforeEach(async () => {
  h = await harness(demoSeed(), { realClock: true });
  emulator = h.emulator;
  const control = mediaControl(emulator.state);
  control.processingMs = 0; // the bundle polls on the real clock
  control.partSize = 4096;
});
afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  await h.close();
});

function workspace(files: Record<string, Buffer | string>): string {
  return tree({ 'fastlane/metadata/en-US/name.txt': 'Demo Notes', ...files });
}

function bundle(dir: string, extra: Record<string, string>): Promise<RunResult> {
  const inputs = { app: 'com.example.demo', 'metadata-path': 'fastlane/metadata', ...extra };
  return h.runBundle(inputs, { env: { GITHUB_WORKSPACE: dir } });
}

const lines = () => emulator.requests.map((r) => `${r.method} ${r.path}`);
const state = (r: { attributes: Record<string, unknown> }, name: string) =>
  (r.attributes[name] as { state?: string } | undefined)?.state;

test('a preview is done when its upload is (assetDeliveryState), while the transcode goes on; the poster frame is set after processing and read back', async () => {
  const dir = workspace({});
  writeMovie(join(dir, 'fastlane/previews/en-US/IPHONE_67/01.mp4'), 18, 886, 1920, 20_000, 'movie');
  const result = await bundle(dir, { 'previews-path': 'fastlane/previews', 'preview-frame-time': '00:00:05:00' });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  const [preview] = emulator.state.all('appPreviews');
  expect([state(preview!, 'assetDeliveryState'), state(preview!, 'videoDeliveryState')]).toEqual([
    'COMPLETE',
    'PROCESSING',
  ]);
  expect(preview!.attributes.previewFrameTimeCode).toBe('00:00:05:00');
  const writes = emulator.requests.filter((r) => r.path.startsWith('/v1/appPreviews'));
  const reserve = writes.find((r) => r.method === 'POST')!;
  expect(JSON.stringify(reserve.requestBody)).not.toContain('previewFrameTimeCode');
  const patches = writes
    .filter((r) => r.method === 'PATCH')
    .map((r) => Object.keys((r.requestBody as { data: { attributes: object } }).data.attributes).join(','));
  expect(patches).toEqual(['uploaded,sourceFileChecksum', 'previewFrameTimeCode']);
  // Read back: the set is read after the poster frame PATCH.
  const last = lines().lastIndexOf(`PATCH /v1/appPreviews/${preview!.id}`);
  expect(
    lines()
      .slice(last + 1)
      .some((l) => /^GET \/v1\/appPreviewSets\/[^/]+\/appPreviews$/.test(l)),
  ).toBe(true);
}, 120_000);

test('a preview still processing after processing-timeout is reported, not deleted and uploaded again', async () => {
  mediaControl(emulator.state).outcomes.push({ fileName: '01.mp4', outcome: 'stuck' });
  const dir = workspace({});
  writeMovie(join(dir, 'fastlane/previews/en-US/IPHONE_67/01.mp4'), 18, 886, 1920, 20_000, 'movie');
  const result = await bundle(dir, { 'previews-path': 'fastlane/previews', 'processing-timeout': '1s' });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(
    /01\.mp4: still UPLOAD_COMPLETE after the processing timeout; left on App Store Connect, not uploaded again/,
  );
  expect(lines().filter((l) => l === 'POST /v1/appPreviews')).toHaveLength(1);
  expect(lines().filter((l) => l.startsWith('DELETE '))).toEqual([]);
  expect(emulator.state.all('appPreviews')).toHaveLength(1);
}, 120_000);

test('30 screenshots: processing polled per set, never per asset; localization ids reused from the metadata read', async () => {
  const files: Record<string, Buffer> = {};
  for (const [w, h] of [
    [1290, 2796],
    [1242, 2688],
    [2064, 2752],
  ] as const) {
    for (let i = 0; i < 10; i++) files[`fastlane/screenshots/en-US/${w}x${h}_${i}.png`] = png(w, h, `${w}-${i}`);
  }
  const result = await bundle(workspace(files), { 'screenshots-path': 'fastlane/screenshots' });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(emulator.state.all('appScreenshots')).toHaveLength(30);
  expect(lines().filter((l) => /^GET \/v1\/appScreenshots\//.test(l))).toEqual([]);
  expect(lines().filter((l) => /^GET \/v1\/appStoreVersions\/[^/]+\/appStoreVersionLocalizations/.test(l))).toEqual([]);
  // One read of each of the 3 sets once its uploads are committed (processing takes no time here).
  expect(lines().filter((l) => /^GET \/v1\/appScreenshotSets\/[^/]+\/appScreenshots$/.test(l))).toHaveLength(3);
  // 30 × (reserve, one part, commit) + 3 sets made + the reads.
  const requests = emulator.requests.length;
  expect(requests).toBeLessThanOrEqual(90 + 3 + 3 + 1 + 6);
}, 120_000);

test('a real run refused by the checks is headed "not applied", with 0 changes applied and the planned count apart', async () => {
  const dir = workspace({
    'fastlane/metadata/en-US/subtitle.txt': 'A subtitle much longer than Apple allows',
    'fastlane/metadata/en-US/description.txt': 'New description.',
  });
  const result = await bundle(dir, {});
  expect(result.exitCode).toBe(1);
  expect(result.summary).toContain('not applied: 1 problem');
  expect(result.summary).not.toContain('dry run');
  expect(result.outputs.changes).toBe('0');
  expect(result.outputs['planned-changes']).toBe('2');
  expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
}, 120_000);

test('a dry run says "would upload", never "uploaded"', async () => {
  const dir = workspace({
    'fastlane/screenshots/en-US/01.png': png(1290, 2796, 'one'),
    'fastlane/screenshots/en-US/02.png': png(1290, 2796, 'two'),
  });
  const result = await bundle(dir, { 'screenshots-path': 'fastlane/screenshots', 'dry-run': 'true' });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain('en-US screenshot APP_IPHONE_67: would upload 2');
  expect(result.summary).toContain('Would upload');
  expect(`${result.stdout}\n${result.summary}`).not.toMatch(/\b[Uu]ploaded\b/);
  expect(result.outputs.changes).toBe(result.outputs['planned-changes']);
  expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
}, 120_000);
