/**
 * `npm run bench`: every scenario prints its figure beside its goal in one table. Benchmarks
 * are measurements, not tests: nothing here fails the build. `--only NAME` runs one scenario.
 */
import { parseArgs } from 'node:util';
import { printTable, type BenchRow } from './table.js';
import { scenarios } from './scenarios/index.js';
import { applySharedDefaults } from '../test-support/shared-paths.js';

// The emulator checks every request against Apple's spec when it can find it, as in the tests.
applySharedDefaults();

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const rows: BenchRow[] = [];
for (const scenario of scenarios) {
  if (values.only && !scenario.name.includes(values.only)) continue;
  process.stderr.write(`running ${scenario.name}…\n`);
  rows.push(...(await scenario.run()));
}
console.log(`\nasc-actions bench — Node ${process.version}, ${new Date().toISOString()}\n`);
printTable(rows);
