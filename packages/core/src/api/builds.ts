/** TestFlight builds: list, read, update (expiry, export compliance), beta detail, uploads. */
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument, type WriteOptions } from './documents.js';
import type {
  AppsBuildUploadsGetToManyRelatedQuery,
  Build,
  BuildBetaDetail,
  BuildBetaDetailResponse,
  BuildBetaDetailUpdateRequest,
  BuildResponse,
  BuildsGetCollectionQuery,
  BuildsGetInstanceQuery,
  BuildUpdateRequest,
  BuildUpload,
} from './generated/index.js';

export type BuildAttributes = NonNullable<NonNullable<BuildUpdateRequest['data']['attributes']>>;

/** `GET /v1/builds` across pages (data and included). */
export function listBuilds(
  client: AscClient,
  query: BuildsGetCollectionQuery,
  options: { maxItems?: number } = {},
): Promise<CollectedDocument<Build>> {
  return collect<Build>(client, '/v1/builds', query, options);
}

export async function getBuild(
  client: AscClient,
  id: string,
  query: BuildsGetInstanceQuery = {},
): Promise<BuildResponse> {
  return (await client.get<BuildResponse>(`/v1/builds/${encodeURIComponent(id)}`, query)).data;
}

export async function updateBuild(
  client: AscClient,
  id: string,
  attributes: BuildAttributes,
  options: WriteOptions = {},
): Promise<Build> {
  const body: BuildUpdateRequest = { data: { type: 'builds', id, attributes } };
  return (await client.patch<BuildResponse>(`/v1/builds/${encodeURIComponent(id)}`, body, options)).data.data;
}

/** `GET /v1/builds/{id}/buildBetaDetail` (answers 5xx while the build still processes). */
export async function getBuildBetaDetail(client: AscClient, buildId: string): Promise<BuildBetaDetail> {
  return (await client.get<BuildBetaDetailResponse>(`/v1/builds/${encodeURIComponent(buildId)}/buildBetaDetail`)).data
    .data;
}

export async function updateBuildBetaDetail(
  client: AscClient,
  id: string,
  attributes: NonNullable<BuildBetaDetailUpdateRequest['data']['attributes']>,
  options: WriteOptions = {},
): Promise<BuildBetaDetail> {
  const body: BuildBetaDetailUpdateRequest = { data: { type: 'buildBetaDetails', id, attributes } };
  return (await client.patch<BuildBetaDetailResponse>(`/v1/buildBetaDetails/${encodeURIComponent(id)}`, body, options))
    .data.data;
}

/** `GET /v1/apps/{id}/buildUploads`: an upload's `state.errors` say why processing failed. */
export async function listBuildUploads(
  client: AscClient,
  appId: string,
  query: AppsBuildUploadsGetToManyRelatedQuery = {},
): Promise<BuildUpload[]> {
  return (
    await collect<BuildUpload>(client, `/v1/apps/${encodeURIComponent(appId)}/buildUploads`, query, { maxItems: 200 })
  ).data;
}
