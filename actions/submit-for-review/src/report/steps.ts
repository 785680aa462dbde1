/** Steps and readiness as people read them (log lines, the summary, error messages). */
import type { ReadinessItem, Step } from '../model.js';

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'create-version':
      return `create version ${step.versionString}`;
    case 'rename-version':
      return `rename version ${step.from} to ${step.to}`;
    case 'set-export-compliance':
      return `answer export compliance of build ${step.buildId} (uses non-exempt encryption: ${step.value})`;
    case 'attach-build':
      return `attach build ${step.buildNumber} (${step.buildId})`;
    case 'set-release-type':
      return `set release type ${step.releaseType}${step.earliestReleaseDate ? ` on ${step.earliestReleaseDate}` : ''}`;
    case 'create-phased-release':
      return 'turn on phased release (7 days)';
    case 'delete-phased-release':
      return 'turn off phased release';
    case 'cancel-submission':
      return `cancel rejected review submission ${step.submissionId}`;
    case 'create-submission':
      return 'create a review submission';
    case 'add-item':
      return 'add the version to the review submission';
    case 'submit':
      return 'submit for App Review';
  }
}

export function describeReadiness(item: ReadinessItem): string {
  return item.ok ? `✓ ${item.item}: ${item.detail}` : `✗ ${item.item}: ${item.detail} → ${item.fix}`;
}
