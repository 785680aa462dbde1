/**
 * Testers from the `testers` input and from a CSV file (`testers-file`), read the way people
 * write them:
 * - several addresses on one line, comma- or semicolon-separated: `carl@example.com, dora@example.com`;
 * - `Name <email>` entries, also several on a line: `Carl Jones <carl@example.com>; Dora <dora@example.com>`;
 * - one address with a first and last name: `email,First,Last` (or fastlane's `First,Last,email`).
 * A line that mixes several addresses with bare names is ambiguous and an error naming the line,
 * as is a cell with an `@` that is not an address: an e-mail address never becomes a name.
 * The CSV may start with a header naming its columns (email, first name, last name in any order
 * and spelling). Duplicates (e-mails compared case-insensitively) keep their first occurrence.
 */
import { InputError } from '@asc-actions/core';

export interface TesterEntry {
  email: string;
  firstName?: string;
  lastName?: string;
  /** Where it came from, for messages: `testers line 2`, `beta.csv line 7`. */
  source: string;
}

export const EMAIL = /^[^\s@,;<>"()[\]]+@[^\s@,;<>"()[\]]+\.[^\s@,;<>"()[\].]+$/;
const NAMED = /^(.*?)\s*<([^<>]*)>$/;

/** Splits one CSV record (RFC 4180 quotes: `"a, b"`, `""` for a quote) on commas and semicolons. */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((x) => x.trim());
}

type Where = { input: string; file?: string; line: number; source: string };

function fail(where: Where, message: string): never {
  throw new InputError(`${where.source}: ${message}`, { input: where.input, file: where.file, line: where.line });
}

const shown = (text: string): string => JSON.stringify(text.slice(0, 80));

/** `First Last` → first and last name (the first word, then the rest). */
function splitName(name: string): { firstName?: string; lastName?: string } {
  const words = name.replace(/^"|"$/g, '').trim().split(/\s+/).filter(Boolean);
  return { firstName: words[0], lastName: words.slice(1).join(' ') || undefined };
}

type Cell =
  | { kind: 'email'; email: string }
  | { kind: 'named'; email: string; name: string }
  | { kind: 'text'; text: string }
  | { kind: 'empty' };

function classify(cell: string, where: Where): Cell {
  if (cell === '') return { kind: 'empty' };
  const named = NAMED.exec(cell);
  if (named) {
    const email = named[2]!.trim();
    if (!EMAIL.test(email))
      fail(where, `${shown(email)} in ${shown(cell)} is not an e-mail address (expected Name <name@example.com>).`);
    return { kind: 'named', email, name: named[1]! };
  }
  if (cell.includes('@')) {
    if (!EMAIL.test(cell)) fail(where, `${shown(cell)} is not an e-mail address (expected e.g. ada@example.com).`);
    return { kind: 'email', email: cell };
  }
  return { kind: 'text', text: cell };
}

/** The testers one line (or headerless CSV row) names. */
export function entriesOfLine(line: string, where: Where): TesterEntry[] {
  const cells = csvCells(line).map((c) => classify(c, where));
  const addresses = cells.filter((c) => c.kind === 'email' || c.kind === 'named');
  const texts = cells.flatMap((c) => (c.kind === 'text' ? [c.text] : []));
  if (addresses.length === 0) {
    fail(
      where,
      `expected an e-mail address (ada@example.com, "Ada Lovelace <ada@example.com>" or "ada@example.com,Ada,Lovelace"); got ${shown(line)}.`,
    );
  }
  if (texts.length === 0) {
    return addresses.map((c) =>
      c.kind === 'named'
        ? { email: c.email, ...splitName(c.name), source: where.source }
        : { email: (c as { email: string }).email, source: where.source },
    );
  }
  if (addresses.length > 1 || addresses[0]!.kind === 'named') {
    fail(
      where,
      `mixes ${addresses.length > 1 ? 'several e-mail addresses' : 'a "Name <email>" entry'} with bare names (${texts.map(shown).join(', ')}); write one tester per line as "email,First,Last", or list only addresses.`,
    );
  }
  if (texts.length > 2) fail(where, `has ${texts.length} names for one address; expected "email,First,Last".`);
  return [
    { email: (addresses[0] as { email: string }).email, firstName: texts[0], lastName: texts[1], source: where.source },
  ];
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

function entryOfColumns(cells: string[], columns: Columns, where: Where): TesterEntry {
  const email = cells[columns.email] ?? '';
  if (!EMAIL.test(email)) fail(where, `the email column holds ${shown(email)}, which is not an e-mail address.`);
  const name = (i: number | undefined): string | undefined => {
    const value = i === undefined ? undefined : cells[i];
    if (value?.includes('@')) fail(where, `a name column holds ${shown(value)}; an e-mail address is never a name.`);
    return value || undefined;
  };
  return { email, firstName: name(columns.first), lastName: name(columns.last), source: where.source };
}

/** The `testers` input's lines. */
export function parseTesterLines(text: string): TesterEntry[] {
  const out: TesterEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    out.push(...entriesOfLine(line, { input: 'testers', line: i + 1, source: `testers line ${i + 1}` }));
  });
  return out;
}

/** A testers CSV file's content; `file` names it in messages (and annotations). */
export function parseTesterCsv(text: string, file: string): TesterEntry[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let columns: Columns | undefined;
  const out: TesterEntry[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const where = { input: 'testers-file', file, line: i + 1, source: `${file} line ${i + 1}` };
    const cells = csvCells(raw);
    if (out.length === 0 && columns === undefined && !cells.some((c) => c.includes('@'))) {
      columns = headerColumns(cells);
      if (!columns) fail(where, `a header row must name an "email" column; got ${shown(raw)}.`);
      return;
    }
    if (columns) out.push(entryOfColumns(cells, columns, where));
    else out.push(...entriesOfLine(raw, where));
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
