import { closeSync, createWriteStream, mkdirSync, openSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import yazl from 'yazl';
import { pipeline } from 'node:stream/promises';
import { tempDir } from '../../../test-support/action-harness.js';
import { appSeed, bundleWorld, type World } from './fixtures.js';
import { writeIpa } from './ipa.js';

let w: World;
beforeAll(async () => {
  w = await bundleWorld(appSeed({ builds: [] }));
});
afterAll(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

async function zipOf(name: string, entries: Record<string, Buffer>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [path, bytes] of Object.entries(entries)) zip.addBuffer(bytes, path);
  zip.end();
  mkdirSync(join(w.workspace, 'build'), { recursive: true });
  await pipeline(zip.outputStream, createWriteStream(join(w.workspace, 'build', name)));
  return `build/${name}`;
}

function raw(name: string, bytes: Buffer): string {
  mkdirSync(join(w.workspace, 'build'), { recursive: true });
  writeFileSync(join(w.workspace, 'build', name), bytes);
  return `build/${name}`;
}

const cases: Array<[string, () => Promise<Record<string, string>>, RegExp, { reachesApi?: boolean }?]> = [
  ['a missing file', async () => ({ file: 'build/Nope.ipa' }), /Input "file": build\/Nope.ipa does not exist/],
  [
    'a directory',
    async () => (mkdirSync(join(w.workspace, 'Folder.ipa'), { recursive: true }), { file: 'Folder.ipa' }),
    /Input "file": Folder.ipa is a folder; a regular file is expected/,
  ],
  [
    'a symlink to a file outside the workspace',
    async () => {
      const outside = tempDir('outside');
      await writeIpa(join(outside, 'Outside.ipa'));
      symlinkSync(join(outside, 'Outside.ipa'), join(w.workspace, 'Outside.ipa'));
      return { file: 'Outside.ipa' };
    },
    /Input "file": Outside.ipa lies outside the workspace/,
  ],
  [
    'a .zip',
    async () => ({ file: await zipOf('App.zip', { 'Payload/Demo.app/Info.plist': Buffer.from('x') }) }),
    /expected an \.ipa .* or a \.pkg/,
  ],
  [
    'an .ipa that is a zip without an app',
    async () => ({ file: await w.ipa('NoApp.ipa', { noPayload: true }) }),
    /NoApp.ipa is a zip archive without an app: expected Payload\/<Name>.app\//,
  ],
  [
    'an .ipa with two apps',
    async () => ({ file: await w.ipa('Two.ipa', { extraApps: ['Other'] }) }),
    /Two.ipa holds 2 apps in Payload\/ \(Demo.app, Other.app\)/,
  ],
  [
    'an .ipa whose app has no Info.plist',
    async () => ({ file: await w.ipa('NoPlist.ipa', { noPlist: true }) }),
    /NoPlist.ipa has no Info.plist in Payload\/Demo.app\//,
  ],
  [
    'a corrupt zip',
    async () => ({ file: raw('Corrupt.ipa', Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(4096)])) }),
    /Corrupt.ipa is not a readable zip archive/,
  ],
  [
    'an unreadable Info.plist',
    async () => ({
      file: await zipOf('BadPlist.ipa', { 'Payload/Demo.app/Info.plist': Buffer.from('<plist><dict><key>x</key>') }),
    }),
    /BadPlist.ipa has an unreadable Payload\/Demo.app\/Info.plist/,
  ],
  [
    'a plist without CFBundleShortVersionString',
    async () => ({ file: await w.ipa('NoVersion.ipa', { version: null }) }),
    /Payload\/Demo.app\/Info.plist in build\/NoVersion.ipa has no CFBundleShortVersionString/,
  ],
  [
    'a plist without CFBundleIdentifier',
    async () => ({ file: await w.ipa('NoId.ipa', { bundleId: null }) }),
    /has no CFBundleIdentifier/,
  ],
  [
    'a version that disagrees with the file',
    async () => ({ file: await w.ipa('Demo.ipa'), version: '9.9' }),
    /Input "version" is 9.9, but Payload\/Demo.app\/Info.plist says CFBundleShortVersionString 1.5/,
  ],
  [
    'a bundle id that disagrees with the file',
    async () => ({ file: await w.ipa('Demo.ipa'), app: 'com.example.other' }),
    /Input "app" is com.example.other, but .* says CFBundleIdentifier com.example.demo/,
  ],
  [
    'a .pkg without version and build-number',
    async () => ({ file: raw('Mac.pkg', Buffer.from('xar!')), app: 'com.example.demo' }),
    /Input "version" is required for build\/Mac.pkg/,
  ],
  [
    'an .ipa for MAC_OS',
    async () => ({ file: await w.ipa('Demo.ipa'), platform: 'MAC_OS' }),
    /macOS builds are uploaded as \.pkg/,
  ],
  [
    'a bad wait',
    async () => ({ file: await w.ipa('Demo.ipa'), wait: 'forever' }),
    /Input "wait" must be one of processed \(default\), uploaded, none; got "forever"/,
  ],
  [
    "a file over Apple's size limit",
    async () => {
      const path = raw('Huge.ipa', Buffer.alloc(0));
      closeSync(openSync(join(w.workspace, path), 'r+'));
      truncateSync(join(w.workspace, path), 4 * 1024 ** 3 + 1);
      return { file: path };
    },
    /Huge.ipa": it has 4294967297 bytes, more than App Store Connect takes for IOS \(4294967296 bytes/,
  ],
  [
    'a bundle id no app on the key has',
    async () => ({ file: await w.ipa('Unknown.ipa', { bundleId: 'com.example.unknown' }) }),
    /Input "app": no app with bundle ID "com.example.unknown" \(CFBundleIdentifier of the file\) is visible to this key/,
    { reachesApi: true },
  ],
];

test.each(cases)('%s: one clear error, nothing uploaded', async (_name, inputs, message, options = {}) => {
  const before = w.emulator.requests.length;
  const result = await w.runBundle(await inputs());
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(message);
  const sent = w.emulator.requests.slice(before);
  expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
  if (!options.reachesApi) expect(sent).toEqual([]);
});
