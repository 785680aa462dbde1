/** A customer review as this action works with it, made from Apple's JSON:API documents. */
import type { CustomerReview, CustomerReviewResponseV1 } from '@asc-actions/core';

export interface ExistingReply {
  id: string;
  body: string;
  state?: string;
}

export interface Review {
  id: string;
  rating: number;
  title: string;
  body: string;
  nickname: string;
  /** As Apple wrote it (Pacific time with its offset). */
  createdDate: string;
  createdMs: number;
  territory: string;
  /** The reply the review had when it was read (pending or published), if any. */
  reply?: ExistingReply;
}

export function replyOf(resource: CustomerReviewResponseV1 | undefined): ExistingReply | undefined {
  if (!resource) return undefined;
  return { id: resource.id, body: resource.attributes?.responseBody ?? '', state: resource.attributes?.state };
}

/**
 * The review, with its reply found among `included` (a linkage whose resource is not included
 * still means a reply exists; a null or missing linkage means none). Undefined when the review has no
 * readable date: without one it cannot be placed in time.
 */
export function toReview(
  resource: CustomerReview,
  included: ReadonlyMap<string, CustomerReviewResponseV1>,
): Review | undefined {
  const a = resource.attributes ?? {};
  const createdDate = a.createdDate ?? '';
  const createdMs = Date.parse(createdDate);
  if (Number.isNaN(createdMs)) return undefined;
  const linkage = resource.relationships?.response?.data as { id?: string } | null | undefined;
  const reply =
    linkage?.id === undefined ? undefined : (replyOf(included.get(linkage.id)) ?? { id: linkage.id, body: '' });
  return {
    id: resource.id,
    rating: a.rating ?? 0,
    title: a.title ?? '',
    body: a.body ?? '',
    nickname: a.reviewerNickname ?? '',
    createdDate,
    createdMs,
    territory: a.territory ?? '',
    ...(reply ? { reply } : {}),
  };
}

/** The replies of a page's `included`, by id. */
export function includedReplies(included: readonly unknown[] | undefined): Map<string, CustomerReviewResponseV1> {
  const out = new Map<string, CustomerReviewResponseV1>();
  for (const item of included ?? []) {
    const resource = item as CustomerReviewResponseV1;
    if (resource.type === 'customerReviewResponses') out.set(resource.id, resource);
  }
  return out;
}
