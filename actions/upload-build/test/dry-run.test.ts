/**
 * `dry-run: true` through the bundle: the file is read and checked and App Store Connect is
 * asked what it has, but nothing is written — no build upload, no reservation, no part PUT, no
 * deletion — and the outputs and the job summary say what a real run would do.
 */
import { createPrivateKey } from 'node:crypto';
import { buildUploadControl } from '@asc-actions/asc-emulator';
import { signToken } from '@asc-actions/core';
import { APP_ID, bundleWorld, type World } from './fixtures.js';

let h: World;
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

const harness = (): Promise<World> => bundleWorld();
const ipa: World['ipa'] = (name, spec) => h.ipa(name, spec);

/** Every request the emulator received that was not a GET (API writes and part PUTs alike). */
const writes = (): string[] =>
  h.emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
const partRequests = (): number => h.emulator.requests.filter((r) => r.path.startsWith('/__build-uploads/')).length;

interface Result {
  state: string;
  dryRun: boolean;
  plan: string;
  bytesSent: number;
  parts: number;
  buildUploadId: string | null;
}

test('a new build: reads and checks only, zero writes and no part PUT; outputs and summary say it would upload', async () => {
  h = await harness();
  const file = await ipa('Demo.ipa', { version: '1.5', buildNumber: '100', payloadBytes: 200 * 1024 });
  const result = await h.runBundle({ file, 'dry-run': 'true' });
  expect(result.errors).toEqual([]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(writes()).toEqual([]);
  expect(partRequests()).toBe(0);
  expect(buildUploadControl(h.emulator.state).puts).toEqual([]);
  expect(h.emulator.state.all('buildUploads')).toEqual([]);
  // What it read: the app, the uploads and the builds of this number — nothing else.
  expect(h.transcript().map((l) => l.replace(/\?.*$/, ''))).toEqual([
    'GET /v1/apps',
    `GET /v1/apps/${APP_ID}/buildUploads`,
    'GET /v1/builds',
  ]);
  expect(result.outputs).toMatchObject({
    state: 'would-upload',
    version: '1.5',
    'build-number': '100',
    'build-upload-id': '',
    'build-id': '',
    bytes: '0',
  });
  const json = JSON.parse(result.outputs.result!) as Result;
  expect(json).toMatchObject({ state: 'would-upload', dryRun: true, bytesSent: 0, parts: 0, buildUploadId: null });
  expect(json.plan).toMatch(
    /^Plan: upload Demo\.ipa \(\d+ bytes\) as Demo Notes \(com\.example\.demo\) 1\.5 \(100\) for IOS\.$/,
  );
  expect(result.summary).toContain('dry run: would upload');
  expect(result.summary).toContain(json.plan);
  expect(result.stdout).toContain(json.plan);

  // The same inputs without dry-run do what the plan said, and only that.
  const real = await h.runBundle({ file });
  expect(real.errors).toEqual([]);
  expect(real.outputs.state).toBe('processed');
  expect(h.emulator.state.all('buildUploads')).toHaveLength(1);
  expect(JSON.parse(real.outputs.result!)).toMatchObject({ plan: json.plan, dryRun: false });
});

test('a reservation an earlier run left waiting: the dry run says it would delete it, and deletes nothing', async () => {
  h = await harness();
  const file = await ipa('Demo.ipa');
  // An earlier run reserved 1.5 (100) and stopped before sending anything.
  const token = await signToken({
    key: createPrivateKey(h.key.privatePem),
    keyId: h.key.keyId,
    issuerId: h.key.issuerId,
    now: h.clock.now(),
  });
  const created = await fetch(`${h.emulator.baseUrl}/v1/buildUploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      data: {
        type: 'buildUploads',
        attributes: { cfBundleShortVersionString: '1.5', cfBundleVersion: '100', platform: 'IOS' },
        relationships: { app: { data: { type: 'apps', id: APP_ID } } },
      },
    }),
  });
  expect(created.status).toBe(201);
  const before = writes();
  const result = await h.runBundle({ file, 'dry-run': 'true' });
  expect(result.errors).toEqual([]);
  expect(result.outputs.state).toBe('would-upload');
  expect(writes()).toEqual(before);
  expect(partRequests()).toBe(0);
  const uploads = h.emulator.state.all('buildUploads');
  expect(uploads.map((u) => (u.attributes.state as { state: string }).state)).toEqual(['AWAITING_UPLOAD']);
  const plan = (JSON.parse(result.outputs.result!) as Result).plan;
  expect(plan).toContain('after deleting 1 reservation(s) left waiting by an earlier run');
  expect(result.summary).toContain('after deleting 1 reservation(s) left waiting by an earlier run');
});

test('a build App Store Connect already has: already-uploaded with its ids, zero writes', async () => {
  h = await harness();
  const file = await ipa('Demo.ipa', { version: '1.5', buildNumber: '100' });
  const first = await h.runBundle({ file });
  expect(first.outputs.state).toBe('processed');
  const before = writes();
  const result = await h.runBundle({ file, 'dry-run': 'true' });
  expect(result.errors).toEqual([]);
  expect(result.outputs).toMatchObject({
    state: 'already-uploaded',
    'build-id': first.outputs['build-id'],
    'build-upload-id': first.outputs['build-upload-id'],
    bytes: '0',
  });
  expect(writes()).toEqual(before);
  expect(result.summary).toContain('Plan: upload nothing — App Store Connect already has');
});

test('a dry run still refuses what a real run would refuse, before any write', async () => {
  h = await harness();
  const file = await ipa('Demo.ipa', { version: '1.5', buildNumber: '100' });
  const mismatch = await h.runBundle({ file, 'dry-run': 'true', version: '1.6' });
  expect(mismatch.exitCode).toBe(1);
  expect(mismatch.errors).toEqual([expect.stringMatching(/1\.6[\s\S]*1\.5|1\.5[\s\S]*1\.6/)]);
  expect(h.emulator.requests).toEqual([]); // the file disagrees with the inputs: not even a read
  const other = await ipa('Other.ipa', { bundleId: 'com.example.unknown' });
  const unknown = await h.runBundle({ file: other, 'dry-run': 'true' });
  expect(unknown.exitCode).toBe(1);
  expect(unknown.errors).toEqual([expect.stringContaining('com.example.unknown')]);
  expect(writes()).toEqual([]);
});
