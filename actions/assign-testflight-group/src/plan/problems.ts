/** Problems stop the run before its first write: all of them, in one message. */
import { AscError, InputError } from '@asc-actions/core';
import type { Plan } from './plan.js';

export function stopOnProblems(plan: Plan): void {
  if (plan.problems.length === 0) return;
  const text = plan.problems.map((p) => p.message).join('\n');
  const input = plan.problems.find((p) => p.input)?.input;
  throw plan.problems.every((p) => p.input)
    ? new InputError(text, { input })
    : new AscError(`Nothing was changed. ${text}`);
}
