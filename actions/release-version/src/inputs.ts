/** The one place that reads release-version's inputs. A bad input is one clear InputError, before any request. */
import { InputError, MARKETING_VERSION_HINT, PLATFORMS, inputs, isMarketingVersion } from '@asc-actions/core';
import type { ReleaseStep, Settings } from './model.js';

const STEPS: readonly ReleaseStep[] = ['release', 'pause', 'resume', 'complete'];

export function readSettings(): Settings {
  const version = inputs.optional('version')?.trim() || undefined;
  if (version !== undefined && !isMarketingVersion(version)) {
    throw new InputError(`Input "version" must be ${MARKETING_VERSION_HINT}; got "${version.slice(0, 40)}".`, {
      input: 'version',
    });
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
