/**
 * Report numbers are text: `209.30`, `.97`, `-85.43`, `0`, `12.00`. They are read into scaled
 * integers (hundredths of a unit, ten-thousandths of money) so sums are exact; floats never
 * touch money.
 */

export const UNIT_SCALE = 100;
export const MONEY_SCALE = 10_000;

/**
 * The value × 10^decimals as an integer, or NaN when `text` is not a plain decimal with at most
 * `decimals` digits after the point. An empty or single-space cell is 0.
 */
export function scaled(text: string, decimals: 2 | 4): number {
  const bytes = Buffer.from(text, 'utf8');
  return scaledBytes(bytes, 0, bytes.length, decimals);
}

/** `scaled` over the bytes `[start, end)` of a row, without decoding them. */
export function scaledBytes(bytes: Uint8Array, start: number, end: number, decimals: 2 | 4): number {
  let i = start;
  while (i < end && bytes[i] === 32) i++;
  if (i === end) return 0;
  let negative = false;
  const first = bytes[i];
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i++;
  }
  let value = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      if (fraction >= 0 && ++fraction > decimals) return NaN;
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === 46 /* . */ && fraction < 0) {
      fraction = 0;
    } else if (c === 32) {
      break;
    } else {
      return NaN;
    }
  }
  for (; i < end; i++) if (bytes[i] !== 32) return NaN;
  if (digits === 0) return NaN;
  for (let f = fraction < 0 ? 0 : fraction; f < decimals; f++) value *= 10;
  if (!Number.isSafeInteger(value)) return NaN;
  return negative ? -value : value;
}

/**
 * An exact sum of units × per-unit money (scale 10^6), kept as whole currency units plus a
 * small remainder so it stays exact far beyond 2^53 micro-units.
 */
export class Amount {
  whole = 0;
  micro = 0;

  /** Adds units (scale 100) × money (scale 10 000). */
  addProduct(units: number, money: number): void {
    const product = units * money;
    if (Number.isSafeInteger(product)) {
      this.micro += product;
      if (this.micro >= 1e12 || this.micro <= -1e12) this.carry();
    } else {
      const big = BigInt(units) * BigInt(money);
      this.whole += Number(big / 1_000_000n);
      this.micro += Number(big % 1_000_000n);
      this.carry();
    }
  }

  add(other: Amount): void {
    this.whole += other.whole;
    this.micro += other.micro;
    this.carry();
  }

  private carry(): void {
    const c = Math.trunc(this.micro / 1_000_000);
    this.whole += c;
    this.micro -= c * 1_000_000;
  }

  /** Rounded to cents, half away from zero. */
  cents(): number {
    const micro = this.whole * 1_000_000 + this.micro;
    if (Number.isSafeInteger(micro)) return Math.sign(micro) * Math.round(Math.abs(micro) / 10_000);
    return this.whole * 100 + Math.sign(this.micro) * Math.round(Math.abs(this.micro) / 10_000);
  }

  /** As a number of currency units, rounded to cents. */
  toNumber(): number {
    return this.cents() / 100;
  }

  isZero(): boolean {
    return this.whole === 0 && this.micro === 0;
  }
}

/** Units (scale 100) as a plain number: 1200 → 12, 150 → 1.5. */
export const unitsNumber = (scaledUnits: number): number => scaledUnits / UNIT_SCALE;
