/**
 * Customer reviews and the replies to them: `GET /v1/apps/{id}/customerReviews`,
 * `GET /v1/customerReviews/{id}`, `GET /v1/customerReviews/{id}/response`,
 * `POST /v1/customerReviewResponses`, `GET`/`DELETE /v1/customerReviewResponses/{id}`.
 *
 * `POST /v1/customerReviewResponses` **replaces** a reply the review already has (Apple's
 * docs), so it is never retried blindly: a caller that lost the answer reads the review's reply
 * back (`getReviewReply`) instead of posting again.
 */
import { NotFoundError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import type { PageDocument, PaginateOptions } from '../http/paginate.js';
import type {
  AppsCustomerReviewsGetToManyRelatedQuery,
  CustomerReviewResponsesCreateInstanceBody,
  CustomerReviewResponsesCreateInstanceResponse,
  CustomerReviewsGetInstanceQuery,
  CustomerReviewsGetInstanceResponse,
  CustomerReviewsResponseGetToOneRelatedResponse,
} from './generated/index.js';
import type { CustomerReview, CustomerReviewResponseV1 } from './generated/schemas.js';

/** Longest reply App Store Connect takes, in characters (not in the spec; as tools document it). */
export const REVIEW_REPLY_MAX_LENGTH = 5970;

const enc = encodeURIComponent;

/**
 * The app's reviews page by page (`limit` 200 unless given), so a caller can stop paging as
 * soon as it has read far enough (newest first with `sort: ['-createdDate']`).
 */
export function customerReviewPages(
  client: AscClient,
  appId: string,
  query: AppsCustomerReviewsGetToManyRelatedQuery = {},
  options: PaginateOptions = {},
): AsyncGenerator<PageDocument<CustomerReview>> {
  return client.paginatePages<CustomerReview>(
    `/v1/apps/${enc(appId)}/customerReviews`,
    { limit: 200, ...query },
    options,
  );
}

export async function getCustomerReview(
  client: AscClient,
  id: string,
  query: CustomerReviewsGetInstanceQuery = {},
): Promise<CustomerReviewsGetInstanceResponse> {
  return (await client.get<CustomerReviewsGetInstanceResponse>(`/v1/customerReviews/${enc(id)}`, query)).data;
}

/**
 * The reply a review has now, or undefined. "No reply" may come as 404 or as 200 with
 * `data: null` (how Apple answers other empty to-one relationships): both mean none.
 */
export async function getReviewReply(
  client: AscClient,
  reviewId: string,
): Promise<CustomerReviewResponseV1 | undefined> {
  try {
    const response = await client.get<CustomerReviewsResponseGetToOneRelatedResponse | { data: null }>(
      `/v1/customerReviews/${enc(reviewId)}/response`,
    );
    return response.data?.data ?? undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** Posts a reply (replacing any the review has). Sent once: never retried after it may have applied. */
export async function createReviewReply(
  client: AscClient,
  reviewId: string,
  responseBody: string,
): Promise<CustomerReviewResponseV1> {
  const body: CustomerReviewResponsesCreateInstanceBody = {
    data: {
      type: 'customerReviewResponses',
      attributes: { responseBody },
      relationships: { review: { data: { type: 'customerReviews', id: reviewId } } },
    },
  };
  const response = await client.post<CustomerReviewResponsesCreateInstanceResponse>(
    '/v1/customerReviewResponses',
    body,
    { safeToRetry: false },
  );
  return response.data.data;
}

export async function getReviewResponse(client: AscClient, id: string): Promise<CustomerReviewResponseV1> {
  return (await client.get<CustomerReviewResponsesCreateInstanceResponse>(`/v1/customerReviewResponses/${enc(id)}`))
    .data.data;
}

export async function deleteReviewResponse(client: AscClient, id: string): Promise<void> {
  await client.delete(`/v1/customerReviewResponses/${enc(id)}`);
}
