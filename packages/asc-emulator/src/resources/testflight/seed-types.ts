/** Seed data for the TestFlight families (builds, testers, test information). */
import type { SeedReviewDetail } from '../app-store/seed-types.js';
import type { ProcessingOutcome } from './timeline.js';

export type Platform = 'IOS' | 'MAC_OS' | 'TV_OS' | 'VISION_OS';
export type BetaReviewState = 'WAITING_FOR_REVIEW' | 'IN_REVIEW' | 'REJECTED' | 'APPROVED';

export interface SeedBuild {
  id?: string;
  /** The app's id or bundle id. */
  app: string;
  /** Marketing version (CFBundleShortVersionString): the pre-release version train. */
  version: string;
  /** CFBundleVersion: the build's `version` attribute. */
  buildNumber: string;
  platform?: Platform;
  /** ISO date; default: the `uploadedAt` given to `uploadBuild`, or 2026-01-20T10:00:00Z in a seed. */
  uploadedDate?: string;
  /** Not listed until this long after upload (default 0). */
  listedAfterMs?: number;
  /** PROCESSING for this long after upload (default 0: processed). */
  processingMs?: number;
  /** Default VALID. */
  outcome?: ProcessingOutcome;
  /** Why processing failed (buildUploads `state.errors`). */
  errors?: Array<{ code: string; description: string }>;
  /** buildBetaDetail keeps answering 500 this long after processing ends (default 0). */
  betaDetailLagMs?: number;
  /** Default 2 minutes. */
  complianceReprocessMs?: number;
  /** Export compliance; default unset (MISSING_EXPORT_COMPLIANCE once processed). */
  usesNonExemptEncryption?: boolean;
  expired?: boolean;
  autoNotifyEnabled?: boolean;
  /** Groups (ids or names, of the build's app) that already have the build. */
  betaGroups?: string[];
  /** What to Test, by locale. */
  whatsNew?: Record<string, string>;
  /** An existing beta app review submission in this state. */
  betaReviewState?: BetaReviewState;
}

export interface SeedBetaTester {
  id?: string;
  email: string;
  firstName?: string;
  lastName?: string;
  inviteType?: 'EMAIL' | 'PUBLIC_LINK';
  state?: 'NOT_INVITED' | 'INVITED' | 'ACCEPTED' | 'INSTALLED' | 'REVOKED';
  /** Group ids, or names when unique across apps. */
  betaGroups?: string[];
  /** Apps (ids or bundle ids) the tester is a tester of besides its groups' apps. */
  apps?: string[];
}

export interface SeedBetaAppLocalization {
  app: string;
  locale: string;
  description?: string;
  feedbackEmail?: string;
  marketingUrl?: string;
  privacyPolicyUrl?: string;
}

/** Beta App Review takes the same contact and demo-account fields as App Review. */
export interface SeedBetaAppReviewDetail extends SeedReviewDetail {
  app: string;
}

/** The TestFlight part of a seed (an emulator seed may carry these fields besides `Seed`'s). */
export interface TestFlightSeed {
  builds?: SeedBuild[];
  betaTesters?: SeedBetaTester[];
  betaAppLocalizations?: SeedBetaAppLocalization[];
  betaAppReviewDetails?: SeedBetaAppReviewDetail[];
  /** Refuse group membership requests with more ids than this (422); Apple documents no limit. */
  testerBatchLimit?: number;
}
