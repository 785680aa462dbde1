/** release-version's types: settings, the version as read, the plan. */
import type { Platform } from '@asc-actions/core';

export type ReleaseStep = 'release' | 'pause' | 'resume' | 'complete';

export interface Settings {
  app: string;
  platform: Platform;
  /** undefined: the version the step is for (pending release, or the one being phased in). */
  version?: string;
  step: ReleaseStep;
}

export interface PhasedRelease {
  id: string;
  state: string;
  currentDayNumber?: number;
  startDate?: string;
}

export interface VersionState {
  id: string;
  versionString: string;
  state: string;
  releaseType?: string;
  createdDate?: string;
  phasedRelease?: PhasedRelease;
}

export type Action =
  { kind: 'release-request' } | { kind: 'phased-state'; phasedReleaseId: string; to: 'PAUSED' | 'ACTIVE' | 'COMPLETE' };

export interface Plan {
  version: VersionState;
  /** undefined: already done, nothing to send. */
  action?: Action;
  /** What the run did or found, for the `result` output. */
  result: 'released' | 'paused' | 'resumed' | 'completed' | 'unchanged';
  note: string;
}
