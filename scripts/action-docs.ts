/** `npm run docs`: rewrites the generated inputs/outputs block of every actions/<name>/README.md. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsTable, withDocsTable } from './lib/action-docs-table.js';

for (const name of readdirSync('actions')) {
  const yml = join('actions', name, 'action.yml');
  const readme = join('actions', name, 'README.md');
  if (!existsSync(yml) || !existsSync(readme)) continue;
  const updated = withDocsTable(readFileSync(readme, 'utf8'), docsTable(yml));
  if (updated === undefined) throw new Error(`${readme} has no action-docs markers`);
  writeFileSync(readme, updated);
  console.log(`updated ${readme}`);
}
