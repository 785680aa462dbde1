/**
 * Child process of the sales-report bench: reads one gzipped report with the action's own parser
 * and prints `{ms, rows, peakRssMb}` as JSON. A process of its own, so its peak memory is the
 * parser's, not the bench's.
 *   node --import tsx bench/scenarios/sales-report-child.ts FILE parse|tsv
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bindHeader } from '../../actions/fetch-sales-report/src/read/parse/header.js';
import { readGzipRows, rowText } from '../../actions/fetch-sales-report/src/read/parse/lines.js';
import { RowParser } from '../../actions/fetch-sales-report/src/read/parse/rows.js';
import { OutputWriter } from '../../actions/fetch-sales-report/src/report/export-writer.js';
import { Totals } from '../../actions/fetch-sales-report/src/report/totals.js';

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== 'parse' && mode !== 'tsv')) throw new Error('usage: sales-report-child.ts FILE parse|tsv');
const out = `${file}.out.tsv`;
const t0 = performance.now();
let parser: RowParser | undefined;
let writer: OutputWriter | undefined;
await readGzipRows(file, 'bench report', (bytes, starts, fields, lineNo) => {
  if (lineNo > 1) return parser!.row(bytes, starts, fields, lineNo);
  const binding = bindHeader(rowText(bytes, starts, fields), 'SALES', 'bench report');
  if (mode === 'tsv') {
    writer = new OutputWriter(out, 'tsv', binding.columns);
    writer.useHeader(binding.columns, binding.dateColumns);
  }
  parser = new RowParser(binding, new Totals(), writer, 'bench report');
});
parser!.finish();
writer?.commit();
const ms = performance.now() - t0;
rmSync(out, { force: true });
process.stdout.write(JSON.stringify({ ms, rows: parser!.rows, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
