/** The action's outputs: submission-id, state, version-id, build-id, readiness (JSON). */
import { setOutputs } from '@asc-actions/core';
import type { ReadinessItem } from '../model.js';

export interface Result {
  submissionId?: string;
  state: string;
  versionId?: string;
  versionString: string;
  buildId?: string;
  readiness: ReadinessItem[];
}

export function writeOutputs(r: Result): void {
  setOutputs({
    'submission-id': r.submissionId ?? '',
    state: r.state,
    'version-id': r.versionId ?? '',
    'build-id': r.buildId ?? '',
    readiness: JSON.stringify({ ready: r.readiness.every((i) => i.ok), items: r.readiness }),
  });
}
