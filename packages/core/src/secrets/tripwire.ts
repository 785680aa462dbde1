/**
 * The secret tripwire: every sink an action writes to (outputs, job summary, PR comment, log
 * lines, request bodies) calls `guardSink` first. If the text holds the key (any encoding) or
 * the GitHub token, the step stops with a SecretLeakError naming the sink, and nothing is sent.
 */
import { AscError } from '../errors.js';
import { containsSecret } from './registry.js';

export class SecretLeakError extends AscError {
  readonly sink: string;
  constructor(sink: string) {
    super(
      `A secret (the App Store Connect private key or the GitHub token) reached ${sink}; the step stopped and nothing was sent there. ` +
        'Check the files and inputs this step reads: a committed symlink or an input that expands a secret can carry it.',
    );
    this.sink = sink;
  }
}

/** Throws SecretLeakError when `text` holds a registered secret. */
export function guardSink(sink: string, text: string): void {
  if (containsSecret(text)) throw new SecretLeakError(sink);
}
