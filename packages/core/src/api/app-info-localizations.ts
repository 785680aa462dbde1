/** App info localizations: name, subtitle, privacy policy URL and text, privacy choices URL. */
import type { Query } from '../http/types.js';
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument, type WriteOptions } from './documents.js';
import type {
  AppInfoLocalization,
  AppInfoLocalizationCreateRequest,
  AppInfoLocalizationResponse,
  AppInfoLocalizationUpdateRequest,
} from './generated/index.js';

export type AppInfoLocalizationAttributes = NonNullable<AppInfoLocalizationUpdateRequest['data']['attributes']>;

export function listAppInfoLocalizations(
  client: AscClient,
  appInfoId: string,
  query: Query = {},
): Promise<CollectedDocument<AppInfoLocalization>> {
  return collect<AppInfoLocalization>(
    client,
    `/v1/appInfos/${encodeURIComponent(appInfoId)}/appInfoLocalizations`,
    query,
  );
}

/** `POST /v1/appInfoLocalizations`; `name` is required by Apple for a new locale. */
export async function createAppInfoLocalization(
  client: AscClient,
  appInfoId: string,
  attributes: AppInfoLocalizationCreateRequest['data']['attributes'],
  options: WriteOptions = {},
): Promise<AppInfoLocalization> {
  const body: AppInfoLocalizationCreateRequest = {
    data: {
      type: 'appInfoLocalizations',
      attributes,
      relationships: { appInfo: { data: { type: 'appInfos', id: appInfoId } } },
    },
  };
  return (await client.post<AppInfoLocalizationResponse>('/v1/appInfoLocalizations', body, options)).data.data;
}

export async function updateAppInfoLocalization(
  client: AscClient,
  id: string,
  attributes: AppInfoLocalizationAttributes,
  options: WriteOptions = {},
): Promise<AppInfoLocalization> {
  const body: AppInfoLocalizationUpdateRequest = { data: { type: 'appInfoLocalizations', id, attributes } };
  return (
    await client.patch<AppInfoLocalizationResponse>(`/v1/appInfoLocalizations/${encodeURIComponent(id)}`, body, options)
  ).data.data;
}
