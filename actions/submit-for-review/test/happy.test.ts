import { world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

test('happy path: readiness, build attached, one submission with one item, WAITING_FOR_REVIEW; the rerun writes nothing', async () => {
  w = await world();
  const first = await w.run({ 'build-number': '100', version: '2.1' });
  expect(first.errors).toEqual([]);
  expect(first.exitCode).toBe(0);
  expect(w.writes()).toEqual([
    expect.stringMatching(/^PATCH \/v1\/appStoreVersions\/[\w-]+\/relationships\/build$/),
    'POST /v1/reviewSubmissions',
    'POST /v1/reviewSubmissionItems',
    expect.stringMatching(/^PATCH \/v1\/reviewSubmissions\/[\w-]+$/),
  ]);
  const requests = w.emulator.transcript().length;
  expect(first.outputs.state).toBe('WAITING_FOR_REVIEW');
  expect(JSON.parse(first.outputs.readiness!)).toMatchObject({ ready: true });
  expect(w.submissions()).toEqual([{ id: first.outputs['submission-id'], state: 'WAITING_FOR_REVIEW', items: 1 }]);
  expect(first.summary).toContain('App Review: Review Notes 2.1 (IOS)');
  expect(requests).toBeLessThanOrEqual(14);

  const rerun = await w.run({ 'build-number': '100', version: '2.1' });
  expect(rerun.exitCode).toBe(0);
  const again = w.emulator.transcript().slice(requests);
  expect(again.filter((l) => !l.startsWith('GET '))).toEqual([]);
  expect(again.length).toBeLessThanOrEqual(5);
  expect(rerun.outputs).toMatchObject({ state: 'WAITING_FOR_REVIEW', 'submission-id': first.outputs['submission-id'] });
});
