/** What the steps share while they run: the client, ids that steps create, what was applied. */
import type { AscClient, Clock, Logger, Platform } from '@asc-actions/core';
import type { Step } from '../model.js';

export interface ApplyContext {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  appId: string;
  platform: Platform;
  /** Set by create-version when the version is new. */
  versionId?: string;
  /** The draft reused, or set by create-submission. */
  submissionId?: string;
  /** The submission's state as the submit step's answer (or its reconciling read) gave it. */
  submittedState?: string;
  /** How long a build may reprocess after export compliance is answered. */
  processingTimeoutMs: number;
  applied: Step[];
}
