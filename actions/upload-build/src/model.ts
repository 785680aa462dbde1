/** The action's types: what the file says, what App Store Connect has, what to do, what happened. */
import type { Platform } from '@asc-actions/core';

export type { Platform };
export const WAITS = ['processed', 'uploaded', 'none'] as const;
export type Wait = (typeof WAITS)[number];
export type FileKind = 'ipa' | 'pkg';

/** The build file on disk, checked: inside the workspace, a regular file, within Apple's size. */
export interface BuildFile {
  path: string;
  /** As the workflow named it (for messages). */
  shown: string;
  fileName: string;
  size: number;
  kind: FileKind;
  /** The uniform type identifier App Store Connect expects for the kind. */
  uti: 'com.apple.ipa' | 'com.apple.pkg';
}

/** What the app's Info.plist inside the file says (nothing for a .pkg). */
export interface BundleInfo {
  /** e.g. Payload/Demo.app/Info.plist */
  plistPath: string;
  bundleId?: string;
  version?: string;
  buildNumber?: string;
}

export interface AppRef {
  id: string;
  name: string;
  bundleId: string;
}

/** The build to upload, every value decided. */
export interface Target {
  app: AppRef;
  platform: Platform;
  version: string;
  buildNumber: string;
}

export interface StateDetail {
  code?: string;
  description?: string;
}

export type UploadState = 'AWAITING_UPLOAD' | 'PROCESSING' | 'COMPLETE' | 'FAILED';

export interface RemoteUpload {
  id: string;
  version: string;
  buildNumber: string;
  platform: string;
  /** One of UploadState, or a state Apple adds later. */
  state: string;
  errors: StateDetail[];
  warnings: StateDetail[];
  createdDate?: string;
  buildId?: string;
}

export interface RemoteBuild {
  id: string;
  buildNumber: string;
  version: string;
  processingState?: string;
}

/** What App Store Connect already has with this version and number on this platform. */
export interface Existing {
  uploads: RemoteUpload[];
  builds: RemoteBuild[];
}

export type Step =
  /** Upload nothing: App Store Connect has it; wait for or report it. */
  | { kind: 'adopt'; upload?: RemoteUpload; build?: RemoteBuild }
  /** Delete reservations a run abandoned (AWAITING_UPLOAD), then upload. */
  | { kind: 'upload'; abandoned: RemoteUpload[] };

export interface Plan {
  target: Target;
  step: Step;
}

/** The `state` output. */
export type OutcomeState = 'processed' | 'uploaded' | 'already-uploaded' | 'processing' | 'would-upload';

export interface Outcome {
  target: Target;
  file: BuildFile;
  state: OutcomeState;
  dryRun: boolean;
  /** The plan in one line (describePlan): in a dry run, what a real run would do. */
  plan: string;
  uploadId?: string;
  buildId?: string;
  /** Bytes sent by this run (0 when nothing was uploaded). */
  sent: number;
  parts: number;
  md5?: string;
  warnings: StateDetail[];
  /** Milliseconds per phase, for the summary. */
  timings: Array<{ phase: string; ms: number }>;
}
