/**
 * Testers from the `testers` input (one per line: `email` or `email,first,last`) and from a CSV
 * file (`testers-file`). The CSV may have a header naming its columns (email, first name, last
 * name in any order and spelling) or none: then the cell with an `@` is the e-mail and the other
 * two, in order, are the first and last name — so fastlane's `first,last,email` files work too.
 * Duplicates (e-mails compared case-insensitively) keep their first occurrence.
 */
import { InputError } from '@asc-actions/core';

export interface TesterEntry {
  email: string;
  firstName?: string;
  lastName?: string;
  /** Where it came from, for messages: `testers line 2`, `beta.csv line 7`. */
  source: string;
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** Splits one CSV record (RFC 4180 quotes: `"a, b"`, `""` for a quote). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';') (cells.push(cell), (cell = ''));
    else cell += c;
  }
  cells.push(cell);
  return cells.map((x) => x.trim());
}

type Columns = { email: number; first?: number; last?: number };

function headerColumns(cells: string[]): Columns | undefined {
  const norm = cells.map((c) => c.toLowerCase().replace(/[^a-z]/g, ''));
  const email = norm.findIndex((c) => c === 'email' || c === 'emailaddress');
  if (email < 0) return undefined;
  const first = norm.findIndex((c) => ['first', 'firstname', 'givenname'].includes(c));
  const last = norm.findIndex((c) => ['last', 'lastname', 'familyname', 'surname'].includes(c));
  return { email, first: first < 0 ? undefined : first, last: last < 0 ? undefined : last };
}

function entryOf(cells: string[], columns: Columns | undefined, where: { input?: string; file?: string; line: number; source: string }): TesterEntry {
  const at = columns?.email ?? cells.findIndex((c) => c.includes('@'));
  const email = at >= 0 ? (cells[at] ?? '') : '';
  if (!EMAIL.test(email)) {
    const found = email || cells.join(',');
    throw new InputError(`${where.source}: expected an e-mail address (e.g. ada@example.com, optionally followed by first and last name); got ${JSON.stringify(found.slice(0, 80))}.`, where);
  }
  const others = columns ? [] : cells.filter((_, i) => i !== at);
  const first = columns ? (columns.first !== undefined ? cells[columns.first] : undefined) : others[0];
  const last = columns ? (columns.last !== undefined ? cells[columns.last] : undefined) : others[1];
  return { email, firstName: first || undefined, lastName: last || undefined, source: where.source };
}

/** The `testers` input's lines. */
export function parseTesterLines(text: string): TesterEntry[] {
  const out: TesterEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    out.push(entryOf(csvCells(line), undefined, { input: 'testers', line: i + 1, source: `testers line ${i + 1}` }));
  });
  return out;
}

/** A testers CSV file's content; `file` names it in messages (and annotations). */
export function parseTesterCsv(text: string, file: string): TesterEntry[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let columns: Columns | undefined;
  const out: TesterEntry[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const cells = csvCells(raw);
    if (out.length === 0 && columns === undefined && !cells.some((c) => c.includes('@'))) {
      columns = headerColumns(cells);
      if (!columns) throw new InputError(`${file} line ${i + 1}: a header row must name an "email" column; got ${JSON.stringify(raw.slice(0, 80))}.`, { input: 'testers-file', file, line: i + 1 });
      return;
    }
    out.push(entryOf(cells, columns, { input: 'testers-file', file, line: i + 1, source: `${file} line ${i + 1}` }));
  });
  return out;
}

/** One entry per e-mail address (case-insensitive), the first occurrence kept. */
export function uniqueTesters(entries: TesterEntry[]): TesterEntry[] {
  const seen = new Set<string>();
  return entries.filter((t) => {
    const key = t.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
