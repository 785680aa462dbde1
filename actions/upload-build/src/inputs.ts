/**
 * The one place that reads this action's inputs (besides the common ones), into a typed Settings.
 * Values are only shaped here; the file is read and checked in read/.
 */
import { InputError, inputs, readCommonInputs, type CommonInputs } from '@asc-actions/core';
import { PLATFORMS, WAITS, type Platform, type Wait } from './model.js';

export interface Settings {
  common: CommonInputs;
  /** As given (relative to the workspace, or absolute inside it). */
  file: string;
  /** Bundle id or Apple ID; default: CFBundleIdentifier from the file. */
  app?: string;
  /** Default by file kind. */
  platform?: Platform;
  version?: string;
  buildNumber?: string;
  wait: Wait;
  processingTimeoutMs: number;
  dryRun: boolean;
}

/** CFBundleShortVersionString: one to three period-separated integers (Apple's rule). */
export const VERSION_PATTERN = /^\d+(\.\d+){0,2}$/;
/** CFBundleVersion: one to three period-separated integers (Apple's rule). */
export const BUILD_NUMBER_PATTERN = /^\d+(\.\d+){0,2}$/;

function checked(name: string, pattern: RegExp, what: string): string | undefined {
  const value = inputs.optional(name)?.trim();
  if (value !== undefined && !pattern.test(value)) throw new InputError(`Input "${name}" is ${JSON.stringify(value)}; expected ${what}.`, { input: name });
  return value;
}

function platform(): Platform | undefined {
  const value = inputs.optional('platform')?.trim().toUpperCase();
  if (value === undefined) return undefined;
  if (!(PLATFORMS as readonly string[]).includes(value)) throw new InputError(`Input "platform" is ${JSON.stringify(value)}; expected one of ${PLATFORMS.join(', ')}.`, { input: 'platform' });
  return value as Platform;
}

export function readSettings(): Settings {
  const common = readCommonInputs();
  const file = inputs.required('file').trim();
  return {
    common,
    file,
    app: inputs.optional('app')?.trim(),
    platform: platform(),
    version: checked('version', VERSION_PATTERN, 'a version such as 1.4 or 1.4.2 (CFBundleShortVersionString)'),
    buildNumber: checked('build-number', BUILD_NUMBER_PATTERN, 'a build number such as 42 or 1.4.42 (CFBundleVersion)'),
    wait: inputs.enumeration('wait', WAITS, 'processed'),
    processingTimeoutMs: inputs.duration('processing-timeout', 30 * 60_000),
    dryRun: common.dryRun,
  };
}
