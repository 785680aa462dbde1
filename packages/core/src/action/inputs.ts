/**
 * Typed readers over the action's inputs (`INPUT_<NAME>` env vars, read by @actions/core).
 * Every refusal is an InputError naming the input and saying what it accepts.
 */
import { getInput } from '@actions/core';
import { InputError } from '../errors.js';
import { DURATION_HINT, parseDuration } from '../domain/durations.js';
import { acceptedValues, didYouMean } from '../suggest.js';

function raw(name: string): string {
  // Explicit: GitHub's local-action stubs getInput and trims only when asked to.
  return getInput(name, { trimWhitespace: true });
}

/** The value, quoted and shortened for a message. */
function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

export function required(name: string): string {
  const value = raw(name);
  if (value === '') throw new InputError(`Input "${name}" is required and was empty.`, { input: name });
  return value;
}

/** The trimmed value, or undefined when empty. */
export function optional(name: string): string | undefined {
  const value = raw(name);
  return value === '' ? undefined : value;
}

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

export function boolean(name: string, defaultValue: boolean): boolean {
  const value = raw(name).toLowerCase();
  if (value === '') return defaultValue;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new InputError(
    `Input "${name}" must be true or false (default ${defaultValue}; also accepted: yes/no, 1/0, on/off); got ${shown(raw(name))}.${didYouMean(value, ['true', 'false'])}`,
    { input: name },
  );
}

/**
 * true/false (with boolean's spellings) or one of `words` (such as `auto`), matched
 * case-insensitively. The refusal lists every accepted value, the default marked.
 */
export function booleanOr<W extends string>(name: string, words: readonly W[], defaultValue: boolean | W): boolean | W {
  const value = raw(name).toLowerCase();
  if (value === '') return defaultValue;
  const word = words.find((w) => w.toLowerCase() === value);
  if (word !== undefined) return word;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  const all = ['true', 'false', ...words];
  throw new InputError(
    `Input "${name}" must be one of ${acceptedValues(all, String(defaultValue))} (also accepted for true/false: yes/no, 1/0, on/off); got ${shown(raw(name))}.${didYouMean(value, all)}`,
    { input: name },
  );
}

/** One of `allowed`, matched case-insensitively and returned as spelled in `allowed`. */
export function enumeration<T extends string>(name: string, allowed: readonly T[], defaultValue: T): T {
  const value = raw(name);
  if (value === '') return defaultValue;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (match !== undefined) return match;
  throw new InputError(
    `Input "${name}" must be one of ${acceptedValues(allowed, defaultValue)}; got ${shown(value)}.${didYouMean(value, allowed)}`,
    {
      input: name,
    },
  );
}

/** Items separated by newlines or commas, trimmed, empty ones dropped. */
export function list(name: string): string[] {
  return raw(name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Free text (notes, templates): CRLF becomes LF, inner lines and indentation are kept. */
export function multiline(name: string): string {
  return getInput(name, { trimWhitespace: false })
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}

export function integer(name: string, defaultValue: number, range: { min?: number; max?: number } = {}): number {
  const value = raw(name);
  if (value === '') return defaultValue;
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
  const bounds =
    range.min !== undefined && range.max !== undefined
      ? ` from ${min} to ${max}`
      : range.min !== undefined
        ? ` ≥ ${min}`
        : range.max !== undefined
          ? ` ≤ ${max}`
          : '';
  throw new InputError(`Input "${name}" must be a whole number${bounds}; got ${shown(value)}.`, { input: name });
}

/**
 * A duration in milliseconds: "90s", "45m", "1h", "1h30m", "500ms", "7d", or plain seconds ("300").
 * `defaultMs` is returned when the input is empty.
 */
export function duration(name: string, defaultMs: number): number {
  const value = raw(name);
  if (value.trim() === '') return defaultMs;
  const ms = parseDuration(value);
  if (ms !== undefined) return ms;
  throw new InputError(`Input "${name}" must be ${DURATION_HINT}; got ${shown(value)}.`, { input: name });
}
