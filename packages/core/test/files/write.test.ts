import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSafeWriter, writeFileSafely, writeTarget } from '../../src/files/index.js';
import { InputError } from '../../src/errors.js';

let base: string;
let ws: string;
let temp: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'asc-write-'));
  ws = join(base, 'ws');
  temp = join(base, 'runner-temp');
  mkdirSync(ws);
  mkdirSync(temp);
  writeFileSync(join(base, 'victim.txt'), 'untouched');
  env = { GITHUB_WORKSPACE: ws, RUNNER_TEMP: temp };
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

test('writes inside the workspace (creating folders) and inside RUNNER_TEMP, leaving no temporary file', () => {
  const path = writeFileSafely('out/reviews.json', '[]\n', { input: 'export-path', env });
  expect(readFileSync(path, 'utf8')).toBe('[]\n');
  expect(readdirSync(join(ws, 'out'))).toEqual(['reviews.json']);
  writeFileSafely(join(temp, 'state.json'), '{}', { input: 'state', env });
  expect(readFileSync(join(temp, 'state.json'), 'utf8')).toBe('{}');
  writeFileSafely('out/reviews.json', '[1]\n', { input: 'export-path', env });
  expect(readFileSync(join(ws, 'out', 'reviews.json'), 'utf8')).toBe('[1]\n');
});

test('a committed symlink as the target, or a symlinked folder on the way, is refused and nothing outside is written', () => {
  symlinkSync(join(base, 'victim.txt'), join(ws, 'reviews.json'));
  expect(refusal(() => writeFileSafely('reviews.json', 'x', { input: 'export-path', env }))).toBe(
    'Input "export-path": reviews.json is a symlink; files are never written through a symlink. Remove it from the repository or pick another path.',
  );
  symlinkSync(base, join(ws, 'exports'));
  expect(refusal(() => writeTarget('exports/victim.txt', { input: 'export-path', env }))).toMatch(
    /exports\/victim\.txt lies outside the workspace and the runner's temporary folder \(exports resolves to .*, through a symlink\)/,
  );
  expect(refusal(() => writeTarget('exports/new/deeper.json', { input: 'export-path', env }))).toMatch(
    /outside the workspace/,
  );
  expect(refusal(() => writeTarget(join(base, 'victim.txt'), { input: 'output-path', env }))).toMatch(
    /lies outside the workspace/,
  );
  expect(readFileSync(join(base, 'victim.txt'), 'utf8')).toBe('untouched');
  expect(lstatSync(join(ws, 'reviews.json')).isSymbolicLink()).toBe(true);
});

test('a streamed write is invisible until commit; abort leaves the old file', () => {
  writeFileSync(join(ws, 'report.tsv'), 'old');
  const writer = openSafeWriter('report.tsv', { input: 'output-path', env });
  writer.write('new ');
  writer.write(Buffer.from('rows'));
  expect(readFileSync(join(ws, 'report.tsv'), 'utf8')).toBe('old');
  writer.abort();
  expect(readdirSync(ws)).toEqual(['report.tsv']);
  const again = openSafeWriter('report.tsv', { input: 'output-path', env });
  again.write('new rows');
  again.commit();
  expect(readFileSync(join(ws, 'report.tsv'), 'utf8')).toBe('new rows');
  expect(readdirSync(ws)).toEqual(['report.tsv']);
});

test('the target turned into a symlink before commit is refused at commit', () => {
  const writer = openSafeWriter('late.json', { input: 'export-path', env });
  writer.write('x');
  symlinkSync(join(base, 'victim.txt'), join(ws, 'late.json'));
  expect(() => writer.commit()).toThrow(/late\.json is a symlink/);
  expect(readFileSync(join(base, 'victim.txt'), 'utf8')).toBe('untouched');
  expect(readdirSync(ws)).toEqual(['late.json']);
});
