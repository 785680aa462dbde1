/** Version localizations: description, keywords, promotional text, what's new, marketing and support URLs. */
import type { Query } from '../http/types.js';
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument, type WriteOptions } from './documents.js';
import type {
  AppStoreVersionLocalization,
  AppStoreVersionLocalizationCreateRequest,
  AppStoreVersionLocalizationResponse,
  AppStoreVersionLocalizationUpdateRequest,
} from './generated/index.js';

export type AppStoreVersionLocalizationAttributes = NonNullable<
  AppStoreVersionLocalizationUpdateRequest['data']['attributes']
>;

export function listAppStoreVersionLocalizations(
  client: AscClient,
  versionId: string,
  query: Query = {},
): Promise<CollectedDocument<AppStoreVersionLocalization>> {
  return collect<AppStoreVersionLocalization>(
    client,
    `/v1/appStoreVersions/${encodeURIComponent(versionId)}/appStoreVersionLocalizations`,
    query,
  );
}

export async function createAppStoreVersionLocalization(
  client: AscClient,
  versionId: string,
  attributes: AppStoreVersionLocalizationCreateRequest['data']['attributes'],
  options: WriteOptions = {},
): Promise<AppStoreVersionLocalization> {
  const body: AppStoreVersionLocalizationCreateRequest = {
    data: {
      type: 'appStoreVersionLocalizations',
      attributes,
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } } },
    },
  };
  return (await client.post<AppStoreVersionLocalizationResponse>('/v1/appStoreVersionLocalizations', body, options))
    .data.data;
}

export async function updateAppStoreVersionLocalization(
  client: AscClient,
  id: string,
  attributes: AppStoreVersionLocalizationAttributes,
  options: WriteOptions = {},
): Promise<AppStoreVersionLocalization> {
  const body: AppStoreVersionLocalizationUpdateRequest = {
    data: { type: 'appStoreVersionLocalizations', id, attributes },
  };
  const path = `/v1/appStoreVersionLocalizations/${encodeURIComponent(id)}`;
  return (await client.patch<AppStoreVersionLocalizationResponse>(path, body, options)).data.data;
}
