/**
 * One message style for lists and choices, shared by every action: "did you mean …?" for a near
 * miss (rules keys, placeholders, group names, report types, inputs) and the list of accepted
 * values, default included.
 */

/** Levenshtein distance (insert, delete, substitute), over code points, two rows of memory. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (x[i - 1] === y[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[y.length]!;
}

/** Names longer than this are not compared (a hostile value must not cost quadratic time). */
const MAX_COMPARED_LENGTH = 200;

/**
 * The known name a near miss probably meant, or undefined: case, `_`/`-`/space differences are
 * free; otherwise the closest within max(2, a quarter of the candidate's length) edits. Ties go
 * to the earlier candidate, so callers list the likelier names first.
 */
export function nearest(name: string, known: readonly string[]): string | undefined {
  if (name.length > MAX_COMPARED_LENGTH) return undefined;
  const fold = (s: string): string => s.toLowerCase().replace(/[_\s]/g, '-');
  const wanted = fold(name);
  let best: { name: string; d: number } | undefined;
  for (const candidate of known) {
    if (candidate === name || candidate.length > MAX_COMPARED_LENGTH) continue;
    const d = editDistance(wanted, fold(candidate));
    if (d <= Math.max(2, Math.floor(candidate.length / 4)) && (!best || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}

/** " Did you mean X?" (leading space, ready to append to a sentence), or '' when nothing is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  const guess = nearest(name, known);
  return guess === undefined ? '' : ` Did you mean ${guess}?`;
}

/**
 * Every accepted value in the order given, the default marked: `true, false, auto (default)`.
 * Lists longer than `max` are cut with a count, so a message stays one readable line.
 */
export function acceptedValues(values: readonly string[], defaultValue?: string, max = 60): string {
  const shown = values.slice(0, max).map((v) => (v === defaultValue ? `${v} (default)` : v));
  const rest = values.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
