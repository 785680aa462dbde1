/**
 * The app's versions on the platform, each with its build, phased release, App Review contact
 * and localizations, in one request (includes), so a rerun costs few reads.
 */
import {
  includedOfType,
  linkedIds,
  listAppStoreVersions,
  type AppStoreReviewDetail,
  type AppStoreVersion,
  type AppStoreVersionLocalization,
  type AppStoreVersionPhasedRelease,
  type AscClient,
  type Build,
  type Platform,
} from '@asc-actions/core';
import type { BuildInfo, VersionInfo } from '../model.js';

export function buildInfo(build: Build, train?: { version?: string; platform?: string }): BuildInfo {
  const a = build.attributes ?? {};
  return {
    id: build.id,
    number: a.version ?? '',
    version: train?.version,
    platform: train?.platform,
    processingState: a.processingState,
    expired: a.expired === true,
    usesNonExemptEncryption: a.usesNonExemptEncryption ?? undefined,
  };
}

function versionInfo(v: AppStoreVersion, included: readonly unknown[]): VersionInfo {
  const builds = includedOfType<Build>(included, 'builds');
  const phased = includedOfType<AppStoreVersionPhasedRelease>(included, 'appStoreVersionPhasedReleases');
  const details = includedOfType<AppStoreReviewDetail>(included, 'appStoreReviewDetails');
  const locs = includedOfType<AppStoreVersionLocalization>(included, 'appStoreVersionLocalizations');
  const a = v.attributes ?? {};
  const build = builds.get(linkedIds(v.relationships?.build)[0] ?? '');
  const phase = phased.get(linkedIds(v.relationships?.appStoreVersionPhasedRelease)[0] ?? '');
  const detail = details.get(linkedIds(v.relationships?.appStoreReviewDetail)[0] ?? '');
  const d = detail?.attributes ?? {};
  return {
    id: v.id,
    versionString: a.versionString ?? '',
    state: a.appVersionState ?? a.appStoreState ?? 'UNKNOWN',
    releaseType: a.releaseType ?? undefined,
    earliestReleaseDate: a.earliestReleaseDate ?? undefined,
    createdDate: a.createdDate ?? undefined,
    build: build ? buildInfo(build, { version: a.versionString, platform: a.platform }) : undefined,
    phasedRelease: phase ? { id: phase.id, state: phase.attributes?.phasedReleaseState ?? 'UNKNOWN' } : undefined,
    reviewContact: detail
      ? {
          firstName: d.contactFirstName ?? undefined,
          lastName: d.contactLastName ?? undefined,
          phone: d.contactPhone ?? undefined,
          email: d.contactEmail ?? undefined,
        }
      : undefined,
    localizations: linkedIds(v.relationships?.appStoreVersionLocalizations).flatMap((id) => {
      const l = locs.get(id);
      const la = l?.attributes ?? {};
      return l
        ? [
            {
              id: l.id,
              locale: la.locale ?? '',
              description: la.description ?? undefined,
              keywords: la.keywords ?? undefined,
              supportUrl: la.supportUrl ?? undefined,
              whatsNew: la.whatsNew ?? undefined,
            },
          ]
        : [];
    }),
  };
}

export async function readVersions(client: AscClient, appId: string, platform: Platform): Promise<VersionInfo[]> {
  const doc = await listAppStoreVersions(client, appId, {
    'filter[platform]': [platform],
    include: ['build', 'appStoreVersionPhasedRelease', 'appStoreReviewDetail', 'appStoreVersionLocalizations'],
    'limit[appStoreVersionLocalizations]': 50,
    limit: 200,
  });
  return doc.data.map((v) => versionInfo(v, doc.included));
}
