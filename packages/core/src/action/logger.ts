/** The core's Logger, backed by the runner's log commands. */
import { debug, info, warning } from '@actions/core';
import type { Logger } from '../logger.js';

export function actionsLogger(): Logger {
  return {
    debug: (message) => debug(message),
    info: (message) => info(message),
    warning: (message) => warning(message),
  };
}
