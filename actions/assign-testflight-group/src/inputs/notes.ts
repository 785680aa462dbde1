/**
 * What to Test: `test-notes` (text) or `test-notes-file` (a file). Either is plain text (it goes
 * where Apple put the build's What to Test: its existing localization, or the app's primary
 * locale — decided when planning) or a JSON object of locale → text. Each text is at most 4000 code points (Apple's limit,
 * counted as Apple counts: `[...text].length`), checked here, before any request.
 */
import { describeJsonError, InputError } from '@asc-actions/core';

export const WHAT_TO_TEST_MAX = 4000;
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

type Where = { input: string; file?: string };

function fail(message: string, where: Where): never {
  throw new InputError(`${where.file ?? where.input}: ${message}`, where);
}

function check(locale: string, text: string, where: Where, label = `the test notes for ${locale}`): void {
  if (label.startsWith('the test notes for') && !LOCALE.test(locale))
    fail(`${JSON.stringify(locale)} is not a locale code such as en-US, de-DE or zh-Hans.`, where);
  if (text.trim() === '') fail(`${label} are empty.`, where);
  const length = [...text].length;
  if (length > WHAT_TO_TEST_MAX)
    fail(`${label} have ${length} characters; Apple allows at most ${WHAT_TO_TEST_MAX}.`, where);
}

/** Plain text, or locale → text. */
export type TestNotes = { plain: string } | { byLocale: Record<string, string> };

/** Plain text (locale decided when planning), or a JSON object mapping locales to texts. */
export function parseTestNotes(raw: string, where: Where): TestNotes {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .trim();
  if (!text.startsWith('{')) {
    check('', text, where, 'the test notes');
    return { plain: text };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const { line, column, reason } = describeJsonError(e, text);
    fail(
      `starts with "{" but is not valid JSON (line ${line}, column ${column}: ${reason}); give plain text, or a JSON object of locale → text.`,
      where,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    fail('must be a JSON object of locale → text, e.g. {"en-US": "…"}.', where);
  const out: Record<string, string> = {};
  for (const [locale, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'string') fail(`the value for ${JSON.stringify(locale)} must be text.`, where);
    const trimmed = value.replace(/\r\n?/g, '\n').trim();
    check(locale, trimmed, where);
    out[locale] = trimmed;
  }
  if (Object.keys(out).length === 0) fail('names no locale.', where);
  return { byLocale: out };
}
