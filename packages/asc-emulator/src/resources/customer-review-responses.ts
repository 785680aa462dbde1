/**
 * Replies to customer reviews: `POST /v1/customerReviewResponses` (create, or replace the reply
 * a review already has), `GET` and `DELETE /v1/customerReviewResponses/{id}`.
 *
 * Fidelity notes (reality and assumptions beyond the spec):
 * - Apple's docs: posting to a review that already has a reply **replaces** it ("updates the
 *   response by overwriting it"); each review has at most one reply. The emulator keeps the
 *   reply's id, sets the new body and `lastModifiedDate`, and puts it back to PENDING_PUBLISH
 *   (assumption: the id is kept; not verified against a recorded response).
 * - "Responses don't appear in the App Store instantly" (Apple's docs); third-party tools report
 *   up to about 24 hours. A reply here is PENDING_PUBLISH until `REVIEW_RESPONSE_PUBLISH_DELAY_MS`
 *   have passed on the emulator's clock, then PUBLISHED (settled whenever reviews or replies are read).
 * - `responseBody` is limited to 5,970 characters (App Store Connect's limit as tools document
 *   it; not in the spec), counted in code points here; empty bodies are refused.
 * - A review id that does not exist answers 409 ENTITY_ERROR.RELATIONSHIP.INVALID (assumption).
 * - `lastModifiedDate` is written in Pacific time with its offset, like review dates.
 */
import type { ResourceType } from '../jsonapi/resource-types.js';
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from '../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import { singleDocument } from '../jsonapi/documents.js';
import { invalidRelationship } from '../jsonapi/errors.js';
import { pacificDateTime } from '../seed/reviews.js';
import {
  bodyData,
  checkAllowedAttributes,
  checkLength,
  checkRequiredString,
  requireResource,
  type ResourceFamily,
} from './family.js';

export const REVIEW_RESPONSE_MAX = 5970;
export const REVIEW_RESPONSE_PUBLISH_DELAY_MS = 24 * 60 * 60 * 1000;

/** One change to a review's reply, in the order applied: what tests check "answered twice" against. */
export interface ReviewResponseEvent {
  kind: 'create' | 'replace' | 'delete';
  reviewId: string;
  responseId: string;
  responseBody?: string;
  /** The body that was overwritten (replace) or removed (delete). */
  previousBody?: string;
  at: number;
}

const logs = new WeakMap<EmulatorState, ReviewResponseEvent[]>();

/** Every create, replace and delete of a reply applied by this emulator (seeded replies are not events). */
export function reviewResponseLog(state: EmulatorState): ReviewResponseEvent[] {
  let log = logs.get(state);
  if (!log) logs.set(state, (log = []));
  return log;
}

const responsesType: ResourceType = {
  type: 'customerReviewResponses',
  relationships: { review: { type: 'customerReviews' } },
};

/** PENDING_PUBLISH replies older than the publish delay become PUBLISHED. */
export function settleResponses(state: EmulatorState, now: number): void {
  for (const r of state.all('customerReviewResponses')) {
    if (r.attributes.state !== 'PENDING_PUBLISH') continue;
    const since = Date.parse(String(r.attributes.lastModifiedDate));
    if (!Number.isNaN(since) && now - since >= REVIEW_RESPONSE_PUBLISH_DELAY_MS) r.attributes.state = 'PUBLISHED';
  }
}

/** The reply of a review, if it has one. */
export function responseOf(state: EmulatorState, review: ResourceRecord): ResourceRecord | undefined {
  const id = state.relatedId(review, 'response');
  return id === undefined ? undefined : state.get('customerReviewResponses', id);
}

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function reviewOfBody(ctx: HandlerContext): ResourceRecord {
  const linkage = bodyData(ctx).relationships?.review?.data as Linkage | undefined;
  const review = linkage?.id === undefined ? undefined : ctx.state.get('customerReviews', linkage.id);
  if (!review)
    throw invalidRelationship(
      '/data/relationships/review',
      `There is no resource of type 'customerReviews' with id '${String(linkage?.id)}'`,
    );
  return review;
}

function createResponse(ctx: HandlerContext): Reply {
  const attributes = bodyData(ctx).attributes ?? {};
  checkAllowedAttributes(attributes, ['responseBody'], 'CREATE');
  checkRequiredString('/data/attributes/responseBody', 'responseBody', attributes.responseBody);
  checkLength('/data/attributes/responseBody', attributes.responseBody, REVIEW_RESPONSE_MAX);
  const review = reviewOfBody(ctx);
  settleResponses(ctx.state, ctx.now());
  const body = String(attributes.responseBody);
  const fresh = { responseBody: body, lastModifiedDate: pacificDateTime(ctx.now()), state: 'PENDING_PUBLISH' };
  const existing = responseOf(ctx.state, review);
  const log = reviewResponseLog(ctx.state);
  if (existing) {
    log.push({
      kind: 'replace',
      reviewId: review.id,
      responseId: existing.id,
      responseBody: body,
      previousBody: String(existing.attributes.responseBody),
      at: ctx.now(),
    });
    return reply(ctx, ctx.state.update('customerReviewResponses', existing.id, { attributes: fresh }), 201);
  }
  const created = ctx.state.create('customerReviewResponses', {
    attributes: fresh,
    relationships: { review: { type: 'customerReviews', id: review.id } },
  });
  ctx.state.update('customerReviews', review.id, {
    relationships: { response: { type: 'customerReviewResponses', id: created.id } },
  });
  log.push({ kind: 'create', reviewId: review.id, responseId: created.id, responseBody: body, at: ctx.now() });
  return reply(ctx, created, 201);
}

function getResponse(ctx: HandlerContext): Reply {
  settleResponses(ctx.state, ctx.now());
  return reply(ctx, requireResource(ctx, 'customerReviewResponses', ctx.params.id ?? ''));
}

function deleteResponse(ctx: HandlerContext): Reply {
  const record = requireResource(ctx, 'customerReviewResponses', ctx.params.id ?? '');
  const reviewId = ctx.state.relatedId(record, 'review');
  const review = reviewId === undefined ? undefined : ctx.state.get('customerReviews', reviewId);
  if (review) ctx.state.update('customerReviews', review.id, { relationships: { response: null } });
  ctx.state.remove('customerReviewResponses', record.id);
  reviewResponseLog(ctx.state).push({
    kind: 'delete',
    reviewId: reviewId ?? '',
    responseId: record.id,
    previousBody: String(record.attributes.responseBody),
    at: ctx.now(),
  });
  return { status: 204 };
}

export const customerReviewResponsesFamily: ResourceFamily = {
  name: 'customerReviewResponses',
  types: [responsesType],
  routes: [
    { method: 'POST', path: '/v1/customerReviewResponses', handler: createResponse },
    { method: 'GET', path: '/v1/customerReviewResponses/{id}', handler: getResponse },
    { method: 'DELETE', path: '/v1/customerReviewResponses/{id}', handler: deleteResponse },
  ],
};
