/**
 * Sends the planned replies, one review at a time:
 * 1. read the review's reply again: a person may have answered since the run began, and a
 *    POST would replace that reply (without overwrite-existing it is left alone; with it, only
 *    the reply seen when reading is replaced);
 * 2. post the reply once (POST is never retried: it replaces);
 * 3. read it back. When the POST's answer is lost (dropped connection, 5xx), reading back is
 *    the only way to learn what happened: our text there means done; nothing there means not
 *    applied, left for the next run (never posted again in this run).
 * Auth, permission and rate-limit failures stop the run; what was applied is reported.
 */
import {
  AscError,
  AuthenticationError,
  ForbiddenError,
  NetworkError,
  RateLimitError,
  ServerError,
  createReviewReply,
  getReviewReply,
  type CustomerReviewResponseV1,
  type Logger,
  type AscClient,
} from '@asc-actions/core';
import type { PlannedItem } from '../plan/plan.js';

export type Outcome = 'replied' | 'answered-meanwhile' | 'unchanged' | 'failed' | 'not-attempted';

export interface Applied {
  item: PlannedItem;
  outcome: Outcome;
  /** Why, for anything but a plain `replied`. */
  detail?: string;
  /** The reply's state as read back (PENDING_PUBLISH until Apple publishes it). */
  replyState?: string;
}

export interface ApplyResult {
  results: Applied[];
  /** The error that stopped the run, if one did. */
  stopped?: unknown;
}

const bodyOf = (r: CustomerReviewResponseV1): string => r.attributes?.responseBody ?? '';
/**
 * Log lines hold ids, rule names and error messages, never review text; an error message could
 * still quote a reply (which may contain a review's title), so each line is kept to one line:
 * a workflow command only counts at the start of a line.
 */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');
const isFatal = (e: unknown): boolean =>
  e instanceof AuthenticationError || e instanceof ForbiddenError || e instanceof RateLimitError;

/** Before posting: may this review be answered now? A result means "no, and here is why". */
function precheck(
  item: PlannedItem,
  current: CustomerReviewResponseV1 | undefined,
  overwrite: boolean,
): Applied | undefined {
  if (!current) return undefined;
  const seen = item.review.reply;
  const sameAsSeen = seen !== undefined && seen.id === current.id && seen.body === bodyOf(current);
  if (!overwrite || !sameAsSeen)
    return {
      item,
      outcome: 'answered-meanwhile',
      detail: 'a reply was posted by someone else after the reviews were read; it was left as it is',
    };
  if (bodyOf(current) === item.text) return { item, outcome: 'unchanged' };
  return undefined;
}

/** The POST's answer was lost: the review's reply says whether it was applied. */
async function readBack(client: AscClient, item: PlannedItem, cause: unknown): Promise<Applied> {
  const why = cause instanceof Error ? cause.message : String(cause);
  let current: CustomerReviewResponseV1 | undefined;
  try {
    current = await getReviewReply(client, item.review.id);
  } catch (error) {
    const also = error instanceof Error ? error.message : String(error);
    return {
      item,
      outcome: 'failed',
      detail: `unknown whether the reply was applied (${why}; reading back failed too: ${also}); the next run checks before answering`,
    };
  }
  if (current && bodyOf(current) === item.text)
    return {
      item,
      outcome: 'replied',
      replyState: current.attributes?.state,
      detail: `confirmed by reading back after: ${why}`,
    };
  if (current && !item.review.reply)
    return { item, outcome: 'answered-meanwhile', detail: `someone else's reply is there (read back after: ${why})` };
  return { item, outcome: 'failed', detail: `not applied (read back after: ${why}); left for the next run` };
}

async function replyTo(client: AscClient, item: PlannedItem, overwrite: boolean, logger: Logger): Promise<Applied> {
  const refused = precheck(item, await getReviewReply(client, item.review.id), overwrite);
  if (refused) return refused;
  try {
    await createReviewReply(client, item.review.id, item.text ?? '');
  } catch (error) {
    if (error instanceof NetworkError || error instanceof ServerError) return readBack(client, item, error);
    if (isFatal(error)) throw error;
    return { item, outcome: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    const back = await getReviewReply(client, item.review.id);
    if (!back || bodyOf(back) !== item.text)
      return {
        item,
        outcome: 'failed',
        detail: `the reply was accepted, but reading it back shows ${back ? 'a different reply' : 'no reply'}`,
      };
    return { item, outcome: 'replied', replyState: back.attributes?.state };
  } catch (error) {
    if (isFatal(error)) throw error;
    logger.warning(
      oneLine(
        `review ${item.review.id}: the reply was accepted (201) but could not be read back: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return { item, outcome: 'replied', detail: 'accepted (201); reading it back failed' };
  }
}

export async function applyReplies(
  client: AscClient,
  replies: readonly PlannedItem[],
  options: { overwrite: boolean; logger: Logger },
): Promise<ApplyResult> {
  const results: Applied[] = [];
  for (const [i, item] of replies.entries()) {
    try {
      const applied = await replyTo(client, item, options.overwrite, options.logger);
      results.push(applied);
      options.logger.info(
        oneLine(
          `review ${item.review.id}: ${applied.outcome} (${item.rule}, ${item.templateKey})${applied.detail ? `: ${applied.detail}` : ''}`,
        ),
      );
    } catch (error) {
      if (!(error instanceof AscError)) throw error;
      if (isFatal(error) || error instanceof NetworkError || error instanceof ServerError) {
        for (const rest of replies.slice(i))
          results.push({ item: rest, outcome: 'not-attempted', detail: 'the run stopped before this reply' });
        return { results, stopped: error };
      }
      results.push({ item, outcome: 'failed', detail: error.message });
    }
  }
  return { results };
}
