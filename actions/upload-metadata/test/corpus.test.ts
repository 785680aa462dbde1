/**
 * Real fastlane metadata trees written by other people ($ASC_CORPUS_DIR/fastlane-metadata, read
 * in place, never copied) are planned against an emulator app. Every oddity an independent scan
 * finds in them must come back as a finding naming the file. App Review contact details in them
 * are real: they are never printed, and this test never shows them either (it names files only).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appStoreFixture, makeApps } from '@asc-actions/asc-emulator';
import { harness, planOf } from './fixtures.js';

const CORPUS = process.env.ASC_CORPUS_DIR ? join(process.env.ASC_CORPUS_DIR, 'fastlane-metadata') : '';
const TREES =
  CORPUS && existsSync(CORPUS) ? readdirSync(CORPUS).filter((n) => statSync(join(CORPUS, n)).isDirectory()) : [];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Oddities of one file, found without the action's code: [code, path relative to the metadata root]. */
function oddities(root: string, path: string): Array<[string, string]> {
  const rel = relative(root, path);
  const raw = readFileSync(path, 'utf8');
  const out: Array<[string, string]> = [];
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (raw.startsWith('\uFEFF')) out.push(['bom', rel]);
  if (raw.includes('\r')) out.push(['crlf', rel]);
  if (text.trim() === '') return [...out, ['blank-file', rel]];
  if (
    text
      .trim()
      .split('\n')
      .some((l) => /[ \t]+$/.test(l))
  )
    out.push(['trailing-whitespace', rel]);
  if (text.trim() !== text.trim().normalize('NFC')) out.push(['non-nfc', rel]);
  if (rel.endsWith('category.txt') && text.trim().startsWith('MZGenre.')) out.push(['legacy-category', rel]);
  if (rel.endsWith('/keywords.txt')) {
    const value = text.trim();
    const terms = value
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
    if (Buffer.byteLength(value) > 100) out.push(['keywords-bytes', rel]);
    if (new Set(terms).size !== terms.length) out.push(['keywords-duplicate', rel]);
    if (/,\s|\s,/.test(value)) out.push(['keywords-space', rel]);
  }
  return out;
}

function metadataRoot(tree: string): string {
  const base = join(CORPUS, tree, 'fastlane', 'metadata');
  return existsSync(join(base, 'ios')) && !existsSync(join(base, 'en-US')) ? join(base, 'ios') : base;
}

test('the corpus is there (ASC_CORPUS_DIR → ../shared/corpus)', () => {
  expect(TREES.length).toBeGreaterThanOrEqual(3);
});

describe.each(TREES)('%s', (name) => {
  test('is planned without crashing; every oddity is a finding naming its file; contact details are never printed', async () => {
    const h = await harness({ apps: makeApps(1), appStore: [appStoreFixture('1700000001', { locales: 1 })] });
    try {
      const result = await h.run(
        { app: 'com.example.app0001', 'metadata-path': join(CORPUS, name, 'fastlane', 'metadata'), 'dry-run': 'true' },
        { env: { GITHUB_WORKSPACE: join(CORPUS, name) } },
      );
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(h.writes()).toEqual([]);
      expect(h.emulator.violations).toEqual([]);
      const root = metadataRoot(name);
      const plan = planOf(result);
      const found = new Set(
        plan.findings
          .filter((f) => f.file)
          .map((f) => `${f.code} ${relative(root, f.file!.startsWith('/') ? f.file! : join(CORPUS, name, f.file!))}`),
      );
      const files = walk(root).filter((p) => !p.includes('trade_representative_contact_information'));
      const expected = files.flatMap((p) => oddities(root, p)).map(([code, rel]) => `${code} ${rel}`);
      expect(expected.filter((e) => !found.has(e))).toEqual([]);
      if (existsSync(join(root, 'trade_representative_contact_information')))
        expect(found).toContain('unmanaged trade_representative_contact_information');
      // Every finding that names a file names one in the tree.
      expect(
        plan.findings
          .filter((f) => f.file && !existsSync(f.file.startsWith('/') ? f.file : join(CORPUS, name, f.file)))
          .map((f) => f.file),
      ).toEqual([]);
      // App Review contact values appear nowhere (unless the same text is public elsewhere in the tree, like a name in copyright.txt).
      const everywhere = [result.stdout, result.summary, JSON.stringify(result.outputs)].join('\n');
      const publicText = files
        .filter((p) => !p.includes('review_information'))
        .map((p) => readFileSync(p, 'utf8'))
        .join('\n');
      const leaked = walk(join(root, 'review_information'))
        .filter((p) => {
          const value = readFileSync(p, 'utf8').trim();
          return value.length >= 3 && !publicText.includes(value) && everywhere.includes(value);
        })
        .map((p) => relative(root, p));
      expect(leaked).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
