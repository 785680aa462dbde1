import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The inputs/outputs tables of an action's README, generated from its action.yml. */
export const START = '<!-- action-docs:start (generated from action.yml by `npm run docs`; do not edit) -->';
export const END = '<!-- action-docs:end -->';

interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

const cell = (text: string | undefined): string =>
  (text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

export function docsTable(actionYmlPath: string): string {
  const yml = parse(readFileSync(actionYmlPath, 'utf8')) as ActionYml;
  const lines = ['### Inputs', '', '| input | required | default | description |', '| --- | --- | --- | --- |'];
  for (const [name, spec] of Object.entries(yml.inputs ?? {})) {
    const def = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
    lines.push(`| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${def} | ${cell(spec.description)} |`);
  }
  lines.push('', '### Outputs', '', '| output | description |', '| --- | --- |');
  for (const [name, spec] of Object.entries(yml.outputs ?? {}))
    lines.push(`| \`${name}\` | ${cell(spec.description)} |`);
  return [START, ...lines, END].join('\n');
}

/** The README with its generated block replaced (or undefined when it has no markers). */
export function withDocsTable(readme: string, table: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(0, start) + table + readme.slice(end + END.length);
}
