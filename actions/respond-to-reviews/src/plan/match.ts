/** Which rule answers a review, and with which template: pure, first match wins. */
import type { Review } from '../model.js';
import type { Rule } from '../inputs/rules/parse.js';
import type { Template } from '../inputs/rules/template.js';
import { languageOf } from '@asc-actions/core';

const DAY_MS = 86_400_000;

export interface Match {
  rule: Rule;
  /** The reply template chosen for the review's territory; undefined for a skip rule. */
  template?: Template;
  /** Which key of the rule's replies was used: a territory, a language, or `default`. */
  templateKey?: string;
}

/** The template for a territory: its own key, then its language, then `default`. */
export function templateFor(rule: Rule, territory: string): { key: string; template: Template } | undefined {
  const language = languageOf(territory);
  for (const key of [territory, language, 'default']) {
    const template = key === undefined ? undefined : rule.replies?.get(key);
    if (template) return { key: key!, template };
  }
  return undefined;
}

function textMatches(rule: Rule, review: Review): boolean {
  const haystacks =
    rule.searchIn === 'title' ? [review.title] : rule.searchIn === 'body' ? [review.body] : [review.title, review.body];
  const text = haystacks.join('\n').normalize('NFC');
  if (rule.words && !rule.words.some((w) => w.test(text))) return false;
  if (rule.patterns && !rule.patterns.some((p) => p.test(text))) return false;
  return true;
}

/** Do the rule's conditions hold for the review (`now` for its age)? */
export function conditionsHold(rule: Rule, review: Review, now: number): boolean {
  if (rule.ratings && !rule.ratings.has(review.rating)) return false;
  if (rule.territories && !rule.territories.has(review.territory)) return false;
  const ageDays = (now - review.createdMs) / DAY_MS;
  if (rule.minAgeDays !== undefined && ageDays < rule.minAgeDays) return false;
  if (rule.maxAgeDays !== undefined && ageDays > rule.maxAgeDays) return false;
  return textMatches(rule, review);
}

/**
 * The first rule whose conditions hold. A reply rule with no template for the review's
 * territory or language (and no `default`) does not match it: the next rule is tried.
 */
export function matchReview(rules: readonly Rule[], review: Review, now: number): Match | undefined {
  for (const rule of rules) {
    if (!conditionsHold(rule, review, now)) continue;
    if (rule.skip) return { rule };
    const chosen = templateFor(rule, review.territory);
    if (chosen) return { rule, template: chosen.template, templateKey: chosen.key };
  }
  return undefined;
}
