/**
 * A report's header line, bound to what the action knows about the report type: which column
 * index plays which role. A header that is not a header, or lacks a column the math needs, is
 * refused with the columns seen — never guessed at by position.
 */
import type { ReportType } from '../../catalog.js';
import { isoDate } from '../../plan/periods.js';
import { DATE_COLUMN, layoutOf, normalName, type Layout, type Roles } from './layouts.js';
import { ReportError } from './report-error.js';

export type RoleIndex = { [K in keyof Roles]-?: number };

export interface Binding {
  layout: Layout;
  columns: string[];
  /** -1 where the report has no such column. */
  at: RoleIndex;
  sums: Array<{ name: string; index: number }>;
  dateColumns: number[];
  /** Roles the layout names but this header lacks (optional ones): said in the summary. */
  missingRoles: string[];
}

const seen = (columns: string[]): string => columns.map((c) => JSON.stringify(c)).join(', ');

/** Splits and checks a header line; `where` names the report in messages. */
export function bindHeader(line: string, type: ReportType, where: string): Binding {
  const columns = line
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '')
    .split('\t');
  const layout = layoutOf(type);
  const refuse = (why: string): never => {
    throw new ReportError(
      `${where}: the header is not one this action knows (${why}); columns seen: ${seen(columns)}. Nothing was written.`,
    );
  };
  if (line.trim() === '') throw new ReportError(`${where}: the report is empty (no header line). Nothing was written.`);
  if (columns.length < 2) refuse('a tab-separated header has at least two columns');
  const names = columns.map(normalName);
  if (names.some((n) => n === '')) refuse('a column has no name');
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) refuse(`column ${JSON.stringify(dup)} appears twice`);
  const dataLike = columns.find((c) => /^[-+]?\d*\.?\d+$/.test(c.trim()) || isoDate(c.trim()) !== undefined);
  if (dataLike !== undefined)
    refuse(`${JSON.stringify(dataLike)} is a value, not a column name: the first line is data`);
  const indexOf = (name: string | undefined): number => (name === undefined ? -1 : names.indexOf(normalName(name)));
  const missing = layout.required.filter((r) => indexOf(r) < 0);
  if (missing.length) refuse(`a ${layout.name} needs ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  const roles = Object.keys(ROLE_NAMES) as Array<keyof Roles>;
  const at = Object.fromEntries(roles.map((r) => [r, indexOf(layout.roles[r])])) as RoleIndex;
  if (at.perUnit >= 0 && (at.units < 0 || at.currency < 0))
    refuse('per-unit proceeds without units or currency cannot be summed');
  const sums = layout.sums
    ? columns.flatMap((name, index) => (layout.sums!.test(name.trim()) ? [{ name: name.trim(), index }] : []))
    : [];
  return {
    layout,
    columns,
    at,
    sums,
    dateColumns: columns.flatMap((c, i) => (DATE_COLUMN.test(c.trim()) ? [i] : [])),
    missingRoles: roles
      .filter((r) => layout.roles[r] !== undefined && at[r] < 0)
      .map((r) => `${ROLE_NAMES[r]} (${layout.roles[r]})`),
  };
}

const ROLE_NAMES: Record<keyof Roles, string> = {
  units: 'units',
  perUnit: 'per-unit proceeds',
  currency: 'currency',
  territory: 'territory',
  productType: 'product type',
  date: 'date',
  customerPrice: 'customer price',
  refundFlag: 'refund flag',
  extended: 'extended partner share',
  countBy: 'event',
};
