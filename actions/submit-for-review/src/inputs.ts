/**
 * The one place that reads submit-for-review's inputs (besides the common ones). Everything is
 * checked here, before the first request: a bad input is one clear InputError and no writes.
 */
import {
  InputError,
  MARKETING_VERSION_HINT,
  PLATFORMS,
  inputs,
  isBuildNumber,
  isMarketingVersion,
} from '@asc-actions/core';
import type { BuildChoice, ReleaseType, Settings } from './model.js';

const RELEASE_TYPES = ['after-approval', 'manual', 'scheduled'] as const;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

export function readSettings(now: number): Settings {
  const releaseType = readReleaseType();
  return {
    app: inputs.required('app').trim(),
    platform: inputs.enumeration('platform', PLATFORMS, 'IOS'),
    version: readVersion(),
    createVersion: inputs.boolean('create-version', false),
    build: readBuild(),
    releaseType,
    releaseDate: readReleaseDate(releaseType, now),
    phasedRelease: inputs.boolean('phased-release', false),
    usesNonExemptEncryption: readCompliance(),
    wait: inputs.enumeration('wait', ['none', 'waiting-for-review'] as const, 'none'),
    waitTimeoutMs: inputs.duration('wait-timeout', 10 * 60_000),
    cancelUnresolved: inputs.boolean('cancel-unresolved', false),
  };
}

function readVersion(): string | undefined {
  const value = inputs.optional('version')?.trim();
  if (value === undefined || value === '') {
    if (inputs.boolean('create-version', false))
      throw new InputError(
        'Input "create-version" is true but "version" is empty: say which version to create, e.g. version: 1.5.',
        { input: 'version' },
      );
    return undefined;
  }
  if (!isMarketingVersion(value))
    throw new InputError(`Input "version" must be ${MARKETING_VERSION_HINT}; got "${value.slice(0, 40)}".`, {
      input: 'version',
    });
  return value;
}

function readBuild(): BuildChoice {
  const id = inputs.optional('build-id')?.trim();
  const number = inputs.optional('build-number')?.trim();
  if (id && number)
    throw new InputError('Give "build-id" (upload-build\'s output) or "build-number", not both.', {
      input: 'build-id',
    });
  if (id) {
    if (!/^[\w-]{1,64}$/.test(id))
      throw new InputError(
        `Input "build-id" must be a build's id as App Store Connect gives it (upload-build's build-id output); got "${id.slice(0, 40)}".`,
        { input: 'build-id' },
      );
    return { kind: 'id', id };
  }
  if (number) {
    if (!isBuildNumber(number))
      throw new InputError(
        `Input "build-number" must be a CFBundleVersion such as 42 or 1.4.2; got "${number.slice(0, 40)}".`,
        { input: 'build-number' },
      );
    return { kind: 'number', number };
  }
  return { kind: 'attached' };
}

function readReleaseType(): ReleaseType {
  const value = inputs.enumeration('release-type', RELEASE_TYPES, 'after-approval');
  return value.toUpperCase().replace('-', '_') as ReleaseType;
}

function readReleaseDate(releaseType: ReleaseType, now: number): string | undefined {
  const value = inputs.optional('release-date')?.trim();
  if (releaseType !== 'SCHEDULED') {
    if (value)
      throw new InputError(
        `Input "release-date" is set but "release-type" is not scheduled: set release-type: scheduled, or remove release-date.`,
        { input: 'release-date' },
      );
    return undefined;
  }
  if (!value)
    throw new InputError(
      'Input "release-type" is scheduled but "release-date" is empty: give the date and time in ISO 8601, e.g. 2026-12-24T09:00:00Z.',
      { input: 'release-date' },
    );
  const ms = ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw new InputError(
      `Input "release-date" must be a date and time in ISO 8601, e.g. 2026-12-24T09:00:00Z; got "${value.slice(0, 40)}".`,
      { input: 'release-date' },
    );
  if (ms <= now)
    throw new InputError(
      `Input "release-date" (${value}) is in the past: a scheduled release needs a future date (now is ${new Date(now).toISOString()}).`,
      { input: 'release-date' },
    );
  return new Date(ms).toISOString();
}

function readCompliance(): boolean | undefined {
  if (inputs.optional('uses-non-exempt-encryption') === undefined) return undefined;
  return inputs.boolean('uses-non-exempt-encryption', false);
}
