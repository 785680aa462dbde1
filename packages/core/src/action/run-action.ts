/**
 * The single catch of an action: every error becomes one clear failure line with a hint, and a
 * job summary that says what was done, what was not, the error and the fix.
 * Messages pass through redactText; stack traces are never printed (a bug's stack goes to the
 * debug log only, redacted).
 */
import { debug, error as annotate, setFailed } from '@actions/core';
import {
  AscError,
  AuthenticationError,
  ForbiddenError,
  InputError,
  NetworkError,
  RateLimitError,
  redactText,
} from '../errors.js';
import { containsSecret } from '../secrets/registry.js';
import { authFailureHint, forbiddenHint } from './auth-hints.js';
import { writeFailureSummary } from './failure-summary.js';
import { journal, startJournal } from './journal.js';
import { guardSummaryWrites } from './summary-file.js';

export interface RunActionOptions {
  /** The App Store Connect role a key needs for this action ("App Manager", "Developer" …): named on a 403. */
  requiredRole?: string;
}

const RATE_HINT =
  "the key's hourly request budget (X-Rate-Limit) is spent, and every job using the key shares it: " +
  'wait for the hour to roll over, run fewer matrix jobs in parallel, or give heavy workflows their own key';

/** The failure's message (redacted) and the fix, apart, for the log line and the summary. */
export function failureParts(
  name: string,
  error: unknown,
  options: RunActionOptions = {},
): { message: string; hint?: string } {
  // Redact before a hint is appended, so the hint's punctuation cannot extend a token match.
  const message = redactText(error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
  if (error instanceof InputError || error instanceof NetworkError) return { message };
  if (error instanceof AuthenticationError) return { message, hint: authFailureHint(error) };
  if (error instanceof ForbiddenError) return { message, hint: forbiddenHint(error, options.requiredRole) };
  if (error instanceof RateLimitError) return { message, hint: RATE_HINT };
  if (error instanceof AscError) return { message };
  // Not an error of ours: a defect, never an environment difference (those are warnings or AscErrors).
  return { message: message || 'unknown error', hint: `this is a bug in ${name}; please report it with this log` };
}

/** The one line an action fails with, for an error thrown by its run function. */
export function failureMessage(name: string, error: unknown, options: RunActionOptions = {}): string {
  const { message, hint } = failureParts(name, error, options);
  const raw = redactText(error instanceof Error ? error.message : String(error));
  return hint ? `${message}. Hint: ${hint}.` : raw;
}

/**
 * Runs an action's body. Never throws: a failure sets the exit code to 1 and prints one
 * `::error::` line (an annotation on the file and line when an InputError names them), then
 * writes the failure summary. (The exit code is set directly: GitHub's local-action replaces
 * @actions/core with stubs that have no `ExitCode` enum.)
 */
export async function runAction(name: string, fn: () => Promise<void>, options: RunActionOptions = {}): Promise<void> {
  guardSummaryWrites();
  startJournal();
  try {
    await fn();
  } catch (error) {
    let message = failureMessage(name, error, options);
    // A message built from hostile content (a parse error, an answer) must not carry a secret out.
    if (containsSecret(message))
      message = `${name} failed with a message that held a secret (the private key or the GitHub token); it was withheld.`;
    if (error instanceof InputError && error.file) annotate(message, { file: error.file, startLine: error.line });
    else setFailed(message);
    process.exitCode = 1;
    if (!(error instanceof AscError) && error instanceof Error && error.stack) debug(redactText(error.stack));
    await reportFailure(name, error, options);
  }
}

async function reportFailure(name: string, error: unknown, options: RunActionOptions): Promise<void> {
  try {
    await writeFailureSummary({ name, ...failureParts(name, error, options), journal: journal() });
  } catch (summaryError) {
    // The failure line above is what matters; a summary that cannot be written is only noted.
    debug(`the failure summary could not be written: ${redactText(String(summaryError))}`);
  }
}
