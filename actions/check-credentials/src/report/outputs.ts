import { setOutputs } from '@asc-actions/core';
import type { CheckResult } from '../model.js';

export function writeOutputs(result: CheckResult): void {
  setOutputs({
    'key-type': result.keyType,
    'rate-limit-limit': result.rateLimit.limit ?? '',
    'rate-limit-remaining': result.rateLimit.remaining ?? '',
    'apps-visible': result.appsVisible,
    'clock-skew-seconds': result.clockSkewSeconds ?? '',
    result: JSON.stringify(result),
  });
}
