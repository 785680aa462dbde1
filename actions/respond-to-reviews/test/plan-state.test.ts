/** The pure planning and the last-run state: table-driven, no API. */
import { InputError } from '@asc-actions/core';
import { plan } from '../src/plan/plan.js';
import { parseRules } from '../src/inputs/rules/parse.js';
import { RulesSource } from '../src/inputs/rules/source.js';
import { nextState, windowOf, type Window } from '../src/read/last-run/window.js';
import type { Review } from '../src/model.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;
const rules = parseRules(
  new RulesSource('- rating: 4-5\n  reply: "Thanks {nickname}"\n- rating: 1\n  skip: true', { input: 'rules' }),
);

function r(id: string, hoursAgo: number, fields: Partial<Review> = {}): Review {
  const createdMs = NOW - hoursAgo * HOUR;
  return {
    id,
    rating: 5,
    title: 't',
    body: 'b',
    nickname: 'Sam',
    createdDate: new Date(createdMs).toISOString(),
    createdMs,
    territory: 'USA',
    ...fields,
  };
}

const ctx = { rules, now: NOW, appName: 'App', overwriteExisting: false, maxReplies: 2, done: new Set<string>() };

describe('plan', () => {
  test('newest first; replies up to max-replies, the rest deferred; skip rules, existing replies, no match', () => {
    const p = plan(
      [
        r('old', 9),
        r('skip', 1, { rating: 1 }),
        r('new', 2),
        r('mid', 3),
        r('answered', 4, { reply: { id: 'x', body: 'hi' } }),
        r('none', 5, { rating: 3 }),
      ],
      ctx,
    );
    expect(p.items.map((i) => [i.review.id, i.action])).toEqual([
      ['skip', 'skip-rule'],
      ['new', 'reply'],
      ['mid', 'reply'],
      ['answered', 'has-reply'],
      ['old', 'deferred'],
    ]);
    expect(p.replies.map((i) => i.review.id)).toEqual(['new', 'mid']);
    expect(p.considered).toBe(6);
  });

  test('with overwrite-existing: a different reply is replaced, the same text is left', () => {
    const p = plan(
      [r('differs', 1, { reply: { id: 'a', body: 'old' } }), r('same', 2, { reply: { id: 'b', body: 'Thanks Sam' } })],
      { ...ctx, overwriteExisting: true },
    );
    expect(p.items.map((i) => [i.review.id, i.action, i.text])).toEqual([
      ['differs', 'reply', 'Thanks Sam'],
      ['same', 'unchanged', 'Thanks Sam'],
    ]);
  });

  test('reviews an earlier run handled are left out', () => {
    expect(plan([r('a', 1), r('b', 2)], { ...ctx, done: new Set(['a']) }).items.map((i) => i.review.id)).toEqual(['b']);
  });

  test('a reply that grows past 5,970 characters with a long nickname is an InputError', () => {
    const long = parseRules(new RulesSource(`- reply: "${'x'.repeat(5960)} {nickname}"`, { input: 'rules' }));
    expect(() => plan([r('a', 1, { nickname: 'n'.repeat(10) })], { ...ctx, rules: long })).toThrow(InputError);
    expect(plan([r('a', 1, { nickname: 'n'.repeat(9) })], { ...ctx, rules: long }).replies).toHaveLength(1);
  });
});

describe('next state (since: last-run)', () => {
  const read = [r('n1', 1), r('n2', 2), r('n3', 3), r('n4', 4)];
  const ids = (s: { done: string[] }) => s.done;
  const markOf = (s: { markMs?: number }) => (s.markMs === undefined ? undefined : (NOW - s.markMs) / HOUR);

  test.each<[string, string[], boolean, number | undefined, string[]]>([
    ['everything handled: the mark moves to the newest review', ['n1', 'n2', 'n3', 'n4'], false, 1, ['n1']],
    ['the newest deferred: the mark stops below it', ['n2', 'n3', 'n4'], false, 2, ['n2']],
    [
      'the oldest deferred: the mark stays, the handled ones are listed',
      ['n1', 'n2', 'n3'],
      false,
      undefined,
      ['n1', 'n2', 'n3'],
    ],
    ['a failure in the middle: the mark stops below it', ['n1', 'n2', 'n4'], false, 4, ['n1', 'n2', 'n4']],
    ['reading was capped: the mark cannot move', ['n1', 'n2', 'n3', 'n4'], true, undefined, ['n1', 'n2', 'n3', 'n4']],
  ])('%s', (_what, handled, capped, mark, done) => {
    const s = nextState('app', windowOf(undefined), read, new Set(handled), capped);
    expect(markOf(s)).toBe(mark);
    expect(ids(s)).toEqual(done);
  });

  test('ids handled by an earlier run count, and two reviews of the same second are told apart', () => {
    // a and b were written in the same second; this run handled a (and the older c), not b.
    const first = nextState('app', windowOf(undefined), [r('a', 1), r('b', 1), r('c', 2)], new Set(['a', 'c']), false);
    expect(markOf(first)).toBe(1);
    expect(ids(first)).toEqual(['a']);
    // The next run reads from that second on (inclusive), leaves a out, and handles b.
    const window: Window = windowOf(first);
    const again = [r('a', 1), r('b', 1), r('d', 0.5)];
    expect(plan(again, { ...ctx, done: window.done }).items.map((i) => i.review.id)).toEqual(['d', 'b']);
    const second = nextState('app', window, again, new Set(['b', 'd']), false);
    expect(markOf(second)).toBe(0.5);
    expect(ids(second)).toEqual(['d']);
  });
});
