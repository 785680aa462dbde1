export interface BenchRow {
  scenario: string;
  figure: string;
  goal: string;
  /** undefined when the scenario has no pass/fail goal (information only). */
  met?: boolean;
}

export function printTable(rows: BenchRow[]): void {
  const header = ['scenario', 'measured', 'goal', 'met'];
  const cells = rows.map((r) => [r.scenario, r.figure, r.goal, r.met === undefined ? '—' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => [...(c[i] ?? '')].length)));
  const line = (c: string[]) => '| ' + c.map((x, i) => x + ' '.repeat(widths[i]! - [...x].length)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const c of cells) console.log(line(c));
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
