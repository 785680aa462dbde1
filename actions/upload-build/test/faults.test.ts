/**
 * Faults through the bundle (every kind: 5xx, dropped connections before and after the write, on
 * parts, the commit and the creates), and the behaviours that wait — a transfer that keeps
 * failing, processing that never ends — in this process on the virtual clock, where the retries'
 * backoff and the processing timeout take no real time.
 */
import { buildUploadControl } from '@asc-actions/asc-emulator';
import { bundleWorld, world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const count = (lines: string[], prefix: string): number => lines.filter((l) => l.startsWith(prefix)).length;
const builds = (w: World): number => w.emulator.state.all('builds').length;
const uploads = (w: World, state?: string): number =>
  w.emulator.state
    .all('buildUploads')
    .filter((u) => !state || (u.attributes.state as { state: string }).state === state).length;

test('part PUT failures (503s, a dropped connection) are retried part by part; one upload, one build', async () => {
  w = await bundleWorld();
  const file = await w.ipa('Demo.ipa', { payloadBytes: 256 * 1024 });
  w.emulator.faults.add({
    kind: 'status',
    status: 503,
    method: 'PUT',
    path: /^\/__build-uploads\/[^/]+\/2$/,
    times: 2,
  });
  w.emulator.faults.add({ kind: 'drop-before', method: 'PUT', path: /^\/__build-uploads\/[^/]+\/3$/ });
  w.emulator.faults.add({ kind: 'drop-after', method: 'PUT', path: /^\/__build-uploads\/[^/]+\/4$/ });
  const result = await w.runBundle({ file });
  expect(result.errors).toEqual([]);
  expect(result.outputs.state).toBe('processed');
  const sent = (part: number): number[] =>
    w.emulator.requests
      .filter((r) => r.path.startsWith('/__build-uploads/') && r.path.endsWith(`/${part}`))
      .map((r) => r.status);
  expect(sent(2)).toEqual([503, 503, 200]);
  expect(sent(3)).toEqual([0, 200]);
  expect(sent(4)).toEqual([200, 200]);
  expect(buildUploadControl(w.emulator.state).puts.every((p) => p.status === 200)).toBe(true);
  expect([builds(w), uploads(w)]).toEqual([1, 1]);
});

test('a 5xx on the commit: read the upload (still waiting), commit once more; one upload', async () => {
  w = await bundleWorld();
  const file = await w.ipa('Demo.ipa');
  w.emulator.faults.add({ kind: 'status', status: 500, method: 'PATCH', path: /^\/v1\/buildUploadFiles\// });
  const result = await w.runBundle({ file });
  expect(result.errors).toEqual([]);
  expect(result.outputs.state).toBe('processed');
  const lines = w.emulator.transcript();
  const commits = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('PATCH /v1/buildUploadFiles/'));
  expect(commits).toHaveLength(2);
  expect(lines.slice(commits[0]![1], commits[1]![1]).some((l) => l.startsWith('GET /v1/buildUploads/'))).toBe(true);
  expect([builds(w), uploads(w)]).toEqual([1, 1]);
});

test('a commit applied whose answer is lost is never replayed: one read, one PATCH, one build', async () => {
  w = await bundleWorld();
  const file = await w.ipa('Demo.ipa');
  w.emulator.faults.add({ kind: 'drop-after', method: 'PATCH', path: /^\/v1\/buildUploadFiles\// });
  const result = await w.runBundle({ file });
  expect(result.errors).toEqual([]);
  expect(result.outputs.state).toBe('processed');
  expect(count(w.emulator.transcript(), 'PATCH /v1/buildUploadFiles/')).toBe(1);
  expect([builds(w), uploads(w)]).toEqual([1, 1]);
});

test('a create whose answer is lost is adopted, not repeated; a reservation whose answer is lost likewise', async () => {
  w = await bundleWorld();
  const file = await w.ipa('Demo.ipa');
  w.emulator.faults.add({ kind: 'drop-after', method: 'POST', path: '/v1/buildUploads' });
  w.emulator.faults.add({ kind: 'drop-after', method: 'POST', path: '/v1/buildUploadFiles' });
  const result = await w.runBundle({ file });
  expect(result.errors).toEqual([]);
  expect(result.outputs.state).toBe('processed');
  expect(count(w.emulator.transcript(), 'POST /v1/buildUploads')).toBe(1);
  expect(count(w.emulator.transcript(), 'POST /v1/buildUploadFiles')).toBe(1);
  expect([builds(w), uploads(w)]).toEqual([1, 1]);
});

test('a transfer that keeps failing deletes its reservation; the rerun uploads once', async () => {
  w = await world();
  const file = await w.ipa('Demo.ipa');
  w.emulator.faults.add({
    kind: 'status',
    status: 503,
    method: 'PUT',
    path: /^\/__build-uploads\/[^/]+\/1$/,
    times: 10,
  });
  const failed = await w.run({ file });
  expect(failed.exitCode).toBe(1);
  expect(failed.errors).toHaveLength(1);
  expect(count(w.emulator.transcript(), 'DELETE /v1/buildUploads/')).toBe(1);
  expect(uploads(w)).toBe(0);
  w.emulator.faults.clear();
  const again = await w.run({ file });
  expect(again.outputs.state).toBe('processed');
  expect([builds(w), uploads(w)]).toEqual([1, 1]);
});

test('processing that never ends: bounded by processing-timeout, state processing; the rerun uploads nothing and waits again', async () => {
  w = await world();
  buildUploadControl(w.emulator.state).plans.push({ outcome: 'stuck' });
  const file = await w.ipa('Demo.ipa');
  const result = await w.run({ file, 'processing-timeout': '3s' });
  expect(result.exitCode).toBe(1);
  expect(result.outputs).toMatchObject({ state: 'processing', 'build-id': '' });
  expect(result.errors[0]).toContain('still PROCESSING after the processing timeout');
  const writes = w.writes().length;
  const again = await w.run({ file, 'processing-timeout': '2s' });
  expect(again.outputs.state).toBe('processing');
  expect(w.writes().length).toBe(writes);
  expect(uploads(w)).toBe(1);
});

test('a reservation an earlier run left waiting is deleted before uploading', async () => {
  w = await world();
  const file = await w.ipa('Demo.ipa');
  w.emulator.faults.add({ kind: 'drop-before', method: 'DELETE', path: /^\/v1\/buildUploads\//, times: 5 });
  w.emulator.faults.add({
    kind: 'status',
    status: 503,
    method: 'PUT',
    path: /^\/__build-uploads\/[^/]+\/1$/,
    times: 10,
  });
  const first = await w.run({ file });
  expect(first.exitCode).toBe(1);
  expect(uploads(w, 'AWAITING_UPLOAD')).toBe(1);
  w.emulator.faults.clear();
  const again = await w.run({ file });
  expect(again.outputs.state).toBe('processed');
  expect(again.stdout).toContain('left waiting');
  expect([builds(w), uploads(w)]).toEqual([1, 1]);
});
