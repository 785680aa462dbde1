/** submit-for-review's types: settings, what App Store Connect holds now, readiness, the plan. */
import type { AppAvailabilitySummary, Platform } from '@asc-actions/core';

export type ReleaseType = 'AFTER_APPROVAL' | 'MANUAL' | 'SCHEDULED';
export type BuildChoice = { kind: 'id'; id: string } | { kind: 'number'; number: string } | { kind: 'attached' };

export interface Settings {
  app: string;
  platform: Platform;
  /** undefined: the one version in preparation. */
  version?: string;
  createVersion: boolean;
  build: BuildChoice;
  releaseType: ReleaseType;
  /** ISO 8601, only with SCHEDULED. */
  releaseDate?: string;
  phasedRelease: boolean;
  usesNonExemptEncryption?: boolean;
  wait: 'none' | 'waiting-for-review';
  waitTimeoutMs: number;
  cancelUnresolved: boolean;
}

export interface AppInfo {
  id: string;
  name: string;
  primaryLocale?: string;
  contentRights?: string;
}

export interface BuildInfo {
  id: string;
  number: string;
  /** The build's train (marketing version) and platform. */
  version?: string;
  platform?: string;
  processingState?: string;
  expired: boolean;
  usesNonExemptEncryption?: boolean;
}

export interface LocalizationInfo {
  id: string;
  locale: string;
  description?: string;
  keywords?: string;
  supportUrl?: string;
  whatsNew?: string;
}

export interface VersionInfo {
  id: string;
  versionString: string;
  state: string;
  releaseType?: string;
  earliestReleaseDate?: string;
  createdDate?: string;
  build?: BuildInfo;
  phasedRelease?: { id: string; state: string };
  reviewContact?: Record<string, string | undefined>;
  localizations: LocalizationInfo[];
}

export interface SubmissionInfo {
  id: string;
  state: string;
  itemCount: number;
  /** The version the submission holds (`appStoreVersionForReview`). */
  versionId?: string;
}

/** Everything read before the plan. */
export interface RemoteState {
  app: AppInfo;
  versions: VersionInfo[];
  submissions: SubmissionInfo[];
  /** The build the inputs name (build-id / build-number), when they name one. */
  build?: BuildInfo;
  /** Builds with the build number, of any version (to explain a mismatch). */
  otherBuilds: BuildInfo[];
  /** Screenshot display types with at least one screenshot, on the primary locale; undefined: not read. */
  screenshots?: string[];
  /** undefined: not read (no app info). */
  ageRatingDeclared?: boolean;
  /** Price and territories (Pricing and Availability); undefined: not read (already submitted). */
  pricing?: PricingState;
}

export interface PricingState {
  /** A price schedule with a manual price. */
  hasPrice: boolean;
  /** No availability set at all, or set with or without an available territory. */
  availability: AppAvailabilitySummary;
}

export type ReadinessItemName =
  | 'build'
  | 'export-compliance'
  | 'whats-new'
  | 'description'
  | 'keywords'
  | 'support-url'
  | 'screenshots'
  | 'age-rating'
  | 'review-contact'
  | 'content-rights'
  | 'price'
  | 'availability';

export interface ReadinessItem {
  item: ReadinessItemName;
  ok: boolean;
  /** What is there or missing, e.g. "missing for de-DE, fr-FR". */
  detail: string;
  /** Which action or input fixes it (only when not ok). */
  fix?: string;
}

export type Step =
  | { kind: 'create-version'; versionString: string }
  | { kind: 'rename-version'; versionId: string; from: string; to: string }
  | { kind: 'set-export-compliance'; buildId: string; value: boolean }
  | { kind: 'attach-build'; buildId: string; buildNumber: string }
  | { kind: 'set-release-type'; releaseType: ReleaseType; earliestReleaseDate?: string }
  | { kind: 'create-phased-release' }
  | { kind: 'delete-phased-release'; phasedReleaseId: string }
  | { kind: 'cancel-submission'; submissionId: string }
  | { kind: 'create-submission' }
  | { kind: 'add-item' }
  | { kind: 'submit' };

export interface Plan {
  /** `submit`: steps to run; `already`: submitted before, nothing to do. */
  outcome: 'submit' | 'already';
  version: { id?: string; versionString: string; state: string };
  buildId?: string;
  /** The draft submission reused, when there is one. */
  submissionId?: string;
  steps: Step[];
  readiness: ReadinessItem[];
}
