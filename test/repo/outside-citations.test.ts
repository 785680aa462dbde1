/**
 * Comments and docs cite what a reader of the repository can open: a file in it (the facts about
 * Apple's behaviour are in docs/evidence/, each with its public source) or a public URL, never the
 * research notes, digests or corpus that live outside the checkout. Naming where the spec and the
 * corpus come from (their environment variables, ../shared) is allowed in the places that
 * explain how to get them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTSIDE =
  /release-apis\.md|api-fidelity\.md|LAYOUTS\.md|LAYOUTS §|ENDPOINTS\.md|DESIGN\.md|corpus\/|\.\.\/shared/;

/** Files whose job is to say where the spec and the corpus come from. */
const EXPLAINS_SHARED = new Set([
  'CONTRIBUTING.md',
  'test-support/README.md',
  'test-support/shared-paths.js',
  'test-support/shared-paths.d.ts',
  'actions/fetch-sales-report/test/corpus.test.ts',
  'actions/upload-metadata/test/corpus.test.ts',
  'test/repo/outside-citations.test.ts',
]);

test('no comment or doc cites a file outside the repository', () => {
  const tracked = execFileSync(
    'git',
    ['ls-files', '--', 'actions', 'packages', 'test-support', 'bench', 'scripts', 'docs', 'test', '*.md'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
    .split('\n')
    .filter((f) => /\.(ts|js|mjs|md|yml)$/.test(f) && !f.startsWith('dist/'));
  expect(tracked.length).toBeGreaterThan(100);
  const found: string[] = [];
  for (const file of tracked) {
    if (EXPLAINS_SHARED.has(file)) continue;
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // listed by git but deleted in the working tree
    }
    text.split('\n').forEach((line, i) => {
      if (OUTSIDE.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
});

test('the pattern catches the citations it is meant for, and not the evidence docs', () => {
  expect(OUTSIDE.test('(release-apis.md §1.3)')).toBe(true);
  expect(OUTSIDE.test('see corpus/reviews/')).toBe(true);
  expect(OUTSIDE.test('(LAYOUTS §11)')).toBe(true);
  expect(OUTSIDE.test('(docs/evidence/releases.md §1.3)')).toBe(false);
  expect(OUTSIDE.test('(docs/evidence/sales-reports.md §3)')).toBe(false);
});
