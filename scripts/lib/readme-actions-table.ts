/**
 * The root README's actions table, generated from the actions that exist (every actions/<name>/action.yml):
 * a new action gets its row by existing, and no row can claim what an action does not do.
 * The key role comes from the action README's "**Key role needed:**" line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const START =
  '<!-- actions-table:start (generated from actions/*/action.yml by `npm run docs`; do not edit) -->';
export const END = '<!-- actions-table:end -->';

const cell = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/** The actions of the repository, sorted: folders under actions/ with an action.yml. */
export function actionNames(root: string): string[] {
  return readdirSync(join(root, 'actions'))
    .filter((name) => existsSync(join(root, 'actions', name, 'action.yml')))
    .sort();
}

/** "App Manager (or Admin)" from `**Key role needed:** App Manager (or Admin). A 403 says so.` */
export function keyRole(readme: string | undefined): string {
  const match = /\*\*Key role needed:\*\*\s*([\s\S]+?)(?:\.\s|\.$|\n\n)/.exec(readme ?? '');
  return match ? cell(match[1]!) : 'see its README';
}

export function actionsTable(root: string): string {
  const lines = ['| action | key role | what it does |', '| --- | --- | --- |'];
  for (const name of actionNames(root)) {
    const yml = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as { description?: string };
    const readmePath = join(root, 'actions', name, 'README.md');
    const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined;
    const link = readme === undefined ? `\`${name}\`` : `[\`${name}\`](actions/${name}/README.md)`;
    lines.push(`| ${link} | ${keyRole(readme)} | ${cell(yml.description ?? '')} |`);
  }
  return [START, ...lines, END].join('\n');
}

/** The README with its generated table replaced (or undefined when it has no markers). */
export function withActionsTable(readme: string, table: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(0, start) + table + readme.slice(end + END.length);
}
