import { buildUploadControl } from '@asc-actions/asc-emulator';
import { APP_ID, bundleWorld, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const partPuts = (w: World): string[] => w.writes().filter((l) => l.startsWith('PUT /__build-uploads/'));

test('the bundle uploads an .ipa: create → reserve → parts without Authorization → commit with MD5 → processed build; a rerun uploads nothing', async () => {
  w = await bundleWorld();
  const file = await w.ipa('Demo.ipa', { version: '1.5', buildNumber: '100', payloadBytes: 300 * 1024 });
  const result = await w.runBundle({ file });
  expect(result.errors).toEqual([]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  const build = w.emulator.state.all('builds').find((b) => b.attributes.version === '100')!;
  expect(result.outputs).toMatchObject({
    state: 'processed',
    version: '1.5',
    'build-number': '100',
    'build-id': build.id,
  });
  expect(Number(result.outputs.bytes)).toBeGreaterThan(300 * 1024);
  const upload = w.emulator.state.all('buildUploads')[0]!;
  expect(result.outputs['build-upload-id']).toBe(upload.id);
  const parts = partPuts(w);
  expect(parts.length).toBe(Math.ceil(Number(result.outputs.bytes) / (64 * 1024)));
  expect(w.writes().filter((l) => !l.startsWith('PUT /__build-uploads/'))).toEqual([
    'POST /v1/buildUploads',
    'POST /v1/buildUploadFiles',
    expect.stringMatching(/^PATCH \/v1\/buildUploadFiles\//),
  ]);
  const puts = buildUploadControl(w.emulator.state).puts;
  expect(puts.every((p) => p.status === 200 && !p.headers.includes('authorization'))).toBe(true);
  // Exactly Apple's header (Content-Type) besides what HTTP itself needs; none of the client's own.
  expect(
    puts.every(
      (p) =>
        p.headers.includes('content-type') &&
        p.headers.includes('content-length') &&
        !p.headers.includes('transfer-encoding'),
    ),
  ).toBe(true);
  expect(
    w.emulator.requests.filter((r) => r.path.startsWith('/__build-uploads/')).every((r) => !r.hadAuthorizationHeader),
  ).toBe(true);
  const result2 = JSON.parse(result.outputs.result!) as { md5: string };
  expect((upload.attributes.state as { state: string }).state).toBe('COMPLETE');
  expect(result2.md5).toMatch(/^[0-9a-f]{32}$/);
  expect(result.summary).toContain('Build upload: Demo Notes 1.5 (100) for IOS');

  const before = w.writes().length;
  const again = await w.runBundle({ file });
  expect(again.exitCode).toBe(0);
  expect(again.outputs).toMatchObject({ state: 'already-uploaded', 'build-id': build.id, bytes: '0' });
  expect(w.writes().length).toBe(before);
  expect(w.emulator.state.all('builds').filter((b) => b.attributes.version === '100')).toHaveLength(1);
  expect(w.emulator.state.all('buildUploads')).toHaveLength(1);
});

test('a binary Info.plist, wait: uploaded, and the app given by Apple ID', async () => {
  w = await bundleWorld();
  const file = await w.ipa('Bin.ipa', { binary: true, version: '2.0', buildNumber: '7' });
  const result = await w.runBundle({ file, app: APP_ID, wait: 'uploaded' });
  expect(result.errors).toEqual([]);
  expect(result.outputs).toMatchObject({ state: 'uploaded', version: '2.0', 'build-number': '7', 'build-id': '' });
});

test('processing failure: one annotation per Apple code with what to change; outputs and summary still written', async () => {
  w = await bundleWorld();
  buildUploadControl(w.emulator.state).plans.push({
    outcome: 'failed',
    errors: [
      {
        code: '90062',
        description:
          'The value for key CFBundleShortVersionString [1.5] must contain a higher version than that of the previously approved version [1.6].',
      },
      { code: '90683', description: 'Missing purpose string in Info.plist: NSCameraUsageDescription.' },
    ],
    warnings: [{ code: '90725', description: 'SDK version issue.' }],
  });
  const file = await w.ipa('Demo.ipa');
  const result = await w.runBundle({ file });
  expect(result.exitCode).toBe(1);
  const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning'));
  expect(annotations.some((l) => l.includes('(90062)') && l.includes('Raise CFBundleShortVersionString'))).toBe(true);
  expect(annotations.some((l) => l.includes('(90683)') && l.includes('purpose string'))).toBe(true);
  expect(annotations.some((l) => l.startsWith('::warning') && l.includes('(90725)'))).toBe(true);
  expect(result.errors.at(-1)).toContain('rejected 1.5 (100) while processing it (90062, 90683)');
  expect(result.outputs['build-upload-id']).toBe(w.emulator.state.all('buildUploads')[0]!.id);
  expect(result.summary).toContain('rejected');

  // The same number again: App Store Connect rejected it, so nothing is uploaded.
  const before = w.writes().length;
  const again = await w.runBundle({ file });
  expect(again.exitCode).toBe(1);
  expect(again.errors).toHaveLength(1);
  expect(again.errors[0]).toContain('already rejected 1.5 (100)');
  expect(w.writes().length).toBe(before);
});
