/**
 * Reads a segment file (gzipped, tab-separated, a header line) with core's streaming row reader.
 * Columns are found by name, case-insensitively (Apple adds and moves columns over time); the
 * Date column keys every row. A file that is not what it should be is refused with the line.
 */
import { field, GzipStreamError, readGzipRows, rowText } from '@asc-actions/core';

/** A segment that cannot be used; nothing is written. */
export class SegmentError extends Error {}

export interface Header {
  columns: string[];
  /** Index of a column by name, case-insensitively; -1 when absent. */
  at(name: string): number;
  date: number;
}

const key = (name: string): string => name.trim().toLowerCase();

export function bindHeader(line: string, where: string): Header {
  const columns = line.replace(/^\uFEFF/, '').split('\t').map((c) => c.trim());
  const keys = columns.map(key);
  if (columns.length < 2 || keys.some((k) => k === '')) throw new SegmentError(`${where}: the first line is not a tab-separated header (${JSON.stringify(line.slice(0, 80))}).`);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) throw new SegmentError(`${where}: column ${JSON.stringify(dup)} appears twice in the header.`);
  const at = (name: string): number => keys.indexOf(key(name));
  const date = at('Date');
  if (date < 0) throw new SegmentError(`${where}: the header has no Date column (columns: ${columns.join(', ')}); rows cannot be keyed by date.`);
  return { columns, at, date };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type RowCells = (i: number) => string;

/**
 * Calls `onRow` for every data row with a cell reader and the row's Date; `onHeader` first.
 * Only the cells asked for are decoded.
 */
export async function eachRow(path: string, where: string, onHeader: (h: Header) => void, onRow: (date: string, cell: RowCells, lineNo: number) => void): Promise<number> {
  let header: Header | undefined;
  let rows = 0;
  try {
    await readGzipRows(path, where, (bytes, starts, fields, lineNo) => {
      if (!header) {
        header = bindHeader(rowText(bytes, starts, fields), where);
        return onHeader(header);
      }
      if (fields === 1 && starts[1]! - starts[0]! <= 1) return; // an empty line
      if (fields !== header.columns.length) throw new SegmentError(`${where}: line ${lineNo} has ${fields} fields, the header ${header.columns.length}.`);
      const date = field(bytes, starts, header.date);
      if (!DATE.test(date)) throw new SegmentError(`${where}: line ${lineNo}: Date ${JSON.stringify(date.slice(0, 20))} is not YYYY-MM-DD.`);
      rows++;
      onRow(date, (i) => field(bytes, starts, i), lineNo);
    });
  } catch (error) {
    if (error instanceof GzipStreamError) throw new SegmentError(error.message);
    throw error;
  }
  if (!header) throw new SegmentError(`${where}: the file is empty (no header line).`);
  return rows;
}

/** The verification pass: columns, the dates it holds, its row count. */
export async function scanSegment(path: string, where: string): Promise<{ columns: string[]; dates: string[]; rows: number }> {
  let columns: string[] = [];
  const dates = new Set<string>();
  let last = '';
  const rows = await eachRow(path, where, (h) => (columns = h.columns), (date) => {
    if (date !== last) dates.add((last = date));
  });
  return { columns, dates: [...dates].sort(), rows };
}
