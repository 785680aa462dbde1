/**
 * Writes one report's rows to its output file: the winning instance of each Date only (newest
 * processing date), instances oldest first, rows in Apple's order, columns by name (the union of
 * every segment's columns: unknown ones kept, moved ones put back in place). The file is written
 * beside its target under a temporary name and renamed only when every report is written
 * (`commit`), so a failure leaves no output at all. The funnel counts the same rows.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DateWinners, FetchedInstance, OutputFormat } from '../model.js';
import type { Funnel } from '../report/funnel.js';
import { eachRow } from '../read/segment-file.js';

export interface PendingFile {
  temp: string;
  target: string;
  rows: number;
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

class Sink {
  private fd: number;
  private buffer = '';
  constructor(path: string) {
    this.fd = openSync(path, 'wx', 0o644);
  }
  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export async function writeReport(
  target: string, format: OutputFormat, reportName: string, instances: FetchedInstance[], winners: DateWinners,
  columns: string[], pathOf: (file: string) => string, funnel: Funnel,
): Promise<PendingFile> {
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  rmSync(temp, { force: true });
  const sink = new Sink(temp);
  let rows = 0;
  try {
    if (format === 'csv') sink.write(`${columns.map(csvCell).join(',')}\n`);
    if (format === 'json') sink.write('[');
    for (const instance of instances) {
      for (const segment of instance.segments) {
        let map: number[] = [];
        let count: ((date: string, cell: (i: number) => string) => void) | undefined;
        await eachRow(pathOf(segment.file), `${reportName}, instance of ${instance.processingDate}`, (h) => {
          map = columns.map((c) => h.at(c));
          count = funnel.bind(reportName, h);
        }, (date, cell) => {
          if (winners.get(date) !== instance.id) return;
          count?.(date, cell);
          const values = map.map((i) => (i < 0 ? '' : cell(i)));
          if (format === 'csv') sink.write(`${values.map(csvCell).join(',')}\n`);
          else {
            const object = JSON.stringify(Object.fromEntries(columns.map((c, k) => [c, values[k]])));
            sink.write(format === 'jsonl' ? `${object}\n` : `${rows ? ',' : ''}\n${object}`);
          }
          rows++;
        });
      }
    }
    if (format === 'json') sink.write(rows ? '\n]\n' : ']\n');
    sink.close();
  } catch (error) {
    sink.close();
    rmSync(temp, { force: true });
    throw error;
  }
  return { temp, target, rows };
}

/** Renames every written file into place (all written first, so a failure leaves none). */
export function commit(files: PendingFile[]): void {
  for (const f of files) renameSync(f.temp, f.target);
}

export function discard(files: PendingFile[]): void {
  for (const f of files) rmSync(f.temp, { force: true });
}
