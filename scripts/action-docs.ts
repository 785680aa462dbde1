/**
 * `npm run docs`: rewrites the generated inputs/outputs block of every actions/<name>/README.md
 * and the root README's actions table.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsTable, withDocsTable } from './lib/action-docs-table.js';
import { actionsTable, withActionsTable } from './lib/readme-actions-table.js';

for (const name of readdirSync('actions')) {
  const yml = join('actions', name, 'action.yml');
  const readme = join('actions', name, 'README.md');
  if (!existsSync(yml) || !existsSync(readme)) continue;
  const updated = withDocsTable(readFileSync(readme, 'utf8'), docsTable(yml));
  if (updated === undefined) throw new Error(`${readme} has no action-docs markers`);
  writeFileSync(readme, updated);
  console.log(`updated ${readme}`);
}

const root = withActionsTable(readFileSync('README.md', 'utf8'), actionsTable('.'));
if (root === undefined) throw new Error('README.md has no actions-table markers');
writeFileSync('README.md', root);
console.log('updated README.md');
