/**
 * Reads a report's data rows into the totals and hands them on to the output: the cells the math
 * needs are decoded and checked, date columns are read as dates, finance `Total_*` trailer
 * lines are checked instead of counted. A cell that is not what its column holds stops the run
 * with the report, line and column named.
 */
import { isoDate } from '../../plan/periods.js';
import type { Binding, RoleIndex } from './header.js';
import type { CellIds } from './keys.js';
import { rowText } from './lines.js';
import { Amount, scaled, scaledBytes } from './numbers.js';
import { ReportError } from './report-error.js';
import type { Totals } from '../../report/totals.js';

/**
 * Where parsed rows go (the output writer): the row's bytes and field offsets as lines.ts gives
 * them, and for each of the binding's date columns its YYYY-MM-DD text (undefined: keep as is).
 */
export interface RowSink {
  row(bytes: Buffer, starts: Int32Array, fields: number, dates: ReadonlyArray<string | undefined>): void;
}

/** A finance trailer line: `Total_Rows<TAB>2`. */
const isTotalLine = (bytes: Buffer, start: number, end: number): boolean =>
  bytes[start] === 84 /* T */ && end - start > 6 && bytes.toString('latin1', start, start + 6) === 'Total_';

export class RowParser {
  rows = 0;
  /** Cell id of a date as written → cell id of its YYYY-MM-DD text (0: not a date). */
  private readonly isoIds: number[] = [];
  private readonly trailer = new Map<string, string>();
  /** Σ units (scale 100) and Σ Extended Partner Share, for the trailer check. */
  private units = 0;
  private readonly extendedTotal = new Amount();
  private readonly dates: Array<string | undefined>;
  readonly notes: string[] = [];
  // The row being read, as fields (no closures per row: a million rows make that measurable).
  private bytes: Buffer = Buffer.alloc(0);
  private starts: Int32Array = new Int32Array(0);
  private lineNo = 0;
  // Read once, used for every row.
  private readonly ids: CellIds;
  private readonly at: RoleIndex;
  private readonly width: number;
  private readonly hasTrailer: boolean;
  private readonly hasExtras: boolean;

  constructor(
    private readonly b: Binding,
    private readonly totals: Totals,
    private readonly sink: RowSink | undefined,
    private readonly where: string,
  ) {
    this.dates = b.dateColumns.map(() => undefined);
    this.ids = totals.ids;
    this.at = b.at;
    this.width = b.columns.length;
    this.hasTrailer = b.layout.trailer === true;
    this.hasExtras = b.at.countBy >= 0 || b.at.extended >= 0 || b.sums.length > 0;
  }

  private fail(column: number, what: string): never {
    const cell = this.cell(column);
    throw new ReportError(
      `${this.where}, line ${this.lineNo}, column ${JSON.stringify(this.b.columns[column])}: expected ${what}, got ${JSON.stringify(cell)}. Nothing was written.`,
    );
  }

  private cell(i: number): string {
    return this.bytes.toString('utf8', this.starts[i], this.starts[i + 1]! - 1);
  }

  /** The id of a trimmed cell (see keys.ts); 0 for an empty cell or a missing column. */
  private id(i: number): number {
    return i < 0 ? 0 : this.ids.id(this.bytes, this.starts[i]!, this.starts[i + 1]! - 1);
  }

  private number(i: number, decimals: 2 | 4, what: string): number {
    if (i < 0) return 0;
    const v = scaledBytes(this.bytes, this.starts[i]!, this.starts[i + 1]! - 1, decimals);
    return Number.isNaN(v) ? this.fail(i, what) : v;
  }

  /** The id of the YYYY-MM-DD text of a date cell's id; 0 when the cell is not a date. */
  private isoId(raw: number): number {
    let iso = this.isoIds[raw];
    if (iso === undefined) {
      const text = isoDate(this.ids.texts[raw]!);
      this.isoIds[raw] = iso = text === undefined ? 0 : this.ids.idOf(text);
    }
    return iso;
  }

  /** One line after the header (see lines.ts for the offsets). */
  row(bytes: Buffer, starts: Int32Array, fields: number, lineNo: number): void {
    this.bytes = bytes;
    this.starts = starts;
    this.lineNo = lineNo;
    if (fields === 1 && starts[1]! - 1 <= starts[0]!) return;
    if (this.hasTrailer && (this.trailer.size > 0 || isTotalLine(bytes, starts[0]!, starts[fields]!)))
      return this.trailerLine(rowText(bytes, starts, fields));
    if (fields !== this.width) {
      throw new ReportError(
        `${this.where}, line ${lineNo}: ${fields} fields where the header has ${this.width}; the report is malformed. Nothing was written.`,
      );
    }
    this.rows++;
    const at = this.at;
    const units = this.number(at.units, 2, 'a number of units');
    const perUnit = this.number(at.perUnit, 4, 'an amount per unit');
    const currency = this.id(at.currency);
    if (currency === 0 && perUnit !== 0 && units !== 0) this.fail(at.currency, 'a currency for non-zero proceeds');
    const day = this.day();
    const refund =
      (at.refundFlag >= 0 && this.ids.texts[this.id(at.refundFlag)]!.toLowerCase() === 'yes') ||
      (at.customerPrice >= 0 && bytes[starts[at.customerPrice]!] === 45);
    this.totals.add(units, perUnit, currency, this.id(at.territory), this.id(at.productType), day, refund);
    this.units += units;
    if (this.hasExtras) this.extras(units, currency);
    if (this.sink) this.emit(fields);
  }

  /** Events, Apple's extended share, summed columns: only some reports have them. */
  private extras(units: number, currency: number): void {
    const at = this.at;
    if (at.countBy >= 0) this.totals.count(this.id(at.countBy), units || 100);
    if (at.extended >= 0) {
      const extended = this.number(at.extended, 4, 'an amount');
      this.totals.addExtended(currency, 100, extended);
      this.extendedTotal.addProduct(100, extended);
    }
    for (const s of this.b.sums) this.totals.sum(s.name, this.number(s.index, 2, 'a number'));
  }

  /** The id of the row's day (YYYY-MM-DD) from the layout's date column; 0 when it has none. */
  private day(): number {
    const raw = this.id(this.b.at.date);
    if (raw === 0) return 0;
    const iso = this.isoId(raw);
    return iso === 0 ? this.fail(this.b.at.date, 'a date (MM/DD/YYYY or YYYY-MM-DD)') : iso;
  }

  private emit(fields: number): void {
    const columns = this.b.dateColumns;
    for (let k = 0; k < columns.length; k++) {
      const i = columns[k]!;
      const iso = this.isoId(this.id(i));
      this.dates[k] = iso === 0 ? undefined : this.ids.texts[iso];
    }
    this.sink!.row(this.bytes, this.starts, fields, this.dates);
  }

  private trailerLine(text: string): void {
    const [name, value, ...rest] = text.split('\t');
    if (!name?.startsWith('Total_') || value === undefined || rest.length > 0) {
      throw new ReportError(
        `${this.where}, line ${this.lineNo}: expected a "Total_<name><TAB><value>" line after the first Total_ line, got ${JSON.stringify(text.slice(0, 80))}. Nothing was written.`,
      );
    }
    this.trailer.set(name, value.trim());
  }

  /** Checks the finance trailer against what was read; differences become notes. */
  finish(): void {
    const check = (name: string, read: string): void => {
      const value = this.trailer.get(name);
      if (value !== undefined && scaled(value, 4) !== scaled(read, 4))
        this.notes.push(`${this.where}: Apple's ${name} is ${value}, the rows add up to ${read}.`);
    };
    if (this.b.layout.trailer && this.trailer.size === 0)
      this.notes.push(`${this.where}: no Total_ lines at the end (finance reports usually have them).`);
    check('Total_Rows', String(this.rows));
    check('Total_Units', String(this.units / 100));
    if (this.b.at.extended >= 0) check('Total_Amount', this.extendedTotal.toNumber().toFixed(2));
  }
}
