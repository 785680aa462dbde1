/**
 * Durations as people write them in workflow inputs: `90s`, `45m`, `1h30m`, `500ms`, `7d`, or
 * plain seconds (`300`). Units: ms, s, m, h, d; spaces and case do not matter.
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const WHOLE = /^(\d+(ms|s|m|h|d))+$/;
const PART = /(\d+)(ms|s|m|h|d)/g;

/** Milliseconds, or undefined when the text is not a duration. Plain digits are seconds. */
export function parseDuration(text: string): number | undefined {
  const value = text.toLowerCase().replace(/\s+/g, '');
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!WHOLE.test(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(PART)) total += Number(amount) * UNIT_MS[unit!]!;
  return Number.isSafeInteger(total) ? total : undefined;
}

/** For messages: "such as 90s, 45m, 1h, 1h30m, 7d or a number of seconds". */
export const DURATION_HINT = 'a duration such as 90s, 45m, 1h, 1h30m, 7d or a number of seconds';

/** A short human reading of a duration: `850 ms`, `42 s`, `3 min 5 s`, `2 h 10 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
