/**
 * The plan: for each review read (newest first), which rule matched and what to do. Pure and
 * deterministic. Replies that would be empty or longer than App Store Connect takes are an
 * InputError here, before anything is written.
 */
import { InputError, REVIEW_REPLY_MAX_LENGTH, sanitizeValue } from '@asc-actions/core';
import type { Review } from '../model.js';
import type { Rule } from '../inputs/rules/parse.js';
import { matchReview } from './match.js';
import { codePoints, renderTemplate } from '../inputs/rules/template.js';

/** The longest nickname and title a reply quotes (longer ones are clipped with an ellipsis). */
export const NICKNAME_MAX = 40;
export const TITLE_MAX = 100;

/**
 * - `reply`: answer it (in this run);
 * - `skip-rule`: a skip rule matched;
 * - `has-reply`: it has a reply already (a person's, or one pending publication) and
 *   overwrite-existing is false;
 * - `unchanged`: overwrite-existing, and the reply it has is already this text;
 * - `deferred`: it would be answered, but max-replies is reached: a later run answers it.
 */
export type PlanAction = 'reply' | 'skip-rule' | 'has-reply' | 'unchanged' | 'deferred';

export interface PlannedItem {
  review: Review;
  rule: string;
  action: PlanAction;
  /** Territory, language or `default`: the template used. */
  templateKey?: string;
  /** The reply text, for `reply`, `deferred` and `unchanged`. */
  text?: string;
}

export interface Plan {
  /** Reviews considered (read, minus those an earlier run handled). */
  considered: number;
  /** Matched reviews, newest first. */
  items: PlannedItem[];
  /** The replies to send, newest review first. */
  replies: PlannedItem[];
}

export interface PlanContext {
  rules: readonly Rule[];
  now: number;
  appName: string;
  overwriteExisting: boolean;
  maxReplies: number;
  /** Reviews an earlier run already handled (since: last-run). */
  done: ReadonlySet<string>;
}

function render(
  item: Omit<PlannedItem, 'action'>,
  review: Review,
  appName: string,
  template: Parameters<typeof renderTemplate>[0],
): string {
  const text = renderTemplate(template, {
    // Anyone can write a review: its nickname and title go into a public reply with control
    // characters made visible and a length clip.
    nickname: sanitizeValue(review.nickname, NICKNAME_MAX),
    rating: String(review.rating),
    title: sanitizeValue(review.title, TITLE_MAX),
    territory: review.territory,
    app_name: appName,
  }).trim();
  const where = `the reply of ${item.rule} (${item.templateKey}) to review ${review.id}`;
  if (text === '')
    throw new InputError(`${where} is empty once its placeholders are filled in; nothing was sent.`, {
      input: 'rules',
    });
  const length = codePoints(text);
  if (length > REVIEW_REPLY_MAX_LENGTH) {
    throw new InputError(
      `${where} is ${length} characters once its placeholders are filled in; App Store Connect takes at most ${REVIEW_REPLY_MAX_LENGTH}. Nothing was sent.`,
      { input: 'rules' },
    );
  }
  return text;
}

function decide(review: Review, ctx: PlanContext): PlannedItem | undefined {
  const match = matchReview(ctx.rules, review, ctx.now);
  if (!match) return undefined;
  const rule = match.rule.name;
  if (!match.template) return { review, rule, action: 'skip-rule' };
  const base = { review, rule, templateKey: match.templateKey };
  if (review.reply && !ctx.overwriteExisting) return { ...base, action: 'has-reply' };
  const text = render(base, review, ctx.appName, match.template);
  if (review.reply && review.reply.body === text) return { ...base, action: 'unchanged', text };
  return { ...base, action: 'reply', text };
}

export function plan(reviews: readonly Review[], ctx: PlanContext): Plan {
  const fresh = reviews.filter((r) => !ctx.done.has(r.id));
  const items: PlannedItem[] = [];
  const replies: PlannedItem[] = [];
  for (const review of [...fresh].sort((a, b) => b.createdMs - a.createdMs)) {
    const item = decide(review, ctx);
    if (!item) continue;
    if (item.action === 'reply' && replies.length >= ctx.maxReplies) item.action = 'deferred';
    if (item.action === 'reply') replies.push(item);
    items.push(item);
  }
  return { considered: fresh.length, items, replies };
}
