/** The build this action hands out, as read from App Store Connect. */
import type { Build, PrereleaseVersion } from '@asc-actions/core';

export type ProcessingState = 'PROCESSING' | 'FAILED' | 'INVALID' | 'VALID';

export interface BuildInfo {
  id: string;
  /** CFBundleVersion. */
  buildNumber: string;
  /** Marketing version (the pre-release version train). */
  version: string;
  preReleaseVersionId?: string;
  platform?: string;
  processingState: ProcessingState;
  uploadedDate?: string;
  expired: boolean;
  /** Export compliance: undefined while not answered. */
  usesNonExemptEncryption?: boolean;
}

export interface BetaDetailInfo {
  id: string;
  autoNotifyEnabled?: boolean;
  internalBuildState?: string;
  externalBuildState?: string;
}

/** `1.2 (42)`, as App Store Connect shows a build. */
export function label(build: Pick<BuildInfo, 'version' | 'buildNumber'>): string {
  return `${build.version} (${build.buildNumber})`;
}

export function buildInfo(
  build: Build,
  versions: ReadonlyMap<string, PrereleaseVersion>,
  fallback?: BuildInfo,
): BuildInfo {
  const prvId =
    (build.relationships?.preReleaseVersion?.data as { id?: string } | undefined)?.id ?? fallback?.preReleaseVersionId;
  const prv = prvId ? versions.get(prvId) : undefined;
  const a = build.attributes ?? {};
  return {
    id: build.id,
    buildNumber: a.version ?? fallback?.buildNumber ?? '?',
    version: prv?.attributes?.version ?? fallback?.version ?? '?',
    preReleaseVersionId: prvId,
    platform: prv?.attributes?.platform ?? fallback?.platform,
    processingState: a.processingState ?? fallback?.processingState ?? 'PROCESSING',
    uploadedDate: a.uploadedDate ?? fallback?.uploadedDate,
    expired: a.expired ?? fallback?.expired ?? false,
    // Always requested in fields[builds]: absent means not answered yet.
    usesNonExemptEncryption: a.usesNonExemptEncryption,
  };
}

export interface AppInfo {
  id: string;
  name: string;
  bundleId: string;
  primaryLocale: string;
}

/** An existing tester and the groups it is in (all of them, or at least the target groups). */
export interface TesterInfo {
  id: string;
  email: string;
  groupIds: Set<string>;
}

/** What hangs off the build: the groups that have it, What to Test per locale, its review submission. */
export interface BuildLinks {
  groupIds: Set<string>;
  notes: Array<{ id: string; locale: string; whatsNew?: string }>;
  submission?: { id: string; state: string };
}

/** A group this run gives the build to. */
export interface GroupTarget {
  /** The group's id, or `new:<name>` for a group this run creates. */
  key: string;
  name: string;
  internal: boolean;
  created: boolean;
  /** The build was already in the group (or the internal group sees all builds). */
  hadBuild: boolean;
}
