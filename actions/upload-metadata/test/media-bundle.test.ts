/** The bundle, run as the runner runs it, uploads screenshots and a preview, then a rerun writes nothing. */
import { join } from 'node:path';
import { demoSeed, mediaControl, type Emulator } from '@asc-actions/asc-emulator';
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

test('the bundle uploads screenshots and a preview in parts without Authorization; a rerun makes no write', async () => {
  const workspace = tree({
    'fastlane/metadata/en-US/name.txt': 'Demo Notes',
    'fastlane/screenshots/en-US/01.png': png(1290, 2796, 'one'),
    'fastlane/screenshots/en-US/02.png': png(1290, 2796, 'two'),
  });
  writeMovie(join(workspace, 'fastlane/previews/en-US/IPHONE_67/01.mp4'), 18, 886, 1920, 20_000, 'movie');
  const inputs = {
    app: 'com.example.demo',
    'metadata-path': 'fastlane/metadata',
    'screenshots-path': 'fastlane/screenshots',
    'previews-path': 'fastlane/previews',
  };
  const first = await h.runBundle(inputs, { env: { GITHUB_WORKSPACE: workspace } });
  expect(first.stderr).toBe('');
  expect(first.exitCode).toBe(0);
  expect(JSON.parse(first.outputs.media ?? '{}').totals).toMatchObject({ uploaded: 3, kept: 0 });
  expect(emulator.state.all('appScreenshots').map((a) => a.attributes.fileName)).toEqual(['01.png', '02.png']);
  // Done when the upload is (assetDeliveryState); Apple goes on transcoding (videoDeliveryState).
  expect(
    emulator.state
      .all('appPreviews')
      .map((a) => [
        (a.attributes.assetDeliveryState as { state: string }).state,
        (a.attributes.videoDeliveryState as { state: string }).state,
      ]),
  ).toEqual([['COMPLETE', 'PROCESSING']]);
  const uploads = emulator.requests.filter((r) => r.path.startsWith('/__asset-uploads/'));
  expect(uploads.length).toBeGreaterThanOrEqual(2 + 5);
  expect(uploads.every((r) => !r.hadAuthorizationHeader && r.status === 200)).toBe(true);

  const before = emulator.requests.length;
  const again = await h.runBundle(inputs, { env: { GITHUB_WORKSPACE: workspace } });
  expect(again.exitCode).toBe(0);
  expect(JSON.parse(again.outputs.media ?? '{}').totals).toMatchObject({ uploaded: 0, kept: 3 });
  expect(emulator.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
}, 120_000);
