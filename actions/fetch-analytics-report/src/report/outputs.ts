/** The step's outputs: state, report-path, rows, instances, summary (JSON). */
import { setOutputs } from '@asc-actions/core';
import type { Summary } from './summary.js';

export function writeOutputs(
  s: Summary | { state: string },
  reportPath: string,
  rows: number,
  instances: number,
): void {
  setOutputs({ state: s.state, 'report-path': reportPath, rows, instances, summary: JSON.stringify(s) });
}
