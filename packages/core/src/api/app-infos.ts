/** App infos (the app-level record behind name, subtitle, privacy URLs and categories). */
import type { Query } from './client-like.js';
import { collect, type CollectedDocument, type DocumentClientLike, type WriteOptions } from './documents.js';
import type { AppInfo, AppInfoUpdateRequest, AppInfoResponse } from './generated/index.js';

/** `GET /v1/apps/{id}/appInfos`, every page, with whatever `include` the query asks for. */
export function listAppInfos(client: DocumentClientLike, appId: string, query: Query = {}): Promise<CollectedDocument<AppInfo>> {
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
  client: DocumentClientLike,
  appInfoId: string,
  categories: Partial<Record<CategoryRelationship, string>>,
  options: WriteOptions = {},
): Promise<AppInfo> {
  const relationships: NonNullable<AppInfoUpdateRequest['data']['relationships']> = {};
  for (const [name, id] of Object.entries(categories) as Array<[CategoryRelationship, string]>) {
    relationships[name] = { data: { type: 'appCategories', id } };
  }
  const body: AppInfoUpdateRequest = { data: { type: 'appInfos', id: appInfoId, relationships } };
  const response = await client.patch<AppInfoResponse>(`/v1/appInfos/${encodeURIComponent(appInfoId)}`, body, options);
  return response.data.data;
}
