/**
 * The streaming gzip/TSV row reader lives in core (report-stream/gzip-rows.ts), shared with
 * fetch-analytics-report. Here it only gets this action's error type: a truncated or corrupt
 * report is a ReportError.
 */
import { GzipStreamError, readGzipHeader as readHeader, readGzipRows as readRows, type OnRow } from '@asc-actions/core';
import { ReportError } from './report-error.js';

export {
  field,
  gzipProblem,
  rowText,
  RowSplitter,
  MAX_REPORT_BYTES,
  ReportTooLarge,
  reportTooLarge,
  type OnRow,
} from '@asc-actions/core';

/** Reads every row of a gzipped file. `where` names the report in errors. */
export async function readGzipRows(path: string, where: string, onRow: OnRow): Promise<void> {
  try {
    await readRows(path, where, onRow);
  } catch (error) {
    if (error instanceof GzipStreamError) throw new ReportError(error.message);
    throw error;
  }
}

/** The first line of a gzipped file (the header), reading no further than needed. */
export async function readGzipHeader(path: string, where: string): Promise<string> {
  try {
    return await readHeader(path, where);
  } catch (error) {
    if (error instanceof GzipStreamError) throw new ReportError(error.message);
    throw error;
  }
}
