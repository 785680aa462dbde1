/**
 * Outputs and the job summary, behind the secret tripwire: a value or a summary holding the key
 * or the GitHub token stops the step before anything is written.
 */
import { setOutput, summary } from '@actions/core';
import { guardSink } from '../secrets/tripwire.js';

// Every summary an action writes goes through this one instance of @actions/core's builder:
// its write() is wrapped once so that no call site can skip the check.
const write = summary.write.bind(summary);
summary.write = async (options) => {
  try {
    guardSink('the job summary', summary.stringify());
  } catch (error) {
    summary.emptyBuffer();
    throw error;
  }
  return write(options);
};

/** The job summary builder of @actions/core, re-exported so actions need not import it. */
export { summary };

/** Sets each output; numbers and booleans are written as text, undefined is skipped. All are checked before any is set. */
export function setOutputs(outputs: Record<string, string | number | boolean | undefined>): void {
  const set = Object.entries(outputs).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
  for (const [name, value] of set) guardSink(`output "${name}"`, String(value));
  for (const [name, value] of set) setOutput(name, String(value));
}
