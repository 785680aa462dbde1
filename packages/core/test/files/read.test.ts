import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_SIZE_LIMITS } from '../../src/files/limits.js';
import { FileContentError } from '../../src/files/decode.js';
import { listRepoDir, readRepoBytes, readRepoText, repoDir, repoFile } from '../../src/files/read.js';
import { InputError } from '../../src/errors.js';

let base: string;
let ws: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'asc-files-'));
  ws = join(base, 'ws');
  mkdirSync(join(ws, 'en-US'), { recursive: true });
  writeFileSync(join(base, 'outside.txt'), 'SECRET-OUTSIDE');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const opts = (kind: 'text' | 'data' = 'text') => ({ input: 'metadata-path', kind, workspace: ws });
const refusal = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected a refusal');
};

test('reads a UTF-8 file inside the workspace, and a symlink that stays inside', () => {
  writeFileSync(join(ws, 'en-US', 'release_notes.txt'), 'Fixes.\n');
  mkdirSync(join(ws, 'de-DE'));
  symlinkSync('../en-US/release_notes.txt', join(ws, 'de-DE', 'release_notes.txt'));
  const read = readRepoText('de-DE/release_notes.txt', opts());
  expect(read.text).toBe('Fixes.\n');
  expect(read.shown).toBe('de-DE/release_notes.txt');
  expect(read.path.endsWith('/ws/en-US/release_notes.txt')).toBe(true);
});

test.each([
  ['/proc/self/environ', 'a symlink to the process environment'],
  ['../../outside.txt', 'a symlink to a file beside the workspace'],
  ['/dev/zero', 'a symlink to an endless device'],
])('refuses %s (%s) without reading it, naming input and path', (target) => {
  symlinkSync(target, join(ws, 'en-US', 'description.txt'));
  const error = refusal(() => readRepoText('en-US/description.txt', opts()));
  expect(error.message).toMatch(/^Input "metadata-path": en-US\/description\.txt lies outside the workspace/);
  expect(error.message).not.toContain('SECRET-OUTSIDE');
});

test('refuses an absolute path outside the workspace, a folder, a pipe and a missing file', () => {
  expect(refusal(() => readRepoText(join(base, 'outside.txt'), opts())).message).toMatch(/lies outside the workspace/);
  expect(refusal(() => readRepoText('en-US', opts())).message).toMatch(/en-US is a folder; a regular file is expected/);
  execFileSync('mkfifo', [join(ws, 'pipe')]);
  expect(refusal(() => readRepoText('pipe', opts())).message).toMatch(/not a regular file/);
  expect(refusal(() => readRepoText('nope.txt', opts())).message).toMatch(/nope\.txt does not exist/);
});

test('a file over its kind cap is refused before it is read; data files take 1 MB', () => {
  writeFileSync(join(ws, 'big.txt'), 'a'.repeat(FILE_SIZE_LIMITS.text + 1));
  expect(refusal(() => readRepoText('big.txt', opts())).message).toMatch(
    /big\.txt is 64 KB; at most 64 KB is read for a text file/,
  );
  expect(readRepoText('big.txt', opts('data')).text).toHaveLength(FILE_SIZE_LIMITS.text + 1);
  expect(refusal(() => readRepoBytes('big.txt', { ...opts('data'), maxBytes: 10 })).message).toMatch(/at most 0 KB/);
});

test('encodings: UTF-8 BOM dropped, UTF-16 decoded, invalid UTF-8 and controls refused with line and column, never quoted', () => {
  writeFileSync(join(ws, 'bom.txt'), Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('Hallo')]));
  expect(readRepoText('bom.txt', opts())).toMatchObject({ text: 'Hallo', bom: 'utf-8' });
  writeFileSync(join(ws, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße\n', 'utf16le')]));
  expect(readRepoText('le.txt', opts()).text).toBe('Grüße\n');
  const be = Buffer.from('日本', 'utf16le').swap16();
  writeFileSync(join(ws, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  expect(readRepoText('be.txt', opts()).text).toBe('日本');
  writeFileSync(join(ws, 'odd.txt'), Buffer.from([0xff, 0xfe, 0x41]));
  expect(refusal(() => readRepoText('odd.txt', opts())).message).toMatch(
    /UTF-16LE byte order mark but is not valid UTF-16LE; save it as UTF-8/,
  );

  writeFileSync(
    join(ws, 'latin1.txt'),
    Buffer.concat([Buffer.from('ok\nSECRET caf'), Buffer.from([0xe9]), Buffer.from(' x')]),
  );
  const bad = refusal(() => readRepoText('latin1.txt', opts()));
  expect(bad).toBeInstanceOf(FileContentError);
  expect(bad.message).toBe(
    'Input "metadata-path": latin1.txt line 2, column 11: is not valid UTF-8 (save the file as UTF-8).',
  );
  expect(bad).toMatchObject({ file: 'latin1.txt', line: 2, column: 11 });

  writeFileSync(join(ws, 'nul.txt'), 'SECRET=1\nab\u0000c');
  expect(refusal(() => readRepoText('nul.txt', opts())).message).toBe(
    'Input "metadata-path": nul.txt line 2, column 3: holds a NUL character; only text (with tabs and line breaks) is read.',
  );
  writeFileSync(join(ws, 'esc.txt'), 'é\u001b[31m');
  expect(refusal(() => readRepoText('esc.txt', opts())).message).toMatch(
    /line 1, column 2: holds control character U\+001B/,
  );
  writeFileSync(join(ws, 'ok.txt'), 'tab\there\r\nline two');
  expect(readRepoText('ok.txt', opts()).text).toBe('tab\there\r\nline two');
});

test('folders: listed sorted without hidden entries; a symlinked folder leaving the workspace is refused', () => {
  writeFileSync(join(ws, 'en-US', 'b.txt'), 'b');
  writeFileSync(join(ws, 'en-US', 'a.txt'), 'a');
  writeFileSync(join(ws, 'en-US', '.hidden'), 'h');
  mkdirSync(join(ws, 'en-US', 'sub'));
  expect(listRepoDir('en-US', opts()).map((e) => [e.name, e.isFile, e.isDirectory])).toEqual([
    ['a.txt', true, false],
    ['b.txt', true, false],
    ['sub', false, true],
  ]);
  symlinkSync(base, join(ws, 'fr-FR'));
  expect(refusal(() => repoDir('fr-FR', opts())).message).toMatch(
    /fr-FR lies outside the workspace \(it resolves to .*, through a symlink\)/,
  );
  expect(refusal(() => listRepoDir('.', opts())).message).toMatch(/fr-FR lies outside the workspace/);
  symlinkSync(join(ws, 'en-US'), join(ws, 'en-GB'));
  expect(repoFile('en-GB/a.txt', { ...opts(), kind: 'image' }).size).toBe(1);
});
