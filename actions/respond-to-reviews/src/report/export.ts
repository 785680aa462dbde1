/**
 * `export-path`: the matched reviews and what was done, as JSON or CSV for other tools.
 * CSV is core's (RFC 4180, with the spreadsheet-formula guard: review text is untrusted).
 */
import { toCsv as csvTable, writeFileSafely } from '@asc-actions/core';
import type { ExportTarget } from '../inputs.js';
import type { Entry } from './entries.js';

export const CSV_COLUMNS = [
  'id',
  'createdDate',
  'rating',
  'territory',
  'nickname',
  'title',
  'body',
  'rule',
  'template',
  'action',
  'reply',
  'replyState',
  'detail',
] as const;

export function toCsv(entries: readonly Entry[]): string {
  return csvTable(CSV_COLUMNS, entries);
}

export function writeExport(target: ExportTarget, entries: readonly Entry[]): void {
  writeFileSafely(target.path, target.format === 'csv' ? toCsv(entries) : `${JSON.stringify(entries, null, 2)}\n`, {
    input: 'export-path',
  });
}
