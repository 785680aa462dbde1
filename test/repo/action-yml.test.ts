import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { convertActionTemplate } from '@actions/workflow-parser/actions/action-template';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../test-support/runner.js';
import { docsTable, withDocsTable } from '../../scripts/lib/action-docs-table.js';

const actions = readdirSync(join(REPO_ROOT, 'actions')).filter((n) =>
  existsSync(join(REPO_ROOT, 'actions', n, 'action.yml')),
);
const COMMON = ['issuer-id', 'key-id', 'private-key', 'private-key-passphrase', 'api-base-url', 'dry-run'];

test('there is at least one action', () => {
  expect(actions.length).toBeGreaterThan(0);
});

describe.each(actions)('actions/%s/action.yml', (name) => {
  const file = join(REPO_ROOT, 'actions', name, 'action.yml');
  const content = readFileSync(file, 'utf8');

  test("passes GitHub's own action parser", () => {
    const result = parseAction({ name: file, content }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = convertActionTemplate(result.context, result.value!);
    expect(template.runs).toMatchObject({ using: 'node24', main: `../../dist/${name}/index.js` });
  });

  test('points at a committed bundle and declares the common inputs and kebab-case outputs', () => {
    const yml = parse(content) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, { description?: string }>;
      runs: { main: string };
    };
    expect(existsSync(resolve(dirname(file), yml.runs.main))).toBe(true);
    expect(Object.keys(yml.inputs)).toEqual(expect.arrayContaining(COMMON));
    for (const [output, spec] of Object.entries(yml.outputs)) {
      expect(output).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(spec.description?.length ?? 0).toBeGreaterThan(10);
    }
  });
});

describe.each(actions)('actions/%s/README.md', (name) => {
  test('its inputs/outputs tables match action.yml (run `npm run docs` to regenerate)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'actions', name, 'README.md'), 'utf8');
    const table = docsTable(join(REPO_ROOT, 'actions', name, 'action.yml'));
    expect(table).toContain('`issuer-id`');
    expect(withDocsTable(readme, table)).toBe(readme);
  });
});
