/**
 * The job summary: counts, a rating histogram (mermaid), and a table of what was done to each
 * matched review. Every piece of review text (and the app's name) is HTML-escaped: core.summary's
 * headings and tables are HTML, where markdown is not rendered and escaped text shows as written.
 */
import { escapeHtml, summary } from '@asc-actions/core';
import type { Review } from '../model.js';
import { clip, type Counts, type Entry } from './entries.js';

export const MAX_TABLE_ROWS = 100;

export interface SummaryContext {
  appName: string;
  dryRun: boolean;
  /** e.g. "created since 2026-11-01T00:00:00.000Z", "with no date limit". */
  window: string;
  pages: number;
  read: readonly Review[];
  counts: Counts;
  entries: readonly Entry[];
  notes: string[];
}

/** A mermaid bar chart of the ratings read; numbers only, nothing from a review. */
export function ratingHistogram(reviews: readonly Review[]): string {
  const counts = [1, 2, 3, 4, 5].map((star) => reviews.filter((r) => r.rating === star).length);
  const top = Math.max(1, ...counts);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Ratings of the ${reviews.length} reviews read"`,
    '    x-axis ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]',
    `    y-axis "Reviews" 0 --> ${top}`,
    `    bar [${counts.join(', ')}]`,
    '```',
  ].join('\n');
}

const ACTION_LABEL: Record<Entry['action'], string> = {
  replied: '✅ replied',
  'would-reply': '📝 would reply (dry run)',
  skipped: '⏭️ skipped by rule',
  'already-answered': '💬 already answered',
  'answered-meanwhile': '💬 answered meanwhile',
  unchanged: '＝ reply unchanged',
  deferred: '⏳ deferred (max-replies)',
  failed: '❌ failed',
  'not-attempted': '⛔ not attempted',
};

function row(e: Entry): string[] {
  const stars = '★'.repeat(e.rating);
  return [
    `${stars} ${escapeHtml(e.territory)}`,
    escapeHtml(e.createdDate.slice(0, 10)),
    escapeHtml(clip(e.nickname, 40)),
    escapeHtml(clip(e.title, 80)),
    escapeHtml(e.rule) + (e.template ? ` (${escapeHtml(e.template)})` : ''),
    ACTION_LABEL[e.action] + (e.detail ? `<br>${escapeHtml(clip(e.detail, 200))}` : ''),
    e.reply ? escapeHtml(clip(e.reply, 200)) : '—',
  ];
}

export async function writeSummary(ctx: SummaryContext): Promise<void> {
  const c = ctx.counts;
  const replied = ctx.dryRun ? `${c.planned} would be answered (dry run)` : `${c.replied} replied`;
  summary.addHeading(`Customer reviews of ${escapeHtml(ctx.appName)}: ${replied}`, 3);
  summary.addRaw(
    `<p>Read ${c.read} review${c.read === 1 ? '' : 's'} in ${ctx.pages} page${ctx.pages === 1 ? '' : 's'}, ${escapeHtml(ctx.window)}. ` +
      `Matched ${c.matched} · replied ${c.replied} · skipped ${c.skipped} · deferred ${c.deferred} · failed ${c.failed}.</p>`,
    true,
  );
  summary.addRaw(`\n${ratingHistogram(ctx.read)}\n`, true);
  if (ctx.entries.length > 0) {
    const header = ['Rating', 'Date', 'Reviewer', 'Title', 'Rule', 'Done', 'Reply'].map((data) => ({
      data,
      header: true,
    }));
    summary.addTable([header, ...ctx.entries.slice(0, MAX_TABLE_ROWS).map(row)]);
    if (ctx.entries.length > MAX_TABLE_ROWS)
      summary.addRaw(
        `<p>… and ${ctx.entries.length - MAX_TABLE_ROWS} more (see the reviews output or export-path).</p>`,
        true,
      );
  }
  if (ctx.notes.length > 0) summary.addList(ctx.notes.map(escapeHtml));
  await summary.write();
}
