/** Rules and templates, table-driven: the pure part that decides what each review gets. */
import { parseRules, type Rule } from '../src/inputs/rules/parse.js';
import { RulesSource } from '../src/inputs/rules/source.js';
import { matchReview, templateFor } from '../src/plan/match.js';
import { parseTemplate, renderTemplate, type Template } from '../src/inputs/rules/template.js';
import { TERRITORIES, languageOf } from '@asc-actions/core';
import type { Review } from '../src/model.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const rules = (yaml: string): Rule[] => parseRules(new RulesSource(yaml, { input: 'rules' }));

function review(fields: Partial<Review> = {}): Review {
  const createdMs = fields.createdMs ?? NOW - 3_600_000;
  return {
    id: 'r',
    rating: 5,
    title: '',
    body: '',
    nickname: 'Sam',
    createdDate: new Date(createdMs).toISOString(),
    createdMs,
    territory: 'USA',
    ...fields,
  };
}

/** Which rule (by name) answers, and with which template key; 'none' when no rule matches. */
function decide(rs: Rule[], r: Review): string {
  const m = matchReview(rs, r, NOW);
  return m ? `${m.rule.name}${m.templateKey ? `/${m.templateKey}` : ''}` : 'none';
}

describe('conditions', () => {
  const set = rules(String.raw`
- name: low
  rating: 1-2
  reply: x
- name: crash
  words: [crash, "dark mode", Absturz, 検索]
  reply: x
- name: regex
  regex: ['\bv?1\.\d+\b', 'freez(e|es|ing)']
  search-in: title
  reply: x
- name: german
  territories: [DEU, AUT, CHE]
  reply: x
- name: fresh
  max-age-days: 2
  min-age-days: 1
  reply: x
- name: rest
  skip: true
`);

  test.each<[string, Partial<Review>, string]>([
    ['a 1-star review', { rating: 1 }, 'low/default'],
    ['a 2-star review', { rating: 2 }, 'low/default'],
    ['a word in the body, any case', { rating: 3, body: 'It CRASHES? no: it Crash-ed' }, 'crash/default'],
    ['a word must be whole: "crashes" is not "crash"', { rating: 3, body: 'crashes daily' }, 'rest'],
    ['a phrase across spaces and a line break', { rating: 3, body: 'please add dark\nmode' }, 'crash/default'],
    ['a German word with umlauts around it', { rating: 3, body: 'Ständiger Absturz!' }, 'crash/default'],
    [
      'a Japanese word inside a sentence (no spaces in Japanese)',
      { rating: 3, body: '検索がもう少し速いと嬉しいです' },
      'crash/default',
    ],
    ['a regex in the title', { rating: 3, title: 'Broken since v1.4' }, 'regex/default'],
    ['the regex rule looks only at the title', { rating: 3, title: 'ok', body: 'v1.4 freezes' }, 'rest'],
    ['a territory of the list', { rating: 4, territory: 'AUT' }, 'german/default'],
    ['an age inside the range', { rating: 4, createdMs: NOW - 36 * 3_600_000 }, 'fresh/default'],
    ['too young for min-age-days', { rating: 4, createdMs: NOW - 3_600_000 }, 'rest'],
    ['too old for max-age-days', { rating: 4, createdMs: NOW - 72 * 3_600_000 }, 'rest'],
  ])('%s', (_what, fields, expected) => {
    expect(decide(set, review(fields))).toBe(expected);
  });

  test('every condition of a rule must hold; the first rule that matches wins', () => {
    const rs = rules('- name: a\n  rating: 1\n  words: [bug]\n  reply: a\n- name: b\n  words: [bug]\n  reply: b');
    expect(decide(rs, review({ rating: 1, body: 'a bug' }))).toBe('a/default');
    expect(decide(rs, review({ rating: 2, body: 'a bug' }))).toBe('b/default');
    expect(decide(rs, review({ rating: 1, body: 'fine' }))).toBe('none');
  });
});

describe('per-language replies', () => {
  const rs = rules(`
- name: thanks
  rating: 4-5
  reply:
    en: "Thanks!"
    de: "Danke!"
    ja: "ありがとう！"
    CAN: "Thanks / Merci !"
- name: fallback
  rating: 4-5
  reply:
    default: "🙏"
`);
  test.each([
    ['USA', 'thanks/en'],
    ['GBR', 'thanks/en'],
    ['DEU', 'thanks/de'],
    ['AUT', 'thanks/de'],
    ['CHE', 'thanks/de'],
    ['JPN', 'thanks/ja'],
    ['CAN', 'thanks/CAN'],
    ['FRA', 'fallback/default'],
    ['BRA', 'fallback/default'],
  ])('a review from %s is answered with %s', (territory, expected) => {
    expect(decide(rs, review({ territory }))).toBe(expected);
  });

  test('every App Store territory has a language, and a plain reply is the default for all', () => {
    expect(TERRITORIES.size).toBe(233);
    for (const code of TERRITORIES) expect(languageOf(code)).toMatch(/^[a-z]{2}$/);
    const [plain] = rules('- reply: "Hi"');
    expect(templateFor(plain!, 'KOR')?.key).toBe('default');
  });
});

describe('skip rules', () => {
  test('a skip rule matches and answers nothing; later rules are not tried', () => {
    const rs = rules('- name: no ads talk\n  words: [ads]\n  skip: true\n- name: all\n  reply: "Thanks"');
    const m = matchReview(rs, review({ body: 'too many ads' }), NOW);
    expect(m?.rule.name).toBe('no ads talk');
    expect(m?.template).toBeUndefined();
    expect(decide(rs, review({ body: 'nice' }))).toBe('all/default');
  });
});

describe('templates', () => {
  const values = { nickname: 'Mia', rating: '4', title: 'Nice', territory: 'GBR', app_name: 'Demo Notes' };
  const render = (source: string): string => renderTemplate(parseTemplate(source) as Template, values);

  test.each([
    ['Thanks {nickname}!', 'Thanks Mia!'],
    ['{rating} stars for {app_name} from {territory}: "{title}"', '4 stars for Demo Notes from GBR: "Nice"'],
    ['{ nickname }', 'Mia'],
    ['Braces: {{nickname}} and }} stay', 'Braces: {nickname} and } stay'],
    ['No placeholders at all', 'No placeholders at all'],
  ])('%s', (source, expected) => {
    expect(render(source)).toBe(expected);
  });

  test.each([
    ['', 'the reply is empty'],
    ['   \n ', 'the reply is empty'],
    ['Hi {name}', 'unknown placeholder "{name}"'],
    ['Hi {}', 'unknown placeholder "{}"'],
    ['Hi {nickname', 'a "{" is not closed'],
    ['x'.repeat(5971), 'the reply is 5971 characters long before any placeholder is filled in'],
    ['😀'.repeat(5971), 'the reply is 5971 characters long'],
  ])('%j is refused', (source, problem) => {
    expect((parseTemplate(source) as { problem: string }).problem).toContain(problem);
  });

  test('length is counted in code points: 5,970 emoji (11,940 UTF-16 units) fit', () => {
    expect(parseTemplate('😀'.repeat(5970))).toHaveProperty('parts');
  });
});

describe('documents', () => {
  test('a rules: mapping, a plain list and JSON read the same', () => {
    const yaml = rules('rules:\n  - rating: "4-5"\n    reply: Hi');
    const list = rules('- rating: [4, 5]\n  reply: Hi');
    const json = parseRules(
      new RulesSource('[{"rating": "4..5", "reply": "Hi"}]', { input: 'rules-file', file: 'r.json' }),
    );
    for (const rs of [yaml, list, json]) {
      expect([...(rs[0]!.ratings ?? [])]).toEqual([4, 5]);
      expect(rs[0]!.replies?.get('default')?.source).toBe('Hi');
    }
    expect(yaml[0]!.line).toBe(2);
  });
});
