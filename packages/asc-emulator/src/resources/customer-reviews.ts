/**
 * Customer reviews: `GET /v1/apps/{id}/customerReviews`, `GET /v1/customerReviews/{id}`, and the
 * review's reply (`GET /v1/customerReviews/{id}/response` and `/relationships/response`).
 *
 * Fidelity notes (reality and assumptions beyond the spec):
 * - Documents follow Apple's documented example response
 *   (https://developer.apple.com/documentation/appstoreconnectapi/get-v1-appstoreversions-_id_-customerreviews):
 *   review ids like
 *   `00000028-b08c-0014-9674-c54800000000`, `createdDate` in Pacific time with its offset
 *   (`2024-01-02T11:19:36-07:00`), and a `response` relationship carrying only `links` unless
 *   `include=response` asks for its linkage. Dates with different offsets do not sort as
 *   strings: `sort=createdDate` orders by instant here, as Apple's does.
 * - `reviewTerritory` (new in the 4.x spec) is not in Apple's example and is not emulated:
 *   `include=reviewTerritory` answers 501; `filter[reviewTerritory]` takes territory ids, which
 *   are the alpha-3 codes, so it filters like `filter[territory]`.
 * - `exists[publishedResponse]` counts PUBLISHED replies only (an assumption from its name): a
 *   reply still PENDING_PUBLISH leaves the review in `exists[publishedResponse]=false`, so a
 *   client must look at the review's reply (`include=response` or `GET …/response`) before
 *   posting, or it would replace that reply.
 * - `filter[rating]` has no enum in the spec: values that are not whole numbers answer 400;
 *   whole numbers outside 1–5 match nothing (assumption).
 * - Without `sort` the order is newest first (assumption; App Store Connect lists "Most Recent").
 * - A review without a reply: `GET …/response` and `…/relationships/response` answer 404 here.
 *   Apple answers other empty to-one relationships with 200 `{"data": null}` (e.g.
 *   appStoreVersionPhasedRelease, AvdLee/appstoreconnect-swift-sdk#263), which the spec's
 *   schema does not allow; clients should treat both as "no reply".
 * - Apple's cursors look like `AQ.AJJtGDc`; the emulator's are its own. Both are opaque.
 */
import type { ResourceType } from '../jsonapi/resource-types.js';
import type { HandlerContext } from '../routing/router.js';
import type { Reply } from '../jsonapi/reply.js';
import type { ResourceRecord, Seed } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import { collectionDocument, resourceUrl, singleDocument } from '../jsonapi/documents.js';
import { AppleError, invalidParameter, notImplemented } from '../jsonapi/errors.js';
import { nextLink, readPage } from '../jsonapi/paging.js';
import { encodeQuery } from '../jsonapi/query.js';
import { pacificDateTime, reviewId } from '../seed/reviews.js';
import { requireResource, type ResourceFamily } from './family.js';
import { responseOf, settleResponses } from './customer-review-responses.js';

const reviewsType: ResourceType = {
  type: 'customerReviews',
  relationships: { response: { type: 'customerReviewResponses' } },
};

const instants = new Map<string, number>();
/** createdDate → ms, parsed once per distinct string (10,000 reviews are sorted on every page). */
function instant(r: ResourceRecord): number {
  const text = String(r.attributes.createdDate);
  let ms = instants.get(text);
  if (ms === undefined) instants.set(text, (ms = Date.parse(text)));
  return ms;
}

function isPublished(state: EmulatorState, review: ResourceRecord): boolean {
  return responseOf(state, review)?.attributes.state === 'PUBLISHED';
}

function filterOne(ctx: HandlerContext, name: string, values: string[], reviews: ResourceRecord[]): ResourceRecord[] {
  switch (name) {
    case 'filter[rating]': {
      const bad = values.find((v) => !/^\d+$/.test(v));
      if (bad !== undefined) throw invalidParameter(name, `'${bad}' is not a valid value for the parameter '${name}'.`);
      return reviews.filter((r) => values.includes(String(r.attributes.rating)));
    }
    case 'filter[territory]':
    case 'filter[reviewTerritory]':
      return reviews.filter((r) => values.includes(String(r.attributes.territory)));
    case 'exists[publishedResponse]': {
      const want = values[0] === 'true';
      return reviews.filter((r) => isPublished(ctx.state, r) === want);
    }
    default:
      throw notImplemented(`${name} on customerReviews`);
  }
}

function filtered(ctx: HandlerContext, reviews: ResourceRecord[]): ResourceRecord[] {
  let out = reviews;
  for (const name of ctx.query.names()) {
    if (!/^(filter|exists)\[/.test(name)) continue;
    out = filterOne(ctx, name, ctx.query.list(name) ?? [], out);
  }
  return out;
}

function sorted(ctx: HandlerContext, reviews: ResourceRecord[]): ResourceRecord[] {
  const keys = ctx.query.list('sort') ?? ['-createdDate'];
  const value = (r: ResourceRecord, name: string): number =>
    name === 'rating' ? Number(r.attributes.rating) : instant(r);
  for (const key of keys) {
    if (!['rating', 'createdDate'].includes(key.replace(/^-/, '')))
      throw invalidParameter('sort', `'${key}' is not a valid value for the parameter 'sort'.`);
  }
  return [...reviews].sort((a, b) => {
    for (const key of keys) {
      const name = key.replace(/^-/, '');
      const c = value(a, name) - value(b, name);
      if (c !== 0) return key.startsWith('-') ? -c : c;
    }
    return 0;
  });
}

/**
 * `include=response` on a review without a reply: JSON:API (and, probably, Apple) would send
 * `"data": null`, which the spec's schema does not allow (`data` must be an object). The
 * emulator leaves `data` out instead and stays inside the contract; clients must treat a
 * missing and a null linkage alike.
 */
function withoutNullLinkage(doc: Record<string, unknown>): Record<string, unknown> {
  const data = doc.data;
  for (const resource of (Array.isArray(data) ? data : [data]) as Array<{
    relationships?: Record<string, { data?: unknown }>;
  }>) {
    const rel = resource.relationships?.response;
    if (rel && rel.data === null) delete rel.data;
  }
  return doc;
}

function listReviews(ctx: HandlerContext): Reply {
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  settleResponses(ctx.state, ctx.now());
  const ofApp = ctx.state.all('customerReviews').filter((r) => ctx.state.relatedId(r, 'app') === app.id);
  const all = sorted(ctx, filtered(ctx, ofApp));
  const page = readPage(ctx.query, ctx.limitMaximum);
  const selfQuery = encodeQuery(new URLSearchParams(ctx.rawQuery));
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  const doc = collectionDocument(
    {
      records: all.slice(page.offset, page.offset + page.limit),
      total: all.length,
      limit: page.limit,
      selfUrl: `${ctx.origin}${ctx.pathname}${selfQuery ? `?${selfQuery}` : ''}`,
      nextUrl: nextLink(ctx.origin, ctx.pathname, ctx.query, page, all.length),
    },
    dc,
  );
  return { status: 200, json: withoutNullLinkage(doc) };
}

function getReview(ctx: HandlerContext): Reply {
  settleResponses(ctx.state, ctx.now());
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return {
    status: 200,
    json: withoutNullLinkage(singleDocument(requireResource(ctx, 'customerReviews', ctx.params.id ?? ''), dc)),
  };
}

function noReply(id: string): AppleError {
  return new AppleError(404, [
    {
      status: '404',
      code: 'NOT_FOUND',
      title: 'The specified resource does not exist',
      detail: `There is no resource of type 'customerReviewResponses' related to the customerReviews resource with id '${id}'`,
    },
  ]);
}

function reviewReply(ctx: HandlerContext): ResourceRecord {
  settleResponses(ctx.state, ctx.now());
  const review = requireResource(ctx, 'customerReviews', ctx.params.id ?? '');
  const response = responseOf(ctx.state, review);
  if (!response) throw noReply(review.id);
  return response;
}

function getReviewReply(ctx: HandlerContext): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status: 200, json: singleDocument(reviewReply(ctx), dc) };
}

function getReplyLinkage(ctx: HandlerContext): Reply {
  const response = reviewReply(ctx);
  const self = `${resourceUrl(ctx.origin, 'customerReviews', ctx.params.id ?? '')}/relationships/response`;
  return {
    status: 200,
    json: {
      data: { type: response.type, id: response.id },
      links: { self, related: self.replace('/relationships/response', '/response') },
    },
  };
}

function seedReviews(state: EmulatorState, seed: Seed): void {
  let n = 0;
  for (const r of seed.customerReviews ?? []) {
    n++;
    const app = state.get('apps', r.app) ?? state.all('apps').find((a) => a.attributes.bundleId === r.app);
    if (!app) throw new Error(`seed: customer review by '${r.reviewerNickname}' names unknown app '${r.app}'`);
    const attributes: Record<string, unknown> = {
      rating: r.rating,
      title: r.title,
      body: r.body,
      reviewerNickname: r.reviewerNickname,
      createdDate: r.createdDate,
      territory: r.territory,
    };
    const review = state.create('customerReviews', {
      id: r.id ?? reviewId(1_000_000 + n),
      attributes,
      relationships: { app: { type: 'apps', id: app.id }, response: null },
    });
    if (!r.response) continue;
    const modified = r.response.lastModifiedDate ?? pacificDateTime(Date.parse(r.createdDate) + 86_400_000);
    const reply = state.create('customerReviewResponses', {
      id: r.response.id,
      attributes: {
        responseBody: r.response.responseBody,
        lastModifiedDate: modified,
        state: r.response.state ?? 'PUBLISHED',
      },
      relationships: { review: { type: 'customerReviews', id: review.id } },
    });
    review.relationships.response = { type: 'customerReviewResponses', id: reply.id };
  }
}

export const customerReviewsFamily: ResourceFamily = {
  name: 'customerReviews',
  types: [reviewsType],
  routes: [
    { method: 'GET', path: '/v1/apps/{id}/customerReviews', handler: listReviews },
    { method: 'GET', path: '/v1/customerReviews/{id}', handler: getReview },
    { method: 'GET', path: '/v1/customerReviews/{id}/response', handler: getReviewReply },
    { method: 'GET', path: '/v1/customerReviews/{id}/relationships/response', handler: getReplyLinkage },
  ],
  seed: seedReviews,
};
