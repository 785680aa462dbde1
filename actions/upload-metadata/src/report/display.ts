/** How values appear in logs, summaries and comments: shortened, one line, secrets hidden. */
import type { Change } from '../model/plan.js';

export const SHOWN_LENGTH = 60;

const codePoints = (text: string): number => [...text].length;

export function shorten(text: string, max = SHOWN_LENGTH): string {
  const one = text.replace(/\r?\n/g, ' ⏎ ');
  return codePoints(one) <= max ? one : `${[...one].slice(0, max - 1).join('')}…`;
}

/** Where two texts first differ (in code points), so a long text shows the part that changed. */
function firstDifference(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * A side of a change as a person should see it: shortened around the first difference when
 * both sides are long. App Review contact details and credentials never show.
 */
export function shown(change: Change, side: 'before' | 'after', max = SHOWN_LENGTH): string {
  const value = side === 'before' ? change.before : change.after;
  if (value === undefined) return '(not set)';
  if (value === null) return '(cleared)';
  if (change.secret) return '(hidden)';
  const other = side === 'before' ? change.after : change.before;
  const chars = [...value];
  if (typeof other !== 'string' || chars.length <= max) return shorten(value, max);
  const start = Math.max(0, firstDifference(chars, [...other]) - 12);
  return start === 0 ? shorten(value, max) : `…${shorten(chars.slice(start).join(''), max - 1)}`;
}

/** `123/170` for fields with a limit, the length alone otherwise; empty for hidden or cleared values. */
export function lengthOf(change: Change): string {
  if (change.after === null || change.secret) return '';
  const n = codePoints(change.after);
  return change.limit !== undefined ? `${n}/${change.limit}` : String(n);
}

export const where = (change: Change): string => change.locale ?? '—';
