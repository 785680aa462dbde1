/**
 * Reads the app's reviews newest first, 200 a page, filtered by the server where the API can
 * (`exists[publishedResponse]=false`, `filter[rating]`, `filter[territory]`), with their replies
 * (`include=response`), and stops paging as soon as a page reaches past the window's start.
 */
import {
  customerReviewPages,
  type AppsCustomerReviewsGetToManyRelatedQuery,
  type Logger,
  type AscClient,
} from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import { includedReplies, toReview, type Review } from '../model.js';

/** 100 pages of 200: a run never reads more than 20,000 reviews (about 100 of the key's 3,600 requests an hour). */
export const MAX_PAGES = 100;

export interface ReadResult {
  /** Reviews inside the window, newest first. */
  reviews: Review[];
  pages: number;
  /** Reading stopped at MAX_PAGES before reaching the window's start or the last review. */
  capped: boolean;
}

export function reviewQuery(
  settings: Pick<Settings, 'onlyUnanswered' | 'ratings' | 'territories'>,
): AppsCustomerReviewsGetToManyRelatedQuery {
  return {
    ...(settings.onlyUnanswered ? { 'exists[publishedResponse]': false } : {}),
    ...(settings.ratings.length > 0 ? { 'filter[rating]': settings.ratings.map(String) } : {}),
    ...(settings.territories.length > 0 ? { 'filter[territory]': settings.territories } : {}),
    sort: ['-createdDate'],
    include: ['response'],
    limit: 200,
  };
}

export async function readReviews(
  client: AscClient,
  appId: string,
  settings: Pick<Settings, 'onlyUnanswered' | 'ratings' | 'territories'>,
  fromMs: number | undefined,
  logger: Logger,
): Promise<ReadResult> {
  const reviews: Review[] = [];
  let pages = 0;
  let undated = 0;
  for await (const page of customerReviewPages(client, appId, reviewQuery(settings), { maxPages: MAX_PAGES })) {
    pages++;
    const included = includedReplies(page.included);
    let past = false;
    for (const resource of page.data ?? []) {
      const review = toReview(resource, included);
      if (!review) undated++;
      else if (fromMs !== undefined && review.createdMs < fromMs) past = true;
      else reviews.push(review);
    }
    if (past || !page.links?.next) return done(reviews, pages, false, undated, logger);
  }
  logger.warning(
    `Stopped reading after ${pages} pages (${reviews.length} reviews): older reviews are left for a later run. Give "since" a date to read a shorter window.`,
  );
  return done(reviews, pages, true, undated, logger);
}

function done(reviews: Review[], pages: number, capped: boolean, undated: number, logger: Logger): ReadResult {
  if (undated > 0) logger.warning(`${undated} review(s) had no readable createdDate and were left out.`);
  return { reviews, pages, capped };
}
