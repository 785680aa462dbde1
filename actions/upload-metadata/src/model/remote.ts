/** What App Store Connect has now, reduced to what the planner compares. */
import type { CategoryRelationship } from '@asc-actions/core';

export interface RemoteLocalization {
  id: string;
  locale: string;
  /** API attribute → value; absent and null both read as undefined. */
  attributes: Record<string, string | undefined>;
}

export interface RemoteAppInfo {
  id: string;
  state: string;
  categories: Partial<Record<CategoryRelationship, string>>;
  /** The app info's age rating declaration: its id and the answers given (unset ones absent). */
  ageRating?: { id: string; answers: Record<string, string | boolean> };
  localizations: RemoteLocalization[];
}

export interface VersionSummary {
  id: string;
  versionString: string;
  state: string;
  createdDate?: string;
}

export interface RemoteReviewDetail {
  id: string;
  attributes: Record<string, string | boolean | undefined>;
}

export interface RemoteVersion extends VersionSummary {
  copyright?: string;
  localizations: RemoteLocalization[];
  reviewDetail?: RemoteReviewDetail;
}

export interface RemoteApp {
  id: string;
  bundleId: string;
  name: string;
  primaryLocale: string;
}

export interface RemoteState {
  app: RemoteApp;
  appInfos: RemoteAppInfo[];
  /** Every version of the platform (light: no localizations). */
  versions: VersionSummary[];
  /** The versions read in full (editable ones, or the live one for edit-live). */
  candidates: RemoteVersion[];
}
