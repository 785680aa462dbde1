/** What happened to each matched review, in one flat shape for outputs, the summary and the export. */
import type { Applied } from '../apply/apply.js';
import type { Plan, PlannedItem } from '../plan/plan.js';

export type EntryAction =
  | 'replied'
  | 'would-reply'
  | 'skipped'
  | 'already-answered'
  | 'answered-meanwhile'
  | 'unchanged'
  | 'deferred'
  | 'failed'
  | 'not-attempted';

export interface Entry {
  id: string;
  createdDate: string;
  rating: number;
  territory: string;
  nickname: string;
  title: string;
  body: string;
  rule: string;
  /** The template used: a territory, a language or `default`. */
  template?: string;
  action: EntryAction;
  /** The reply sent (or that would be sent). */
  reply?: string;
  replyState?: string;
  detail?: string;
}

export interface Counts {
  read: number;
  matched: number;
  replied: number;
  skipped: number;
  deferred: number;
  failed: number;
  /** Replies this run meant to send (in a dry run: would send). */
  planned: number;
}

function actionOf(item: PlannedItem, applied: Applied | undefined, dryRun: boolean): EntryAction {
  if (item.action === 'skip-rule') return 'skipped';
  if (item.action === 'has-reply') return 'already-answered';
  if (item.action === 'unchanged' || item.action === 'deferred') return item.action;
  if (dryRun) return 'would-reply';
  return applied?.outcome ?? 'not-attempted';
}

export function entriesOf(plan: Plan, results: readonly Applied[], dryRun: boolean): Entry[] {
  const byId = new Map(results.map((r) => [r.item.review.id, r]));
  return plan.items.map((item) => {
    const applied = byId.get(item.review.id);
    const r = item.review;
    const action = actionOf(item, applied, dryRun);
    const entry: Entry = {
      id: r.id,
      createdDate: r.createdDate,
      rating: r.rating,
      territory: r.territory,
      nickname: r.nickname,
      title: r.title,
      body: r.body,
      rule: item.rule,
      action,
    };
    if (item.templateKey) entry.template = item.templateKey;
    if (item.text !== undefined && action !== 'already-answered') entry.reply = item.text;
    if (applied?.replyState) entry.replyState = applied.replyState;
    if (applied?.detail) entry.detail = applied.detail;
    return entry;
  });
}

export function countsOf(entries: readonly Entry[], read: number, planned: number): Counts {
  const n = (...actions: EntryAction[]) => entries.filter((e) => actions.includes(e.action)).length;
  return {
    read,
    matched: entries.length,
    replied: n('replied'),
    skipped: n('skipped', 'already-answered', 'answered-meanwhile', 'unchanged'),
    deferred: n('deferred'),
    failed: n('failed', 'not-attempted'),
    planned,
  };
}

/** At most `max` code points, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
