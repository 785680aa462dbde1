/** App infos (the app-level record behind name, subtitle, privacy URLs and categories). */
import type { Query } from '../http/types.js';
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument, type WriteOptions } from './documents.js';
import type { AppInfo, AppInfoUpdateRequest, AppInfoResponse } from './generated/index.js';

/** `GET /v1/apps/{id}/appInfos`, every page, with whatever `include` the query asks for. */
export function listAppInfos(client: AscClient, appId: string, query: Query = {}): Promise<CollectedDocument<AppInfo>> {
  return collect<AppInfo>(client, `/v1/apps/${encodeURIComponent(appId)}/appInfos`, query);
}

export type CategoryRelationship =
  | 'primaryCategory'
  | 'primarySubcategoryOne'
  | 'primarySubcategoryTwo'
  | 'secondaryCategory'
  | 'secondarySubcategoryOne'
  | 'secondarySubcategoryTwo';

/** `PATCH /v1/appInfos/{id}`: categories are relationships; the request has no attributes. */
export async function updateAppInfoCategories(
  client: AscClient,
  appInfoId: string,
  categories: Partial<Record<CategoryRelationship, string | null>>,
  options: WriteOptions = {},
): Promise<AppInfo> {
  // null clears a category (`{ data: null }`): App Store Connect takes it though 4.4.1 does not say so
  // (fastlane's spaceship patch_app_info_categories sends it for every category it does not set).
  const relationships: Record<string, { data: { type: 'appCategories'; id: string } | null }> = {};
  for (const [name, id] of Object.entries(categories) as Array<[CategoryRelationship, string | null]>) {
    relationships[name] = { data: id === null ? null : { type: 'appCategories', id } };
  }
  const body = { data: { type: 'appInfos', id: appInfoId, relationships } } as unknown as AppInfoUpdateRequest;
  const response = await client.patch<AppInfoResponse>(`/v1/appInfos/${encodeURIComponent(appInfoId)}`, body, options);
  return response.data.data;
}
