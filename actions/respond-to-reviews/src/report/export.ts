/**
 * `export-path`: the matched reviews and what was done, as JSON or CSV for other tools.
 * CSV follows RFC 4180 (quoted fields, doubled quotes, CRLF rows). Review text is untrusted: a
 * cell that a spreadsheet would read as a formula (= + - @, tab, CR) gets a leading apostrophe.
 */
import { writeFileSafely } from '@asc-actions/core';
import type { ExportTarget } from '../inputs.js';
import type { Entry } from './entries.js';

export const CSV_COLUMNS = ['id', 'createdDate', 'rating', 'territory', 'nickname', 'title', 'body', 'rule', 'template', 'action', 'reply', 'replyState', 'detail'] as const;

function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(entries: readonly Entry[]): string {
  const rows = [CSV_COLUMNS.join(','), ...entries.map((e) => CSV_COLUMNS.map((c) => csvCell(e[c])).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}

export function writeExport(target: ExportTarget, entries: readonly Entry[]): void {
  writeFileSafely(target.path, target.format === 'csv' ? toCsv(entries) : `${JSON.stringify(entries, null, 2)}\n`, { input: 'export-path' });
}
