/**
 * Writes one report's rows to its output file: the winning instance of each Date only (newest
 * processing date), instances oldest first, rows in Apple's order, columns by name (the union of
 * every segment's columns: unknown ones kept, moved ones put back in place). CSV is core's (RFC 4180,
 * CRLF rows, the spreadsheet-formula guard on cells from Apple). The file is written
 * beside its target under a temporary name and renamed only when every report is written
 * (`commit`), so a failure leaves no output at all. The funnel counts the same rows.
 */
import { csvRow, openSafeWriter, type SafeWriter } from '@asc-actions/core';
import type { DateWinners, FetchedInstance, OutputFormat } from '../model.js';
import type { Funnel } from '../report/funnel.js';
import { eachRow } from '../read/segment-file.js';

/** A row that needs csvRow's care: quotes, commas, CR, outer spaces, or a cell a spreadsheet would run. */
const PLAIN_UNSAFE = /[",\r]|(^|\t)[=+\-@\s]|\s(\t|$)/;

export interface PendingFile {
  writer: SafeWriter;
  target: string;
  rows: number;
}

/**
 * Rows are encoded into one 1 MB buffer and handed to core's safe writer when it is full (no
 * string ropes, no per-row writes). The safe writer keeps the file inside the workspace, never
 * writes through a symlink, and writes a temporary file that `commit` renames into place.
 */
class Sink {
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  constructor(readonly writer: SafeWriter) {}
  write(text: string): void {
    if (this.used + text.length * 3 > this.buffer.length) this.flush();
    if (text.length * 3 > this.buffer.length) return void this.writer.write(text);
    this.used += this.buffer.write(text, this.used, 'utf8');
  }
  flush(): void {
    if (this.used) this.writer.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

export async function writeReport(
  target: string,
  format: OutputFormat,
  reportName: string,
  instances: FetchedInstance[],
  winners: DateWinners,
  columns: string[],
  pathOf: (file: string) => string,
  funnel: Funnel,
): Promise<PendingFile> {
  const sink = new Sink(openSafeWriter(target, { input: 'output-path' }));
  let rows = 0;
  try {
    if (format === 'csv') sink.write(csvRow(columns));
    if (format === 'json') sink.write('[');
    for (const instance of instances) {
      for (const segment of instance.segments) {
        let map: number[] = [];
        let same = false;
        let count: ((date: string, cells: string[]) => void) | undefined;
        await eachRow(
          pathOf(segment.file),
          `${reportName}, instance of ${instance.processingDate}`,
          (h) => {
            map = columns.map((c) => h.at(c));
            same = map.every((i, k) => i === k) && h.columns.length === columns.length;
            count = funnel.bind(reportName, h);
          },
          (date, cells, text) => {
            if (winners.get(date) !== instance.id) return;
            count?.(date, cells);
            // The common case: Apple's columns in the output's order and no cell CSV must quote or guard.
            if (format === 'csv' && same && !PLAIN_UNSAFE.test(text))
              return void (sink.write(`${text.replaceAll('\t', ',')}\r\n`), rows++);
            const values = same ? cells : map.map((i) => (i < 0 ? '' : cells[i]!));
            if (format === 'csv') sink.write(csvRow(values));
            else {
              const object = JSON.stringify(Object.fromEntries(columns.map((c, k) => [c, values[k]])));
              sink.write(format === 'jsonl' ? `${object}\n` : `${rows ? ',' : ''}\n${object}`);
            }
            rows++;
          },
        );
      }
    }
    if (format === 'json') sink.write(rows ? '\n]\n' : ']\n');
    sink.flush();
  } catch (error) {
    sink.writer.abort();
    throw error;
  }
  return { writer: sink.writer, target: sink.writer.path, rows };
}

/** Renames every written file into place (all written first, so a failure leaves none). */
export function commit(files: PendingFile[]): void {
  for (const f of files) f.writer.commit();
}

export function discard(files: PendingFile[]): void {
  for (const f of files) f.writer.abort();
}
