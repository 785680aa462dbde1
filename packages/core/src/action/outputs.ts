import { setOutput, summary } from '@actions/core';

/** The job summary builder of @actions/core, re-exported so actions need not import it. */
export { summary };

/** Sets each output; numbers and booleans are written as text, undefined is skipped. */
export function setOutputs(outputs: Record<string, string | number | boolean | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) if (value !== undefined) setOutput(name, String(value));
}
