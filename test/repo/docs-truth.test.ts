/**
 * Docs that cannot lie (first-contact point 7): the root README's actions table is generated from
 * the actions that exist; every action, input and output a document names exists; one owner
 * placeholder; third-party actions pinned the same way everywhere; `${{ }}` never inside `run:`;
 * the CHANGELOG names every action and its newest section is package.json's version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionNames, actionsTable, START } from '../../scripts/lib/readme-actions-table.js';
import { REPO_ROOT } from '../../test-support/runner.js';

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');
const actions = actionNames(REPO_ROOT);
const OWNER = 'example-org';

/** Markdown and workflow files a user reads or copies from. */
function documents(): Array<{ path: string; text: string }> {
  const md = [
    'README.md',
    'CHANGELOG.md',
    'CONTRIBUTING.md',
    ...readdirSync(join(REPO_ROOT, 'docs'))
      .filter((n) => n.endsWith('.md'))
      .map((n) => `docs/${n}`),
  ];
  md.push(...actions.map((a) => `actions/${a}/README.md`), 'packages/asc-emulator/README.md');
  const yml = ['docs/examples', '.github/workflows'].flatMap((dir) =>
    readdirSync(join(REPO_ROOT, dir))
      .filter((n) => /\.ya?ml$/.test(n))
      .map((n) => `${dir}/${n}`),
  );
  return [...md, ...yml].filter((p) => existsSync(join(REPO_ROOT, p))).map((path) => ({ path, text: read(path) }));
}

/** Workflow YAML: whole example/workflow files and the yaml blocks of markdown files. */
function workflows(): Array<{ where: string; doc: unknown }> {
  const out: Array<{ where: string; doc: unknown }> = [];
  for (const { path, text } of documents()) {
    if (/\.ya?ml$/.test(path)) out.push({ where: path, doc: parse(text) });
    else
      [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].forEach((m, i) =>
        out.push({ where: `${path} (yaml block ${i + 1})`, doc: parse(m[1]!) }),
      );
  }
  return out;
}

function steps(node: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(node)) return node.flatMap(steps);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.uses === 'string' || typeof record.run === 'string' ? [record] : [];
  return [...own, ...Object.values(record).flatMap(steps)];
}

test('the root README actions table is the generated one: every action has its row (run `npm run docs`)', () => {
  const readme = read('README.md');
  expect(readme).toContain(START);
  expect(readme).toContain(actionsTable(REPO_ROOT));
  for (const name of actions) expect(actionsTable(REPO_ROOT)).toContain(`[\`${name}\`](actions/${name}/README.md)`);
});

test('every action a document names exists', () => {
  const problems: string[] = [];
  for (const { path, text } of documents()) {
    for (const m of text.matchAll(/(?:\(|\.\/|\/|\bactions\/(?=[a-z0-9-]+\/README))actions\/([a-z0-9][a-z0-9-]*)/g)) {
      if (!actions.includes(m[1]!)) problems.push(`${path}: actions/${m[1]} does not exist`);
    }
  }
  expect(problems).toEqual([]);
});

test(`one owner placeholder everywhere: ${OWNER}`, () => {
  const problems: string[] = [];
  for (const { path, text } of documents()) {
    for (const m of text.matchAll(/([A-Za-z0-9<>_.-]+)\/asc-actions\/actions\//g))
      if (m[1] !== OWNER) problems.push(`${path}: ${m[1]}/asc-actions`);
  }
  expect(problems).toEqual([]);
});

test('third-party actions are pinned to one full commit SHA, the same in every snippet and workflow', () => {
  const refs = new Map<string, Set<string>>();
  for (const { where, doc } of workflows()) {
    for (const step of steps(doc)) {
      const uses = step.uses;
      if (
        typeof uses !== 'string' ||
        uses.startsWith('./') ||
        uses.startsWith(`${OWNER}/asc-actions/`) ||
        uses.startsWith('docker://')
      )
        continue;
      const [name, ref = ''] = uses.split('@');
      if (!refs.has(name!)) refs.set(name!, new Set());
      refs.get(name!)!.add(`${ref}${/^[0-9a-f]{40}$/.test(ref) ? '' : ` (not a SHA, in ${where})`}`);
    }
  }
  const problems = [...refs]
    .filter(([, set]) => set.size !== 1 || [...set].some((r) => r.includes('not a SHA')))
    .map(([name, set]) => `${name}: ${[...set].join(', ')}`);
  expect(refs.size).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('no `${{ }}` inside run: (values reach the shell through env:)', () => {
  const problems: string[] = [];
  for (const { where, doc } of workflows())
    for (const step of steps(doc))
      if (typeof step.run === 'string' && step.run.includes('${{'))
        problems.push(`${where}: ${step.run.split('\n')[0]}`);
  expect(problems).toEqual([]);
});

test("the CHANGELOG names every action, and its newest version section is package.json's version", () => {
  const changelog = read('CHANGELOG.md');
  expect(actions.filter((a) => !changelog.includes(`\`${a}\``))).toEqual([]);
  const version = (JSON.parse(read('package.json')) as { version: string }).version;
  const newest = /^## \[(\d+\.\d+\.\d+)\]/m.exec(changelog)?.[1];
  expect(newest).toBe(version);
});
