/**
 * Readers for the values a rule (or an input) holds: rating ranges, words, regular expressions.
 * Each returns the value or a problem sentence; the caller adds where it was written.
 */
import { RE2JS } from 're2js';

export type Problem = { problem: string };
export const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'problem' in x;

/**
 * `5`, `"4-5"`, `"1..2"`, `"1,2"`, or a list of those → the set of star ratings (1 to 5).
 * A range must go up (`5-1` is refused: it reads like a typo).
 */
export function parseRatings(value: unknown): ReadonlySet<number> | Problem {
  const items = Array.isArray(value) ? value : [value];
  const out = new Set<number>();
  if (items.length === 0) return { problem: 'no rating given (write 5, "4-5" or [1, 2])' };
  for (const item of items) {
    for (const part of String(item).split(',')) {
      const text = part.trim();
      const range = /^(\d+)\s*(?:-|\.\.)\s*(\d+)$/.exec(text);
      const [lo, hi] = range
        ? [Number(range[1]), Number(range[2])]
        : /^\d+$/.test(text)
          ? [Number(text), Number(text)]
          : [NaN, NaN];
      if (Number.isNaN(lo) || Number.isNaN(hi))
        return { problem: `"${text}" is not a rating or a range of ratings (write 5, "4-5" or [1, 2])` };
      if (lo < 1 || hi > 5) return { problem: `ratings go from 1 to 5 stars; "${text}" does not` };
      if (lo > hi) return { problem: `the range "${text}" goes down; write "${hi}-${lo}"` };
      for (let r = lo; r <= hi; r++) out.add(r);
    }
  }
  return out;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Letters of scripts that separate words with spaces: there a word must match whole. */
const SPACED =
  /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Hebrew}\p{Script=Arabic}\p{N}]/u;

/**
 * A word or phrase, matched case-insensitively as a whole word ("ad" does not match "add").
 * In scripts written without spaces (Japanese, Chinese, Thai) it matches anywhere.
 */
export function wordPattern(word: string): RegExp | Problem {
  const text = word.trim().normalize('NFC');
  if (text === '') return { problem: 'an empty word' };
  const chars = [...text];
  const before = SPACED.test(chars[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = SPACED.test(chars.at(-1)!) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${before}${escapeRegExp(text).replace(/\s+/g, '\\s+')}${after}`, 'iu');
}

/** What a rule's text condition needs: RegExp (words) and RE2JS (regexes) both fit. */
export interface TextPattern {
  test(text: string): boolean;
}

/** The longest regular expression a rule may hold. */
export const MAX_REGEX_LENGTH = 1000;

/**
 * A regular expression, matched case-insensitively by RE2 (the re2js port): linear time in the
 * text, whatever the pattern, so a rule like `(a+)+$` cannot hang a run on a hostile review.
 * RE2 syntax is JavaScript's without backreferences and lookarounds; those are refused.
 */
export function regexPattern(source: string): TextPattern | Problem {
  if (source === '') return { problem: 'an empty regular expression' };
  if (source.length > MAX_REGEX_LENGTH)
    return { problem: `a regular expression of ${source.length} characters; at most ${MAX_REGEX_LENGTH} are accepted` };
  try {
    return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const why =
      error instanceof Error
        ? error.message.replace(/^error parsing regexp: /, '').replace(/: `[^`]*`$/, '')
        : String(error);
    return {
      problem: `the regular expression ${JSON.stringify(source.slice(0, 80))} is not valid: ${why} (RE2 syntax: no backreferences or lookarounds)`,
    };
  }
}
