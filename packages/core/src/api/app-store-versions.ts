/** App Store versions: the editable version a release fills in, its copyright and version string. */
import type { Query } from '../http/types.js';
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument, type WriteOptions } from './documents.js';
import type {
  AppStoreVersion,
  AppStoreVersionCreateRequest,
  AppStoreVersionResponse,
  AppStoreVersionUpdateRequest,
  AppVersionState,
} from './generated/index.js';

/**
 * The states in which a version's metadata can be edited (fastlane's set, in the
 * `appVersionState` names; `appStoreState` and its filter are deprecated).
 */
export const EDITABLE_VERSION_STATES: readonly AppVersionState[] = [
  'PREPARE_FOR_SUBMISSION',
  'DEVELOPER_REJECTED',
  'REJECTED',
  'METADATA_REJECTED',
  'WAITING_FOR_REVIEW',
  'INVALID_BINARY',
];

/** Released and on the App Store now (a release step finds nothing left to do). */
export const ON_SALE_VERSION_STATES: ReadonlySet<string> = new Set([
  'READY_FOR_DISTRIBUTION',
  'READY_FOR_SALE',
  'PROCESSING_FOR_DISTRIBUTION',
]);

/** Released once, never to be released again: replaced by a newer version, or taken off sale. */
export const RETIRED_VERSION_STATES: ReadonlySet<string> = new Set([
  'REPLACED_WITH_NEW_VERSION',
  'REMOVED_FROM_SALE',
  'DEVELOPER_REMOVED_FROM_SALE',
]);

/** A version that reached the App Store at some point (the platform's next version is an update). */
export const RELEASED_VERSION_STATES: ReadonlySet<string> = new Set([
  ...ON_SALE_VERSION_STATES,
  ...RETIRED_VERSION_STATES,
]);

export type AppStoreVersionAttributes = NonNullable<AppStoreVersionUpdateRequest['data']['attributes']>;

/** `GET /v1/apps/{id}/appStoreVersions`, every page. */
export function listAppStoreVersions(
  client: AscClient,
  appId: string,
  query: Query = {},
): Promise<CollectedDocument<AppStoreVersion>> {
  return collect<AppStoreVersion>(client, `/v1/apps/${encodeURIComponent(appId)}/appStoreVersions`, query);
}

export async function createAppStoreVersion(
  client: AscClient,
  appId: string,
  attributes: AppStoreVersionCreateRequest['data']['attributes'],
  options: WriteOptions = {},
): Promise<AppStoreVersion> {
  const body: AppStoreVersionCreateRequest = {
    data: { type: 'appStoreVersions', attributes, relationships: { app: { data: { type: 'apps', id: appId } } } },
  };
  return (await client.post<AppStoreVersionResponse>('/v1/appStoreVersions', body, options)).data.data;
}

export async function updateAppStoreVersion(
  client: AscClient,
  id: string,
  attributes: AppStoreVersionAttributes,
  options: WriteOptions = {},
): Promise<AppStoreVersion> {
  const body: AppStoreVersionUpdateRequest = { data: { type: 'appStoreVersions', id, attributes } };
  return (await client.patch<AppStoreVersionResponse>(`/v1/appStoreVersions/${encodeURIComponent(id)}`, body, options))
    .data.data;
}
