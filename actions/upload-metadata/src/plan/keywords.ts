/**
 * Keyword lint, the check no CI tool gives: the keyword field is 100 characters that search
 * indexes together with the app's name and subtitle, so every wasted character costs reach.
 * All findings are warnings.
 */
import type { Finding } from '../model/findings.js';
import type { SourceValue } from '../model/source.js';

/** Flag budgets with more than this many characters unused. */
export const UNUSED_BUDGET_WARNING = 10;

const words = (text: string | undefined): Set<string> =>
  new Set(
    (text ?? '')
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );

export function lintKeywords(
  keywords: SourceValue,
  locale: string,
  name: string | undefined,
  subtitle: string | undefined,
): Finding[] {
  const text = keywords.value;
  if (!text) return [];
  const findings: Finding[] = [];
  const at = { file: keywords.file, line: keywords.line, locale, field: 'keywords' };
  const warn = (code: string, message: string) =>
    findings.push({ level: 'warning', code, message: `${keywords.file} (${locale}): ${message}`, ...at });
  const terms = text
    .split(',')
    .map((t) => t.trim().toLocaleLowerCase())
    .filter((t) => t !== '');
  const duplicates = [...new Set(terms.filter((t, i) => terms.indexOf(t) !== i))];
  if (duplicates.length) warn('keywords-duplicate', `duplicate keywords: ${duplicates.join(', ')}.`);
  const indexed = new Set([...words(name), ...words(subtitle)]);
  const repeated = [
    ...new Set(terms.filter((t) => [...words(t)].length > 0 && [...words(t)].every((w) => indexed.has(w)))),
  ];
  if (repeated.length)
    warn(
      'keywords-in-name',
      `already in the name or subtitle, which App Store search indexes anyway: ${repeated.join(', ')}.`,
    );
  const spaced = (text.match(/,\s+|\s+,/g) ?? []).length;
  if (spaced)
    warn(
      'keywords-space',
      `${spaced} space${spaced > 1 ? 's' : ''} next to commas use characters of the 100 for nothing.`,
    );
  const unused = 100 - [...text].length;
  if (unused > UNUSED_BUDGET_WARNING) warn('keywords-unused', `${unused} of the 100 characters are unused.`);
  return findings;
}
