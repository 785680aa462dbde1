/**
 * Reads a segment file (gzipped, tab-separated, a header line) with core's streaming row reader.
 * Columns are found by name, case-insensitively (Apple adds and moves columns over time); the
 * Date column keys every row. A file that is not what it should be is refused with the line.
 */
import { GzipStreamError, readGzipLines, readGzipRows, rowText } from '@asc-actions/core';

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
  const columns = line
    .replace(/^\uFEFF/, '')
    .split('\t')
    .map((c) => c.trim());
  const keys = columns.map(key);
  if (columns.length < 2 || keys.some((k) => k === ''))
    throw new SegmentError(
      `${where}: the first line is not a tab-separated header (${JSON.stringify(line.slice(0, 80))}).`,
    );
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) throw new SegmentError(`${where}: column ${JSON.stringify(dup)} appears twice in the header.`);
  const at = (name: string): number => keys.indexOf(key(name));
  const date = at('Date');
  if (date < 0)
    throw new SegmentError(
      `${where}: the header has no Date column (columns: ${columns.join(', ')}); rows cannot be keyed by date.`,
    );
  return { columns, at, date };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Calls `onRow` for every data row with its Date, its text (tab-separated, decoded once) and its
 * cells; `onHeader` first.
 */
export async function eachRow(
  path: string,
  where: string,
  onHeader: (h: Header) => void,
  onRow: (date: string, cells: string[], text: string, lineNo: number) => void,
): Promise<number> {
  let header: Header | undefined;
  let rows = 0;
  try {
    await readGzipRows(path, where, (bytes, starts, fields, lineNo) => {
      if (!header) {
        header = bindHeader(rowText(bytes, starts, fields), where);
        return onHeader(header);
      }
      if (fields === 1 && starts[1]! - starts[0]! <= 1) return; // an empty line
      if (fields !== header.columns.length)
        throw new SegmentError(`${where}: line ${lineNo} has ${fields} fields, the header ${header.columns.length}.`);
      const text = rowText(bytes, starts, fields);
      const cells = text.split('\t');
      const date = cells[header.date]!;
      if (!DATE.test(date))
        throw new SegmentError(
          `${where}: line ${lineNo}: Date ${JSON.stringify(date.slice(0, 20))} is not YYYY-MM-DD.`,
        );
      rows++;
      onRow(date, cells, text, lineNo);
    });
  } catch (error) {
    if (error instanceof GzipStreamError) throw new SegmentError(error.message);
    throw error;
  }
  if (!header) throw new SegmentError(`${where}: the file is empty (no header line).`);
  return rows;
}

/** `bytes[at, at + b.length)` equals `b` (a loop beats Buffer.compare's argument checks for ten bytes). */
function sameBytes(bytes: Buffer, at: number, b: Buffer): boolean {
  for (let i = 0; i < b.length; i++) if (bytes[at + i] !== b[i]) return false;
  return true;
}

/**
 * The verification pass every downloaded segment gets: its columns (header by name, a Date column
 * required), the dates it holds (every row's Date checked), its row count. Lines are found
 * natively and only the Date cell is looked at; rows come grouped by date, so a Date whose bytes
 * equal the previous row's is not decoded again. Every row's field count is checked by the
 * output pass, which reads every cell anyway (and writes nothing when one is off).
 */
export async function scanSegment(
  path: string,
  where: string,
): Promise<{ columns: string[]; dates: string[]; rows: number }> {
  let header: Header | undefined;
  const dates = new Set<string>();
  let last = Buffer.alloc(0);
  let rows = 0;
  try {
    await readGzipLines(path, where, (bytes, start, end, lineNo) => {
      if (!header) return void (header = bindHeader(bytes.toString('utf8', start, end), where));
      if (end === start) return; // an empty line
      let s = start;
      for (let k = 0; k < header.date; k++) {
        const tab = bytes.indexOf(9, s);
        if (tab < 0 || tab >= end)
          throw new SegmentError(
            `${where}: line ${lineNo} has fewer fields than the header (${header.columns.length}).`,
          );
        s = tab + 1;
      }
      let e = bytes.indexOf(9, s);
      if (e < 0 || e > end) e = end;
      rows++;
      if (e - s === last.length && sameBytes(bytes, s, last)) return;
      const date = bytes.toString('latin1', s, e);
      if (!DATE.test(date))
        throw new SegmentError(
          `${where}: line ${lineNo}: Date ${JSON.stringify(date.slice(0, 20))} is not YYYY-MM-DD.`,
        );
      dates.add(date);
      last = Buffer.from(date, 'latin1');
    });
  } catch (error) {
    if (error instanceof GzipStreamError) throw new SegmentError(error.message);
    throw error;
  }
  if (!header) throw new SegmentError(`${where}: the file is empty (no header line).`);
  return { columns: header.columns, dates: [...dates].sort(), rows };
}
