/**
 * Running totals over parsed rows: proceeds per currency (never across currencies), units per
 * Product Type Identifier, per territory and per day, refunds, and the extra counts some reports
 * carry. This is the hot path of a million rows: rows come in as numbers (cell ids from
 * parse/keys.ts, 0 for an empty cell) and land in arrays; the string-keyed views are built
 * once, when the totals are read.
 */
import { CellIds } from '../read/parse/keys.js';
import { Amount, unitsNumber } from '../read/parse/numbers.js';
import { CLASSES, classOf, type UnitClass } from './classes.js';

/** A total as read: rows, units (scale 100), proceeds per currency. */
export interface Bucket {
  rows: number;
  units: number;
  proceeds: Map<string, Amount>;
}

/** The same, while rows come in: proceeds indexed by currency id. */
class Acc {
  rows = 0;
  units = 0;
  readonly money: Amount[] = [];

  add(units: number, currency: number, perUnit: number): void {
    this.rows++;
    this.units += units;
    if (currency !== 0) (this.money[currency] ??= new Amount()).addProduct(units, perUnit);
  }
}

export class Totals {
  readonly ids = new CellIds();
  private readonly allAcc = new Acc();
  private readonly territoryAcc: Acc[] = [];
  /** By the id of the day's YYYY-MM-DD text. */
  private readonly dayAcc: Acc[] = [];
  private readonly refundAcc = new Acc();
  private readonly productUnits: number[] = [];
  private readonly countUnits: number[] = [];
  private readonly extendedMoney: Amount[] = [];
  /** Scale 100, per summed column. */
  readonly sums = new Map<string, number>();
  /** Every unit of this report is of one class (Subscriber: subscriptions). */
  fixedClass?: UnitClass;

  /** One row: units (scale 100), per-unit money (scale 10 000), and cell ids (0: none). */
  add(
    units: number,
    perUnit: number,
    currency: number,
    territory: number,
    productType: number,
    day: number,
    refund: boolean,
  ): void {
    this.allAcc.add(units, currency, perUnit);
    if (productType !== 0) this.productUnits[productType] = (this.productUnits[productType] ?? 0) + units;
    if (territory !== 0) (this.territoryAcc[territory] ??= new Acc()).add(units, currency, perUnit);
    if (day !== 0) (this.dayAcc[day] ??= new Acc()).add(units, currency, perUnit);
    if (refund || units < 0) {
      this.refundAcc.rows++;
      if (units < 0) this.refundAcc.units += units;
      if (currency !== 0) (this.refundAcc.money[currency] ??= new Amount()).addProduct(units, perUnit);
    }
  }

  count(value: number, units: number): void {
    this.countUnits[value] = (this.countUnits[value] ?? 0) + units;
  }

  sum(column: string, value: number): void {
    this.sums.set(column, (this.sums.get(column) ?? 0) + value);
  }

  addExtended(currency: number, units: number, money: number): void {
    (this.extendedMoney[currency] ??= new Amount()).addProduct(units, money);
  }

  private byText<T, R>(values: T[], f: (v: T) => R): Map<string, R> {
    const out = new Map<string, R>();
    values.forEach((v, id) => {
      if (v !== undefined && id !== 0) out.set(this.ids.texts[id]!, f(v));
    });
    return out;
  }

  private bucket(acc: Acc): Bucket {
    return { rows: acc.rows, units: acc.units, proceeds: this.byText(acc.money, (a) => a) };
  }

  get all(): Bucket {
    return this.bucket(this.allAcc);
  }
  get refunds(): Bucket {
    return this.bucket(this.refundAcc);
  }
  get territories(): Map<string, Bucket> {
    return this.byText(this.territoryAcc, (a) => this.bucket(a));
  }
  get days(): Map<string, Bucket> {
    return this.byText(this.dayAcc, (a) => this.bucket(a));
  }
  /** Scale 100, per Product Type Identifier. */
  get productTypes(): Map<string, number> {
    return this.byText(this.productUnits, (u) => u);
  }
  /** Weighted counts per value of the report's `countBy` column (events). */
  get counts(): Map<string, number> {
    return this.byText(this.countUnits, (u) => u);
  }
  /** Σ Apple's Extended Partner Share per currency (finance), to check against units × share. */
  get extended(): Map<string, Amount> {
    return this.byText(this.extendedMoney, (a) => a);
  }

  unitsByClass(): Record<UnitClass, number> {
    const out = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<UnitClass, number>;
    for (const [type, units] of this.productTypes) out[classOf(type)] += units;
    if (this.fixedClass) out[this.fixedClass] += this.allAcc.units;
    for (const c of CLASSES) out[c] = unitsNumber(out[c]);
    return out;
  }
}

const sortedKeys = <T>(map: Map<string, T>): string[] => [...map.keys()].sort();

/** Currency → amount rounded to cents, currencies sorted; zero amounts kept (a currency that netted to zero is a fact). */
export function moneyJson(proceeds: Map<string, Amount>): Record<string, number> {
  return Object.fromEntries(sortedKeys(proceeds).map((c) => [c, proceeds.get(c)!.toNumber()]));
}

export function bucketJson(b: Bucket): { rows: number; units: number; proceedsByCurrency: Record<string, number> } {
  return { rows: b.rows, units: unitsNumber(b.units), proceedsByCurrency: moneyJson(b.proceeds) };
}

export function mapJson<T, R>(map: Map<string, T>, f: (v: T) => R): Record<string, R> {
  return Object.fromEntries(sortedKeys(map).map((k) => [k, f(map.get(k)!)]));
}
