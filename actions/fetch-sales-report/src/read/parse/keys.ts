/**
 * Short cells (currency, territory, product type, dates, events) turned into small integer ids,
 * decoded once per distinct value: the bytes are packed into a number that finds the id, so a
 * million rows make a handful of strings, and totals are kept in arrays indexed by id. Cells
 * that do not fit the packing are decoded and looked up by text. Id 0 is the empty cell.
 */

/** 6 bits per character: digits, letters, '-' and '/'; 0 = not packable. */
const CODE = new Uint8Array(256);
'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-/'
  .split('')
  .forEach((c, i) => (CODE[c.charCodeAt(0)] = i + 1));

/** Up to 8 packable bytes (8 × 6 bits + length < 2^53), or 10-character dates of digits and separators; -1 when not packable. */
function pack(bytes: Uint8Array, a: number, b: number): number {
  const n = b - a;
  if (n === 0 || n > 10) return -1;
  let key = n;
  if (n <= 8) {
    for (let i = a; i < b; i++) {
      const c = CODE[bytes[i]!]!;
      if (c === 0) return -1;
      key = key * 64 + c;
    }
    return key;
  }
  for (let i = a; i < b; i++) {
    const c = CODE[bytes[i]!]!;
    if (c === 0 || (c > 10 && c < 63)) return -1; // dates only: digits (1–10), '-' (63), '/' (64) in 4 bits
    key = key * 16 + (c > 10 ? c - 50 : c);
  }
  return -2 - key;
}

/** Packed keys of up to 3 characters index this table directly (4 × 64^3 entries). */
const TABLE_SIZE = 4 << 18;

export class CellIds {
  /** Id → the cell's text, trimmed. */
  readonly texts: string[] = [''];
  private readonly byText = new Map<string, number>([['', 0]]);
  private readonly packed = new Map<number, number>();
  /** Ids of packed keys below TABLE_SIZE, plus one (0: not seen yet). */
  private readonly table = new Int32Array(TABLE_SIZE);
  private lastKey = -1;
  private lastId = 0;

  /** The id of the (trimmed) text of bytes `[a, b)`. */
  id(bytes: Buffer, a: number, b: number): number {
    const key = pack(bytes, a, b);
    if (key >= 0 && key < TABLE_SIZE) {
      const known = this.table[key]!;
      if (known !== 0) return known - 1;
    } else if (key !== -1) {
      if (key === this.lastKey) return this.lastId;
      const known = this.packed.get(key);
      if (known !== undefined) return this.remember(key, known);
    }
    const id = this.idOf(bytes.toString('utf8', a, b).trim());
    if (key >= 0 && key < TABLE_SIZE) this.table[key] = id + 1;
    else if (key !== -1) this.packed.set(key, this.remember(key, id));
    return id;
  }

  /** Long keys (dates) repeat row after row: the last one is kept at hand. */
  private remember(key: number, id: number): number {
    this.lastKey = key;
    this.lastId = id;
    return id;
  }

  idOf(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, id);
    }
    return id;
  }
}
