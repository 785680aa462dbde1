/**
 * Reads the fetched reports into totals and one output file. Every header is read and checked
 * first, so an unknown layout stops the run before the output file is opened; rows then stream
 * through the parser into the writer's temporary file, which is renamed into place only after
 * the last report was read.
 */
import type { Outcome } from '../model.js';
import { describeReport } from '../read/fetch-report.js';
import { bindHeader, type Binding } from '../read/parse/header.js';
import { readGzipHeader, readGzipRows } from '../read/parse/lines.js';
import { RowParser } from '../read/parse/rows.js';
import { OutputWriter, unionColumns } from './export-writer.js';
import type { ReportSettings } from '../inputs/settings.js';
import { Totals } from './totals.js';

export interface Processed {
  totals: Totals;
  rows: number;
  /** Rows per report date. */
  rowsByDate: Map<string, number>;
  /** The output file, when there was at least one report to write. */
  path?: string;
  /** Facts a reader should know (trailer mismatches, missing optional columns). */
  notes: string[];
  bindings: Binding[];
}

/** Header checks for every available report, before anything is written. */
async function bindAll(available: Outcome[], settings: ReportSettings): Promise<Binding[]> {
  const bindings: Binding[] = [];
  for (const o of available) {
    const where = describeReport(settings, o.date);
    bindings.push(bindHeader(await readGzipHeader(o.file!, where), settings.reportType, where));
  }
  return bindings;
}

export async function processReports(
  outcomes: Outcome[],
  settings: ReportSettings,
  write: boolean,
): Promise<Processed> {
  const available = outcomes.filter((o) => o.state === 'available');
  const bindings = await bindAll(available, settings);
  const totals = new Totals();
  totals.fixedClass = bindings[0]?.layout.fixedClass as Totals['fixedClass'];
  const notes: string[] = [];
  const missing = new Set(bindings.flatMap((b) => b.missingRoles));
  if (missing.size && bindings[0]?.layout.unpublished) {
    notes.push(
      `Apple publishes no column list for ${settings.reportType} reports: rows are passed through; totals only from columns this action knows by name.`,
    );
  } else if (missing.size) {
    notes.push(`Columns not in this report, so not in the totals: ${[...missing].join(', ')}.`);
  }
  const writer =
    write && available.length
      ? new OutputWriter(settings.outputPath, settings.outputFormat, unionColumns(bindings.map((b) => b.columns)))
      : undefined;
  const rowsByDate = new Map<string, number>();
  try {
    for (const [i, o] of available.entries()) {
      const binding = bindings[i]!;
      const where = describeReport(settings, o.date);
      writer?.useHeader(binding.columns, binding.dateColumns);
      const parser = new RowParser(binding, totals, writer, where);
      await readGzipRows(o.file!, where, (bytes, starts, fields, lineNo) => {
        if (lineNo > 1) parser.row(bytes, starts, fields, lineNo);
      });
      parser.finish();
      notes.push(...parser.notes);
      rowsByDate.set(o.date, parser.rows);
    }
    writer?.commit();
  } catch (error) {
    writer?.abort();
    throw error;
  }
  const rows = [...rowsByDate.values()].reduce((a, b) => a + b, 0);
  return { totals, rows, rowsByDate, path: writer?.path, notes, bindings };
}
