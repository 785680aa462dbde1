/**
 * Getting a version out: attach its build, phased releases, release requests, and what readiness
 * reads (age rating, screenshot sets). Live behaviour and sources: docs/evidence/releases.md §2.1–2.3, §2.9.
 */
import type { Query } from '../http/types.js';
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument, type WriteOptions } from './documents.js';
import type {
  AgeRatingDeclaration,
  AgeRatingDeclarationResponse,
  AppScreenshotSet,
  AppStoreVersionBuildLinkageRequest,
  AppStoreVersionPhasedRelease,
  AppStoreVersionPhasedReleaseCreateRequest,
  AppStoreVersionPhasedReleaseResponse,
  AppStoreVersionPhasedReleaseUpdateRequest,
  AppStoreVersionReleaseRequestCreateRequest,
  AppStoreVersionReleaseRequestResponse,
  PhasedReleaseState,
} from './generated/index.js';

/** `PATCH /v1/appStoreVersions/{id}/relationships/build` (204). Replaying it is harmless. */
export async function attachBuildToVersion(client: AscClient, versionId: string, buildId: string): Promise<void> {
  const body: AppStoreVersionBuildLinkageRequest = { data: { type: 'builds', id: buildId } };
  await client.patch(`/v1/appStoreVersions/${encodeURIComponent(versionId)}/relationships/build`, body, {
    safeToRetry: true,
  });
}

/** Created INACTIVE, the one state known to be accepted before release (fastlane; §2.3). */
export async function createPhasedRelease(
  client: AscClient,
  versionId: string,
  options: WriteOptions = {},
): Promise<AppStoreVersionPhasedRelease> {
  const body: AppStoreVersionPhasedReleaseCreateRequest = {
    data: {
      type: 'appStoreVersionPhasedReleases',
      attributes: { phasedReleaseState: 'INACTIVE' },
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } } },
    },
  };
  return (await client.post<AppStoreVersionPhasedReleaseResponse>('/v1/appStoreVersionPhasedReleases', body, options))
    .data.data;
}

/** Pause (PAUSED), resume (ACTIVE) or release to everyone now (COMPLETE). Setting a state twice is harmless. */
export async function updatePhasedRelease(
  client: AscClient,
  id: string,
  state: PhasedReleaseState,
): Promise<AppStoreVersionPhasedRelease> {
  const body: AppStoreVersionPhasedReleaseUpdateRequest = {
    data: { type: 'appStoreVersionPhasedReleases', id, attributes: { phasedReleaseState: state } },
  };
  return (
    await client.patch<AppStoreVersionPhasedReleaseResponse>(
      `/v1/appStoreVersionPhasedReleases/${encodeURIComponent(id)}`,
      body,
      { safeToRetry: true },
    )
  ).data.data;
}

/** Only a phased release that has not started (INACTIVE) can be deleted. */
export async function deletePhasedRelease(client: AscClient, id: string): Promise<void> {
  await client.delete(`/v1/appStoreVersionPhasedReleases/${encodeURIComponent(id)}`);
}

/** Releases a PENDING_DEVELOPER_RELEASE version. Irreversible: never replayed blindly (§2.9). */
export async function createReleaseRequest(client: AscClient, versionId: string): Promise<string> {
  const body: AppStoreVersionReleaseRequestCreateRequest = {
    data: {
      type: 'appStoreVersionReleaseRequests',
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } } },
    },
  };
  return (await client.post<AppStoreVersionReleaseRequestResponse>('/v1/appStoreVersionReleaseRequests', body)).data
    .data.id;
}

export async function getAgeRatingDeclaration(client: AscClient, appInfoId: string): Promise<AgeRatingDeclaration> {
  return (
    await client.get<AgeRatingDeclarationResponse>(`/v1/appInfos/${encodeURIComponent(appInfoId)}/ageRatingDeclaration`)
  ).data.data;
}

/** A localization's screenshot sets (`include=appScreenshots` brings the screenshots). */
export function listScreenshotSets(
  client: AscClient,
  localizationId: string,
  query: Query = {},
): Promise<CollectedDocument<AppScreenshotSet>> {
  return collect<AppScreenshotSet>(
    client,
    `/v1/appStoreVersionLocalizations/${encodeURIComponent(localizationId)}/appScreenshotSets`,
    query,
  );
}
