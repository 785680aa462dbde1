/**
 * The core's Logger, backed by the runner's log commands. Every message is sanitized (control
 * characters and ANSI escapes made visible, workflow commands defused) and passes the secret
 * tripwire, here, so no call site can forget.
 */
import { debug, info, warning } from '@actions/core';
import type { Logger } from '../logger.js';
import { guardSink } from '../secrets/tripwire.js';
import { sanitizeLogText } from './log-text.js';

/** Sanitized and checked: what may be printed of `message`. */
export function loggable(message: string): string {
  guardSink('a log line', message);
  return sanitizeLogText(message);
}

export function actionsLogger(): Logger {
  return {
    debug: (message) => debug(loggable(message)),
    info: (message) => info(loggable(message)),
    warning: (message) => warning(loggable(message)),
  };
}
