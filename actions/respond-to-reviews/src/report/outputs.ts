/**
 * The step's outputs: counts, `reviews` (JSON of what was matched and done) and `slack-payload`
 * (a compact Slack message). Review text is untrusted: it only ever goes into values written
 * to GITHUB_OUTPUT (never a workflow command) and, for Slack, has its control characters escaped.
 */
import { setOutputs } from '@asc-actions/core';
import { clip, type Counts, type Entry } from './entries.js';

/** The `reviews` output lists this many matched reviews at most (newest first); the export has all. */
export const MAX_OUTPUT_ENTRIES = 500;
const BODY_IN_OUTPUT = 300;

export function reviewsOutput(entries: readonly Entry[]): string {
  return JSON.stringify(
    entries.slice(0, MAX_OUTPUT_ENTRIES).map((e) => ({ ...e, body: clip(e.body, BODY_IN_OUTPUT) })),
  );
}

/** Slack's mrkdwn: &, < and > are the characters it interprets (links, mentions). */
const slackEscape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n]+/g, ' ');
const stars = (rating: number): string =>
  '★'.repeat(Math.max(0, Math.min(5, rating))) + '☆'.repeat(Math.max(0, 5 - rating));

export function slackPayload(appName: string, counts: Counts, entries: readonly Entry[], dryRun: boolean): string {
  const verb = dryRun ? 'would reply to' : 'replied to';
  const n = dryRun ? counts.planned : counts.replied;
  const text = `${appName}: ${verb} ${n} review${n === 1 ? '' : 's'} (${counts.matched} matched, ${counts.skipped} skipped, ${counts.deferred} deferred, ${counts.failed} failed)`;
  const lines = entries
    .filter((e) => e.action === 'replied' || e.action === 'would-reply' || e.action === 'failed')
    .slice(0, 10)
    .map(
      (e) =>
        `${stars(e.rating)} ${e.territory} · “${slackEscape(clip(e.title || '(no title)', 80))}” → ${slackEscape(e.rule)} (${e.action})`,
    );
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: slackEscape(text) } }];
  if (lines.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: lines.join('\n') }] });
  return JSON.stringify({ text: slackEscape(text), blocks });
}

export function writeOutputs(appName: string, counts: Counts, entries: readonly Entry[], dryRun: boolean): void {
  setOutputs({
    matched: counts.matched,
    replied: counts.replied,
    skipped: counts.skipped,
    deferred: counts.deferred,
    failed: counts.failed,
    planned: counts.planned,
    reviews: reviewsOutput(entries),
    'slack-payload': slackPayload(appName, counts, entries, dryRun),
  });
}
