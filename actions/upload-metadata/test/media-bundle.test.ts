/** The bundle, run as the runner runs it, uploads screenshots and a preview, then a rerun writes nothing. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoSeed, mediaControl, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';
import { tree } from './support.js';
import { png, writeMovie } from './media-files.js';

let emulator: Emulator;
let key: TestKey;
beforeEach(async () => {
  key = generateTestKey();
  emulator = await startEmulator({ seed: demoSeed() });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const control = mediaControl(emulator.state);
  control.processingMs = 0; // the bundle polls on the real clock
  control.partSize = 4096;
});
afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  await emulator.close();
});

test('the bundle uploads screenshots and a preview in parts without Authorization; a rerun makes no write', async () => {
  const workspace = tree({ 'fastlane/metadata/en-US/name.txt': 'Demo Notes' });
  const put = (path: string, bytes: Buffer) => {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), bytes);
  };
  put('fastlane/screenshots/en-US/01.png', png(1290, 2796, 'one'));
  put('fastlane/screenshots/en-US/02.png', png(1290, 2796, 'two'));
  writeMovie(join(workspace, 'fastlane/previews/en-US/IPHONE_67/01.mp4'), 18, 886, 1920, 20_000, 'movie');
  const inputs = {
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emulator.baseUrl,
    app: 'com.example.demo',
    'metadata-path': 'fastlane/metadata',
    'screenshots-path': 'fastlane/screenshots',
    'previews-path': 'fastlane/previews',
  };
  const secrets = keyEncodings(key.privatePem);
  const first = await runBundle('upload-metadata', { inputs, env: { GITHUB_WORKSPACE: workspace }, secrets });
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
  const again = await runBundle('upload-metadata', { inputs, env: { GITHUB_WORKSPACE: workspace }, secrets });
  expect(again.exitCode).toBe(0);
  expect(JSON.parse(again.outputs.media ?? '{}').totals).toMatchObject({ uploaded: 0, kept: 3 });
  expect(emulator.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
}, 120_000);
