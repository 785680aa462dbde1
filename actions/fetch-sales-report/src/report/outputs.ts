/** The action's outputs: status, the report file, its rows, the version and the summary as JSON. */
import { setOutputs } from '@asc-actions/core';
import type { Processed } from './export.js';
import type { SummaryJson } from './summary.js';

export function writeOutputs(result: SummaryJson, processed: Processed): void {
  setOutputs({
    status: result.status,
    'report-path': processed.path ?? '',
    rows: processed.rows,
    version: result.version ?? '',
    summary: JSON.stringify(result),
  });
}
