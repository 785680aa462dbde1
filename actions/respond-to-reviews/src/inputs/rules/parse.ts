/**
 * Rules, read from YAML or JSON and checked completely before anything is sent:
 *
 *   - name: thank happy customers        # optional
 *     rating: 4-5                        # 5 | "4-5" | [1, 2]
 *     territories: [USA, GBR]            # alpha-3 codes
 *     words: [love, great]               # any of them, whole words, any case
 *     regex: "crash(es|ed)?"             # or a list; any of them
 *     search-in: both                    # title | body | both (default)
 *     min-age-days: 0                    # review age, in days
 *     max-age-days: 30
 *     reply: "Thank you, {nickname}!"    # or per language / territory:
 *     # reply: { en: "...", de: "...", CAN: "...", default: "..." }
 *   - rating: 1-2
 *     skip: true                         # matches, and answers nothing
 *
 * The document is a list of rules, or a mapping with a `rules` list. Every condition of a rule
 * must hold; the first rule that matches a review decides.
 */
import { checkTerritories, didYouMean, LANGUAGES, TERRITORY_HINT } from '@asc-actions/core';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseTemplate, type Template } from './template.js';
import { isProblem, parseRatings, regexPattern, wordPattern, type TextPattern } from './values.js';
import type { RulesSource } from './source.js';

export type SearchIn = 'title' | 'body' | 'both';

export interface Rule {
  name: string;
  line?: number;
  ratings?: ReadonlySet<number>;
  territories?: ReadonlySet<string>;
  words?: RegExp[];
  patterns?: TextPattern[];
  searchIn: SearchIn;
  minAgeDays?: number;
  maxAgeDays?: number;
  /** Keyed by territory code, language code or `default`. Absent for a skip rule. */
  replies?: ReadonlyMap<string, Template>;
  skip: boolean;
}

/** Rules in one list: a cap keeps a hostile or generated file from exhausting memory. */
export const MAX_RULES = 1000;

const KEYS = [
  'name',
  'rating',
  'territories',
  'words',
  'regex',
  'search-in',
  'min-age-days',
  'max-age-days',
  'reply',
  'skip',
] as const;
type Key = (typeof KEYS)[number];

export function parseRules(source: RulesSource): Rule[] {
  let root = source.root();
  if (isMap(root)) {
    const rules = root.items.find((p) => scalarText(p.key) === 'rules');
    const other = root.items.find((p) => scalarText(p.key) !== 'rules');
    if (other)
      source.fail(
        other.key as Node,
        `unknown key "${scalarText(other.key)}" at the top (expected a list of rules, or "rules:" with a list).${didYouMean(scalarText(other.key), ['rules'])}`,
      );
    root = (rules?.value as Node | undefined) ?? null;
  }
  if (!isSeq(root)) source.fail(root, 'expected a list of rules');
  if (root.items.length === 0) source.fail(root, 'the list of rules is empty');
  if (root.items.length > MAX_RULES)
    source.fail(
      root,
      `${root.items.length} rules; at most ${MAX_RULES} are accepted (first match wins, so a longer list is a mistake)`,
    );
  // Every rule is read even when one has a problem, so one run reports them all.
  const rules = root.items.map((item, i) => source.collect(() => parseRule(source, item as Node, i + 1)));
  source.finish();
  return rules as Rule[];
}

function scalarText(node: unknown): string {
  return isScalar(node) ? String(node.value) : '';
}

function parseRule(source: RulesSource, node: Node, index: number): Rule {
  if (!isMap(node)) source.fail(node, `rule ${index} must be a mapping (rating:, reply: …)`);
  const fields = new Map<Key, Pair>();
  for (const pair of node.items) {
    const key = scalarText(pair.key);
    if ((KEYS as readonly string[]).includes(key)) fields.set(key as Key, pair);
    else
      source.report(
        pair.key as Node,
        `rule ${index} has an unknown key "${key}" (known: ${KEYS.join(', ')}).${didYouMean(key, KEYS)}`,
      );
  }
  const value = (key: Key): Node | undefined => (fields.get(key)?.value as Node | null | undefined) ?? undefined;
  const name =
    value('name') === undefined ? `rule ${index}` : text(source, value('name')!, `the name of rule ${index}`);
  const label = value('name') === undefined ? `rule ${index}` : `rule "${name}"`;
  const rule: Rule = { name, line: source.lineOf(node), searchIn: 'both', skip: false };
  readConditions(source, label, value, rule);
  readAction(source, label, node, value, rule);
  return rule;
}

function text(source: RulesSource, node: Node, what: string): string {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object')
    source.fail(node, `${what} must be text`);
  return String(node.value);
}

function list(source: RulesSource, node: Node, what: string): Array<{ text: string; node: Node }> {
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const out = items.map((item) => ({ text: text(source, item, what), node: item }));
  if (out.length === 0) source.fail(node, `${what} is an empty list`);
  return out;
}

function days(source: RulesSource, node: Node, what: string): number {
  const n = isScalar(node) ? Number(node.value) : NaN;
  if (!Number.isFinite(n) || n < 0) source.fail(node, `${what} must be a number of days, 0 or more`);
  return n;
}

function readConditions(source: RulesSource, label: string, value: (k: Key) => Node | undefined, rule: Rule): void {
  const rating = value('rating');
  if (rating) {
    const parsed = parseRatings(isSeq(rating) ? rating.toJSON() : isScalar(rating) ? rating.value : undefined);
    if (isProblem(parsed)) source.fail(rating, `${label}: ${parsed.problem}`);
    rule.ratings = parsed;
  }
  const territories = value('territories');
  if (territories) {
    const items = list(source, territories, `the territories of ${label}`).flatMap((t) =>
      t.text.split(',').map((c) => ({ ...t, text: c.trim() })),
    );
    const checked = checkTerritories(items.map((t) => t.text));
    if (checked.unknown.length > 0)
      source.fail(territories, `${label}: unknown territory code "${checked.unknown[0]}" (${TERRITORY_HINT})`);
    rule.territories = new Set(checked.codes);
  }
  const words = value('words');
  if (words)
    rule.words = list(source, words, `the words of ${label}`).map((w) =>
      compiled(source, w.node, label, wordPattern(w.text)),
    );
  const regex = value('regex');
  if (regex)
    rule.patterns = list(source, regex, `the regex of ${label}`).map((r) =>
      compiled(source, r.node, label, regexPattern(r.text)),
    );
  const searchIn = value('search-in');
  if (searchIn) {
    const where = text(source, searchIn, `search-in of ${label}`).toLowerCase();
    if (where !== 'title' && where !== 'body' && where !== 'both')
      source.fail(searchIn, `${label}: search-in must be title, body or both`);
    rule.searchIn = where;
  }
  const min = value('min-age-days');
  if (min) rule.minAgeDays = days(source, min, `min-age-days of ${label}`);
  const max = value('max-age-days');
  if (max) rule.maxAgeDays = days(source, max, `max-age-days of ${label}`);
  if (rule.minAgeDays !== undefined && rule.maxAgeDays !== undefined && rule.minAgeDays > rule.maxAgeDays) {
    source.fail(min, `${label}: min-age-days (${rule.minAgeDays}) is more than max-age-days (${rule.maxAgeDays})`);
  }
}

function compiled<T>(source: RulesSource, node: Node, label: string, result: T | { problem: string }): T {
  if (isProblem(result)) source.fail(node, `${label}: ${result.problem}`);
  return result;
}

function readAction(
  source: RulesSource,
  label: string,
  node: YAMLMap,
  value: (k: Key) => Node | undefined,
  rule: Rule,
): void {
  const skip = value('skip');
  const reply = value('reply');
  if (skip) {
    if (!isScalar(skip) || skip.value !== true)
      source.fail(skip, `${label}: skip must be true (leave it out to answer)`);
    if (reply) source.fail(reply, `${label} has both reply and skip; a rule either answers or skips`);
    rule.skip = true;
    return;
  }
  if (!reply) source.fail(node, `${label} has neither reply nor skip: true`);
  rule.replies = isMap(reply) ? replyMap(source, label, reply) : new Map([['default', template(source, reply, label)]]);
}

function replyMap(source: RulesSource, label: string, map: YAMLMap): Map<string, Template> {
  const out = new Map<string, Template>();
  for (const pair of map.items) {
    const raw = scalarText(pair.key).trim();
    const key = /^[a-z]{3}$/i.test(raw) ? raw.toUpperCase() : raw.toLowerCase();
    const known = key === 'default' || LANGUAGES.has(key) || checkTerritories([key]).unknown.length === 0;
    if (!known)
      source.fail(
        pair.key as Node,
        `${label}: "${raw}" is not a language (en, de, ja …), a territory (USA, CAN …) or default`,
      );
    out.set(key, template(source, pair.value as Node, `${label} (${raw})`));
  }
  if (out.size === 0) source.fail(map, `${label}: the reply mapping is empty`);
  return out;
}

function template(source: RulesSource, node: Node | null, label: string): Template {
  if (!node || !isScalar(node) || node.value === null) source.fail(node ?? undefined, `${label}: the reply is empty`);
  if (typeof node.value !== 'string') source.fail(node, `${label}: the reply must be text`);
  const parsed = parseTemplate(node.value.replace(/\r\n?/g, '\n').trimEnd());
  if (isProblem(parsed)) source.fail(node, `${label}: ${parsed.problem}`);
  return parsed;
}
