/**
 * CSV as RFC 4180 writes it (fields with a comma, quote, line break or outer space are quoted,
 * quotes doubled, CRLF rows), with the spreadsheet-formula guard: text from outside (reviews,
 * app names, report cells) that a spreadsheet would run as a formula (starting with = + - @, tab
 * or CR) gets a leading apostrophe. A plain number (`-1`, `+4.99`) is data, not a formula, and
 * stays as it is, so refunds and prices still read as numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

const ASCII_OUTER_SPACE = /^[ \t]|[ \t]$/;

export interface CsvCellOptions {
  /**
   * The text is a byte string (latin1: one character per UTF-8 byte, as a writer that copies a
   * report's bytes holds it). Only ASCII space and tab then count as outer space: a UTF-8
   * continuation byte 0xA0 (the end of "à") is not a no-break space.
   */
  byteString?: boolean;
}

/** One cell. null and undefined are empty; numbers and booleans are written as they are. */
export function csvCell(value: unknown, options: CsvCellOptions = {}): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  const outerSpace = options.byteString ? ASCII_OUTER_SPACE.test(text) : text !== text.trim();
  return NEEDS_QUOTES.test(text) || outerSpace ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row with its CRLF. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map((cell) => csvCell(cell)).join(',')}\r\n`;
}

/** A header row and one row per record, the columns in the order given. */
export function toCsv<K extends string>(
  columns: readonly K[],
  records: ReadonlyArray<Partial<Record<K, unknown>>>,
): string {
  return csvRow(columns) + records.map((r) => csvRow(columns.map((c) => r[c]))).join('');
}
