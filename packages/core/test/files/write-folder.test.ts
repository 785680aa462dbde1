/** writeTarget with `folder: true`: an output folder (files are written into it) by the same rule as a file. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTarget } from '../../src/files/index.js';

let base: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'asc-write-folder-'));
  mkdirSync(join(base, 'ws', 'reports'), { recursive: true });
  mkdirSync(join(base, 'runner-temp'));
  env = { GITHUB_WORKSPACE: join(base, 'ws'), RUNNER_TEMP: join(base, 'runner-temp') };
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const target = (given: string) => writeTarget(given, { input: 'output-path', env, folder: true });

test('an existing folder, a folder still to be made, and one in RUNNER_TEMP are accepted', () => {
  expect(target('reports')).toBe(join(base, 'ws', 'reports'));
  expect(target('new/deeper')).toBe(join(base, 'ws', 'new', 'deeper'));
  expect(target(join(base, 'runner-temp', 'out'))).toBe(join(base, 'runner-temp', 'out'));
});

test('a file where the folder should be, a symlinked folder and a folder outside are refused', () => {
  writeFileSync(join(base, 'ws', 'file'), 'x');
  symlinkSync(join(base, 'ws', 'reports'), join(base, 'ws', 'alias'));
  expect(() => target('file')).toThrow('Input "output-path": file exists and is not a folder; give a folder path.');
  expect(() => target('alias')).toThrow(
    'Input "output-path": alias is a symlink; files are never written through a symlink.',
  );
  expect(() => target('../elsewhere')).toThrow(/lies outside the workspace and the runner's temporary folder/);
});
