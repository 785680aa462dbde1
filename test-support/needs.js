// Which test files need material that is not in the repository: Apple's OpenAPI spec
// (ASC_OPENAPI_SPEC, `npm run fetch-spec`) or the third-party corpus (ASC_CORPUS_DIR). A file
// needs what it names: the text `ASC_OPENAPI_SPEC` / `SPEC_PATH`, or `ASC_CORPUS_DIR`. Without the
// material those files are not collected, and the run ends with one line saying which and how to
// get them. `.ci/run` requires both.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const TEST_FOLDERS = ['packages', 'actions', 'test'];

function testFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.test.ts')) out.push(path);
    }
  };
  for (const folder of TEST_FOLDERS) if (existsSync(join(root, folder))) walk(join(root, folder));
  return out;
}

export const MATERIAL = {
  spec: {
    present: (env) => Boolean(env.ASC_OPENAPI_SPEC && existsSync(env.ASC_OPENAPI_SPEC)),
    named: /\bASC_OPENAPI_SPEC\b|\bSPEC_PATH\b/,
    how: "Apple's OpenAPI spec: `npm run fetch-spec`, then export the ASC_OPENAPI_SPEC line it prints",
  },
  corpus: {
    present: (env) => Boolean(env.ASC_CORPUS_DIR && existsSync(env.ASC_CORPUS_DIR)),
    named: /\bASC_CORPUS_DIR\b/,
    how: 'the corpus of real fastlane trees, reports and review pages: point ASC_CORPUS_DIR at it (see CONTRIBUTING.md)',
  },
};

/** The test files to leave out, each with the material it lacks, relative to `root`. */
export function notCollected(root, env = process.env) {
  const missing = Object.entries(MATERIAL).filter(([, m]) => !m.present(env));
  if (missing.length === 0) return [];
  const out = [];
  for (const file of testFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const lacks = missing.filter(([, m]) => m.named.test(text)).map(([name]) => name);
    if (lacks.length > 0) out.push({ file: relative(root, file), lacks });
  }
  return out;
}

/** The line printed at the end of a run that left suites out. */
export function notCollectedLine(left) {
  if (left.length === 0) return '';
  const lacking = [...new Set(left.flatMap((l) => l.lacks))];
  const how = lacking.map((name) => MATERIAL[name].how).join('; ');
  return `Not collected (${lacking.join(' and ')} missing): ${left.map((l) => l.file).join(', ')}. To run them, get ${how}.`;
}
