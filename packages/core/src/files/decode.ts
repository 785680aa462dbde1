/**
 * Text read from the repository: UTF-8 (a UTF-8 BOM is dropped), UTF-16 with a BOM decoded.
 * Invalid UTF-8, NUL and other control characters are refused with the file, line and column,
 * never with a quote of the content (the content may be anything a symlink pointed at).
 */
import { InputError } from '../errors.js';

/** A file whose bytes are not acceptable text. `column` counts characters from 1. */
export class FileContentError extends InputError {
  readonly column: number;
  constructor(what: string, where: { input?: string; file: string; line: number; column: number }) {
    super(
      `${where.input ? `Input "${where.input}": ` : ''}${where.file} line ${where.line}, column ${where.column}: ${what}`,
      where,
    );
    this.column = where.column;
  }
}

// Tab, line feed and carriage return are text; every other C0 control, DEL, the C1 controls
// and the Unicode line/paragraph separators are not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;

/** Line and column (both from 1) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: [...text.slice(start, offset)].length + 1 };
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return i;
    const b1 = bytes[i + 1]!;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** The byte order mark a file starts with, if any. */
export function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export interface DecodeWhere {
  input?: string;
  /** The file as shown in messages (workspace-relative). */
  file: string;
}

/** Decodes a repository file's bytes to text, or throws a FileContentError / InputError. */
export function decodeRepoText(bytes: Uint8Array, where: DecodeWhere): string {
  const prefix = where.input ? `Input "${where.input}": ` : '';
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = utf16(bytes, 'utf-16le', where, prefix);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = utf16(bytes, 'utf-16be', where, prefix);
  else {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(start);
    const bad = invalidUtf8At(body);
    if (bad >= 0) {
      const before = Buffer.from(body.subarray(0, bad)).toString('utf8');
      throw new FileContentError('is not valid UTF-8 (save the file as UTF-8).', {
        ...where,
        ...lineColumn(before, before.length),
      });
    }
    text = Buffer.from(body).toString('utf8');
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const what = code === '0000' ? 'a NUL character' : `control character U+${code}`;
    throw new FileContentError(`holds ${what}; only text (with tabs and line breaks) is read.`, {
      ...where,
      ...lineColumn(text, control.index),
    });
  }
  return text;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', where: DecodeWhere, prefix: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new InputError(
      `${prefix}${where.file} starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}; save it as UTF-8.`,
      where,
    );
  }
}
