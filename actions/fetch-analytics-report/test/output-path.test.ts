/**
 * output-path by core's rule for every file an action writes (writeTarget): inside the workspace
 * or RUNNER_TEMP, never through a symlink. A refusal is one error naming the input, before any
 * request, and nothing is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualClock } from '@asc-actions/core';
import { actionHarness, tempDir, type ActionHarness } from '../../../test-support/action-harness.js';
import { run, type RunDeps } from '../src/main.js';
import { APP_ID, NOW, withRequest } from './fixtures.js';

let h: ActionHarness<RunDeps>;
let runnerTemp: string;
beforeAll(async () => {
  h = await actionHarness<RunDeps>({
    run,
    seed: withRequest(),
    clock: new VirtualClock(NOW),
    inputs: { app: APP_ID, cache: 'false', report: 'App Downloads Standard' },
  });
  runnerTemp = tempDir('runner-temp');
});
afterAll(() => h.close());
beforeEach(() => (h.emulator.requests.length = 0));
afterEach(() => expect(h.emulator.violations).toEqual([]));

test('a file in RUNNER_TEMP is written there', async () => {
  const target = join(runnerTemp, 'reports', 'downloads.csv');
  const r = await h.run({ 'output-path': target }, { env: { RUNNER_TEMP: runnerTemp } });
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('available');
  expect(r.outputs['report-path']).toBe(target);
  expect(readFileSync(target, 'utf8').split('\r\n')[0]).toMatch(/^Date,App Name,App Apple Identifier,/);
  expect(readdirSync(h.workspace)).toEqual([]);
});

test('a folder in RUNNER_TEMP gets one file per report', async () => {
  const folder = join(runnerTemp, 'all');
  const r = await h.run(
    { 'output-path': folder, report: 'App Downloads Standard, App Store Discovery and Engagement Standard' },
    { env: { RUNNER_TEMP: runnerTemp } },
  );
  expect(r.errors).toEqual([]);
  expect(readdirSync(folder).sort()).toEqual([
    'app-downloads-standard.csv',
    'app-store-discovery-and-engagement-standard.csv',
  ]);
});

const refused: Array<[string, () => string, RegExp]> = [
  [
    'RUNNER_TEMP when the runner did not set it',
    () => join(runnerTemp, 'unset.csv'),
    /Input "output-path": .*unset\.csv lies outside the workspace and the runner's temporary folder/,
  ],
  [
    'a folder behind a symlink that leads out of the workspace',
    () => {
      const outside = tempDir('outside');
      symlinkSync(outside, join(h.workspace, 'linked'));
      return 'linked/downloads.csv';
    },
    /Input "output-path": linked\/downloads\.csv lies outside the workspace and the runner's temporary folder \(linked resolves to .*, through a symlink\)/,
  ],
  [
    'an output folder that is itself a symlink',
    () => {
      mkdirSync(join(h.workspace, 'real'));
      symlinkSync(join(h.workspace, 'real'), join(h.workspace, 'alias'));
      return 'alias';
    },
    /Input "output-path": alias is a symlink; files are never written through a symlink/,
  ],
];

test.each(refused)('refused before any request: %s', async (_name, path, message) => {
  const before = readdirSync(h.workspace).sort();
  const r = await h.run({ 'output-path': path() }, { env: { RUNNER_TEMP: undefined } });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([expect.stringMatching(message)]);
  expect(h.emulator.requests).toEqual([]);
  const after = readdirSync(h.workspace).filter((f) => !before.includes(f) && !['linked', 'real', 'alias'].includes(f));
  expect(after).toEqual([]);
  expect(existsSync(join(runnerTemp, 'unset.csv'))).toBe(false);
});
