/** The one place that reads release-version's inputs. A bad input is one clear InputError, before any request. */
import { InputError, inputs, type Platform } from '@asc-actions/core';
import type { ReleaseStep, Settings } from './model.js';

const PLATFORMS: readonly Platform[] = ['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS'];
const STEPS: readonly ReleaseStep[] = ['release', 'pause', 'resume', 'complete'];

export function readSettings(): Settings {
  const version = inputs.optional('version')?.trim() || undefined;
  if (version !== undefined && !/^\d+(\.\d+){0,2}$/.test(version)) {
    throw new InputError(`Input "version" must be one to three numbers separated by dots (1.5, 1.5.1); got "${version.slice(0, 40)}".`, { input: 'version' });
  }
  const step = inputs.optional('step')?.trim();
  if (!step) throw new InputError(`Input "step" is required: one of ${STEPS.join(', ')}.`, { input: 'step' });
  return {
    app: inputs.required('app').trim(),
    platform: inputs.enumeration('platform', PLATFORMS, 'IOS'),
    version,
    step: inputs.enumeration('step', STEPS, 'release'),
  };
}
