/**
 * The single catch of an action: every error becomes one clear failure line with a hint.
 * Messages pass through redactText; stack traces are never printed (a bug's stack goes to the
 * debug log only, redacted).
 */
import { debug, error as annotate, ExitCode, setFailed } from '@actions/core';
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

export interface RunActionOptions {
  /** The App Store Connect role a key needs for this action ("App Manager", "Developer" …): named on a 403. */
  requiredRole?: string;
}

const AUTH_HINT =
  "check key-id, issuer-id (empty only for individual keys), that the key is not revoked, and the runner's clock";
const RATE_HINT =
  "the key's hourly request budget (X-Rate-Limit) is spent, and every job using the key shares it: " +
  'wait for the hour to roll over, run fewer matrix jobs in parallel, or give heavy workflows their own key';

function withHint(message: string, hint: string): string {
  return `${message.replace(/[.\s]+$/, '')}. Hint: ${hint}.`;
}

/** The one line an action fails with, for an error thrown by its run function. */
export function failureMessage(name: string, error: unknown, options: RunActionOptions = {}): string {
  // Redact before a hint is appended, so the hint's punctuation cannot extend a token match.
  const message = redactText(error instanceof Error ? error.message : String(error));
  if (error instanceof InputError || error instanceof NetworkError) return message;
  if (error instanceof AuthenticationError) return withHint(message, AUTH_HINT);
  if (error instanceof ForbiddenError) {
    const needs = options.requiredRole
      ? `this action needs a key with the ${options.requiredRole} role (or Admin)`
      : 'use a key whose role covers what this action does';
    return withHint(message, `the key's role lacks access; ${needs} (Users and Access → Integrations)`);
  }
  if (error instanceof RateLimitError) return withHint(message, RATE_HINT);
  if (error instanceof AscError) return message;
  return withHint(message || 'unknown error', `this is a bug in ${name}; please report it with this log`);
}

/**
 * Runs an action's body. Never throws: a failure sets the exit code to 1 and prints one
 * `::error::` line (an annotation on the file and line when an InputError names them).
 */
export async function runAction(name: string, fn: () => Promise<void>, options: RunActionOptions = {}): Promise<void> {
  try {
    await fn();
  } catch (error) {
    let message = failureMessage(name, error, options);
    // A message built from hostile content (a parse error, an answer) must not carry a secret out.
    if (containsSecret(message)) message = `${name} failed with a message that held a secret (the private key or the GitHub token); it was withheld.`;
    if (error instanceof InputError && error.file) {
      annotate(message, { file: error.file, startLine: error.line });
      process.exitCode = ExitCode.Failure;
    } else {
      setFailed(message);
    }
    if (!(error instanceof AscError) && error instanceof Error && error.stack) debug(redactText(error.stack));
  }
}
