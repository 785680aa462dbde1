/**
 * The one place that reads this action's inputs (besides the common ones), into a typed Settings.
 * Values are only shaped here; the file is read and checked in read/.
 */
import {
  InputError,
  MARKETING_VERSION_HINT,
  PLATFORMS,
  inputs,
  isBuildNumber,
  isMarketingVersion,
  isPlatform,
  readCommonInputs,
  type CommonInputs,
} from '@asc-actions/core';
import { WAITS, type Platform, type Wait } from './model.js';

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

function checked(name: string, valid: (text: string) => boolean, what: string): string | undefined {
  const value = inputs.optional(name)?.trim();
  if (value !== undefined && !valid(value))
    throw new InputError(`Input "${name}" is ${JSON.stringify(value)}; expected ${what}.`, { input: name });
  return value;
}

function platform(): Platform | undefined {
  const value = inputs.optional('platform')?.trim().toUpperCase();
  if (value === undefined) return undefined;
  if (!isPlatform(value))
    throw new InputError(`Input "platform" is ${JSON.stringify(value)}; expected one of ${PLATFORMS.join(', ')}.`, {
      input: 'platform',
    });
  return value;
}

export function readSettings(): Settings {
  const common = readCommonInputs();
  const file = inputs.required('file').trim();
  return {
    common,
    file,
    app: inputs.optional('app')?.trim(),
    platform: platform(),
    version: checked('version', isMarketingVersion, `${MARKETING_VERSION_HINT} (CFBundleShortVersionString)`),
    buildNumber: checked(
      'build-number',
      isBuildNumber,
      'a build number such as 42 or 1.4.42: period-separated integers (CFBundleVersion)',
    ),
    wait: inputs.enumeration('wait', WAITS, 'processed'),
    processingTimeoutMs: inputs.duration('processing-timeout', 30 * 60_000),
    dryRun: common.dryRun,
  };
}
