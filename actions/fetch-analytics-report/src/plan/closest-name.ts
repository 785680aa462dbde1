/** "Did you mean …?": the candidate nearest to a mistyped name, if it is near enough. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

/** The closest candidate (case-insensitive) within a third of the name's length, or undefined. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase().trim();
  let best: { name: string; d: number } | undefined;
  for (const c of candidates) {
    const d = c.toLowerCase().includes(wanted) && wanted.length >= 4 ? 1 : distance(wanted, c.toLowerCase());
    if (!best || d < best.d) best = { name: c, d };
  }
  return best && best.d <= Math.max(2, Math.floor(wanted.length / 3)) ? best.name : undefined;
}
