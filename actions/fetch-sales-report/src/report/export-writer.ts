/**
 * The output file: TSV, CSV (core's csv.ts: RFC 4180 quoting and the spreadsheet-formula guard)
 * or JSON (an array of objects keyed by column name), written to a temporary file beside the target and renamed into place only when every
 * report was read, so a failure never leaves a partial file. Rows of several reports share one
 * header: the union of their columns, matched by name (a report that lacks a column gets an
 * empty cell). Cells are normalised on the way: a single space becomes empty, dates YYYY-MM-DD.
 *
 * Speed: TSV rows are copied from the report's bytes; CSV and JSON cells are byte strings
 * (latin1: one character per byte) written back the same way. Either way UTF-8 text passes
 * through byte for byte, never decoded and re-encoded.
 */
import { csvCell, openSafeWriter, type SafeWriter } from '@asc-actions/core';
import type { OutputFormat } from '../inputs/settings.js';
import type { RowSink } from '../read/parse/rows.js';
import { normalName } from '../read/parse/layouts.js';

const FLUSH_AT = 1 << 20;
/** Text (UTF-16) as a byte string of its UTF-8 bytes. */
const bytesOf = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
/** Core's CSV cell (quoting and the spreadsheet-formula guard) for a cell held as a byte string. */
const csvByteCell = (c: string): string => csvCell(c, { byteString: true });

/** The output columns for several headers: first appearance order, matched by normalised name. */
export function unionColumns(headers: string[][]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const header of headers) {
    for (const name of header) {
      const key = normalName(name);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(name.trim());
      }
    }
  }
  return out;
}

export class OutputWriter implements RowSink {
  /** Core's safe writer: a temporary file beside the target (never through a symlink), renamed on commit. */
  private readonly file: SafeWriter;
  private out = Buffer.allocUnsafe(FLUSH_AT + (1 << 16));
  private pos = 0;
  private first = true;
  /** Output column → the current report's field, or -1. */
  private source: Int32Array = new Int32Array(0);
  private identity = true;
  /** Field → its index among the report's date columns, or -1. */
  private dateSlot: Int32Array = new Int32Array(0);
  private dateColumns: readonly number[] = [];
  private readonly jsonKeys: string[];
  rows = 0;

  constructor(
    readonly path: string,
    private readonly format: OutputFormat,
    private readonly columns: string[],
  ) {
    this.file = openSafeWriter(path, { input: 'output-path' });
    this.jsonKeys = columns.map((c) => `${bytesOf(JSON.stringify(c))}:`);
    if (format === 'tsv') this.text(bytesOf(`${columns.join('\t')}\n`));
    else if (format === 'csv') this.text(bytesOf(`${columns.map((c) => csvCell(c)).join(',')}\r\n`));
    else this.text('[');
  }

  /** The next rows come from a report with this header and these date columns. */
  useHeader(header: string[], dateColumns: readonly number[]): void {
    const index = new Map(header.map((name, i) => [normalName(name), i]));
    this.source = Int32Array.from(this.columns, (c) => index.get(normalName(c)) ?? -1);
    this.identity = header.length === this.columns.length && this.source.every((v, i) => v === i);
    this.dateSlot = new Int32Array(header.length).fill(-1);
    dateColumns.forEach((field, k) => (this.dateSlot[field] = k));
    this.dateColumns = dateColumns;
  }

  row(bytes: Buffer, starts: Int32Array, fields: number, dates: ReadonlyArray<string | undefined>): void {
    this.rows++;
    if (this.format === 'tsv' && this.identity) this.tsvRow(bytes, starts, fields, dates);
    else this.text(this.format === 'json' ? this.jsonRow(bytes, starts, dates) : this.cellRow(bytes, starts, dates));
    if (this.pos >= FLUSH_AT) this.flush();
  }

  /** Copies the row's bytes in runs, leaving out single-space cells and replacing dates. */
  private tsvRow(bytes: Buffer, starts: Int32Array, fields: number, dates: ReadonlyArray<string | undefined>): void {
    let run = starts[0]!;
    for (let i = 0; i < fields; i++) {
      const a = starts[i]!;
      const b = starts[i + 1]! - 1;
      const slot = this.dateSlot[i]!;
      if (b - a === 1 && bytes[a] === 32) {
        this.copy(bytes, run, a);
        run = b;
      } else if (slot >= 0 && dates[slot] !== undefined) {
        this.copy(bytes, run, a);
        this.text(dates[slot]);
        run = b;
      }
    }
    this.copy(bytes, run, starts[fields]! - 1);
    this.text('\n');
  }

  /** A plain loop: Buffer#copy costs more than it moves for runs this short. */
  private copy(bytes: Buffer, from: number, to: number): void {
    if (to - from > this.out.length - this.pos) this.flush();
    if (to - from > this.out.length) this.out = Buffer.allocUnsafe(to - from);
    const out = this.out;
    let pos = this.pos;
    for (let i = from; i < to; i++) out[pos++] = bytes[i]!;
    this.pos = pos;
  }

  /** A byte string (one character per byte). */
  private text(s: string): void {
    if (s.length > this.out.length - this.pos) this.flush();
    if (s.length > this.out.length) this.out = Buffer.allocUnsafe(s.length);
    if (s.length <= 16) for (let i = 0; i < s.length; i++) this.out[this.pos++] = s.charCodeAt(i);
    else this.pos += this.out.write(s, this.pos, 'latin1');
  }

  /** The value of output column `j` as a byte string. */
  private value(bytes: Buffer, starts: Int32Array, dates: ReadonlyArray<string | undefined>, j: number): string {
    const i = this.source[j]!;
    if (i < 0) return '';
    const slot = this.dateSlot[i]!;
    if (slot >= 0 && dates[slot] !== undefined) return dates[slot];
    const a = starts[i]!;
    const b = starts[i + 1]! - 1;
    return b - a === 1 && bytes[a] === 32 ? '' : bytes.toString('latin1', a, b);
  }

  private cellRow(bytes: Buffer, starts: Int32Array, dates: ReadonlyArray<string | undefined>): string {
    const csv = this.format === 'csv';
    let line = '';
    for (let j = 0; j < this.columns.length; j++) {
      const v = this.value(bytes, starts, dates, j);
      line += (j ? (csv ? ',' : '\t') : '') + (csv ? csvByteCell(v) : v);
    }
    return line + (csv ? '\r\n' : '\n');
  }

  /** JSON.stringify leaves characters from U+0080 up as they are, so byte strings stay byte strings. */
  private jsonRow(bytes: Buffer, starts: Int32Array, dates: ReadonlyArray<string | undefined>): string {
    let line = this.first ? '\n{' : ',\n{';
    this.first = false;
    for (let j = 0; j < this.columns.length; j++)
      line += (j ? ',' : '') + this.jsonKeys[j] + JSON.stringify(this.value(bytes, starts, dates, j));
    return `${line}}`;
  }

  private flush(): void {
    if (this.pos > 0) this.file.write(this.out.subarray(0, this.pos));
    this.pos = 0;
  }

  /** Finishes the file and moves it into place. */
  commit(): void {
    if (this.format === 'json') this.text(this.first ? ']\n' : '\n]\n');
    this.flush();
    this.file.commit();
  }

  /** Drops the temporary file; the target is left as it was. */
  abort(): void {
    this.file.abort();
  }
}
