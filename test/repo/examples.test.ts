import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../test-support/runner.js';

/**
 * Every input and output that the examples and docs use must exist in the action's action.yml:
 * a user copies these first, so a renamed input must fail here, not in their workflow.
 */
interface ActionSpec {
  inputs: Set<string>;
  outputs: Set<string>;
}
const actions = new Map<string, ActionSpec>();
for (const name of readdirSync(join(REPO_ROOT, 'actions'))) {
  const file = join(REPO_ROOT, 'actions', name, 'action.yml');
  if (!existsSync(file)) continue;
  const yml = parse(readFileSync(file, 'utf8')) as { inputs?: object; outputs?: object };
  actions.set(name, {
    inputs: new Set(Object.keys(yml.inputs ?? {})),
    outputs: new Set(Object.keys(yml.outputs ?? {})),
  });
}

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** Workflow YAML documents: the example files, the repo's workflows, and yaml blocks in markdown. */
function documents(): Array<{ where: string; text: string }> {
  const docs: Array<{ where: string; text: string }> = [];
  for (const dir of ['docs/examples', '.github/workflows']) {
    for (const f of readdirSync(join(REPO_ROOT, dir)).filter((n) => /\.ya?ml$/.test(n)))
      docs.push({ where: `${dir}/${f}`, text: readFileSync(join(REPO_ROOT, dir, f), 'utf8') });
  }
  const markdown = [
    'README.md',
    ...readdirSync(join(REPO_ROOT, 'docs'))
      .filter((n) => n.endsWith('.md'))
      .map((n) => `docs/${n}`),
    ...[...actions.keys()].map((n) => `actions/${n}/README.md`),
  ];
  for (const md of markdown.filter((m) => existsSync(join(REPO_ROOT, m)))) {
    const text = readFileSync(join(REPO_ROOT, md), 'utf8');
    [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].forEach((m, i) =>
      docs.push({ where: `${md} (yaml block ${i + 1})`, text: m[1]! }),
    );
  }
  return docs;
}

function steps(node: unknown): Step[] {
  if (Array.isArray(node)) return node.flatMap(steps);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.uses === 'string' ? [record as Step] : [];
  return [...own, ...Object.values(record).flatMap(steps)];
}

const actionOf = (uses: string): string | undefined =>
  /(?:^\.\/actions\/|\/actions\/)([a-z0-9-]+)(?:@|$)/.exec(uses)?.[1];

const docs = documents();
const checked: string[] = [];

test.each(docs.map((d) => [d.where, d.text]))('%s uses only inputs and outputs the actions declare', (where, text) => {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const step of steps(parse(text))) {
    const name = actionOf(step.uses!);
    if (!name) continue;
    const spec = actions.get(name);
    if (!spec) {
      problems.push(`unknown action ${name}`);
      continue;
    }
    checked.push(`${where}: ${name}`);
    for (const input of Object.keys(step.with ?? {}))
      if (!spec.inputs.has(input)) problems.push(`${name} has no input "${input}"`);
    if (step.id) ids.set(step.id, name);
  }
  for (const m of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
    const name = ids.get(m[1]!);
    if (name && !actions.get(name)!.outputs.has(m[2]!)) problems.push(`${name} has no output "${m[2]}"`);
  }
  expect(problems).toEqual([]);
});

test('the examples use every action at least once', () => {
  const used = new Set(
    steps(docs.filter((d) => d.where.startsWith('docs/examples')).map((d) => parse(d.text))).map((s) =>
      actionOf(s.uses!),
    ),
  );
  expect([...actions.keys()].filter((a) => !used.has(a))).toEqual([]);
});
