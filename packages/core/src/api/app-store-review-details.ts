/** App Review information of a version: contact, demo account, notes. */
import { NotFoundError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import type { WriteOptions } from './documents.js';
import type {
  AppStoreReviewDetail,
  AppStoreReviewDetailCreateRequest,
  AppStoreReviewDetailResponse,
  AppStoreReviewDetailUpdateRequest,
} from './generated/index.js';

export type AppStoreReviewDetailAttributes = NonNullable<AppStoreReviewDetailUpdateRequest['data']['attributes']>;

/** `GET /v1/appStoreVersions/{id}/appStoreReviewDetail`; undefined when the version has none yet. */
export async function getReviewDetailOfVersion(
  client: AscClient,
  versionId: string,
): Promise<AppStoreReviewDetail | undefined> {
  try {
    const response = await client.get<AppStoreReviewDetailResponse>(
      `/v1/appStoreVersions/${encodeURIComponent(versionId)}/appStoreReviewDetail`,
    );
    return response.data.data ?? undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

export async function createReviewDetail(
  client: AscClient,
  versionId: string,
  attributes: AppStoreReviewDetailAttributes,
  options: WriteOptions = {},
): Promise<AppStoreReviewDetail> {
  const body: AppStoreReviewDetailCreateRequest = {
    data: {
      type: 'appStoreReviewDetails',
      attributes,
      relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } } },
    },
  };
  return (await client.post<AppStoreReviewDetailResponse>('/v1/appStoreReviewDetails', body, options)).data.data;
}

export async function updateReviewDetail(
  client: AscClient,
  id: string,
  attributes: AppStoreReviewDetailAttributes,
  options: WriteOptions = {},
): Promise<AppStoreReviewDetail> {
  const body: AppStoreReviewDetailUpdateRequest = { data: { type: 'appStoreReviewDetails', id, attributes } };
  return (
    await client.patch<AppStoreReviewDetailResponse>(
      `/v1/appStoreReviewDetails/${encodeURIComponent(id)}`,
      body,
      options,
    )
  ).data.data;
}
