/**
 * Text forms of a key, without any cryptography: CI secrets arrive as PEM, as PEM whose newlines
 * became the two characters `\n`, as base64 of the whole PEM file, with CRLF and stray
 * indentation, or as the bare base64 body someone copied from between the armor lines.
 * This module turns all of them into PEM blocks or DER bytes, and lists the encodings of a key
 * so they can be masked and searched for in logs.
 *
 * Nothing here puts any part of the input into a message: callers get a `problem` code.
 */

export interface PemBlock {
  /** The armor label, e.g. `PRIVATE KEY`, `EC PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`. */
  label: string;
  /** RFC 1421 headers (`Proc-Type`, `DEK-Info`) of legacy encrypted PEM, in order. */
  headers: string[];
  /** The body's base64, whitespace removed. */
  body: string;
}

export type ArmorProblem = 'empty' | 'garbage' | 'not-der' | 'unterminated' | 'bad-body';

export type DecodedKeyText =
  { kind: 'pem'; blocks: PemBlock[] } | { kind: 'der'; der: Buffer } | { kind: 'problem'; problem: ArmorProblem };

const BEGIN = /-----BEGIN ([A-Z0-9 ]+)-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_ANY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Undoes what secret stores and copy-paste do to a PEM: literal `\n`, CRLF, quotes, indentation. */
export function normalizeKeyText(input: string): string {
  let text = input.trim();
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0])) text = text.slice(1, -1);
  return text
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

/** Decodes any accepted text form into PEM blocks or DER bytes. */
export function decodeKeyText(input: string, depth = 0): DecodedKeyText {
  const text = normalizeKeyText(input);
  if (text === '') return { kind: 'problem', problem: 'empty' };
  if (text.includes('-----BEGIN ')) return readPemBlocks(text);
  const compact = text.replace(/\s+/g, '');
  if (!BASE64_ANY.test(compact)) return { kind: 'problem', problem: 'garbage' };
  const bytes = Buffer.from(compact, 'base64');
  if (depth < 2 && bytes.toString('latin1').includes('-----BEGIN ')) {
    return decodeKeyText(bytes.toString('utf8'), depth + 1);
  }
  if (bytes.length > 0 && bytes[0] === 0x30) return { kind: 'der', der: bytes };
  return { kind: 'problem', problem: 'not-der' };
}

function readPemBlocks(text: string): DecodedKeyText {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BEGIN)) {
    const label = match[1]!;
    const start = match.index + match[0].length;
    const end = text.indexOf(`-----END ${label}-----`, start);
    if (end < 0) return { kind: 'problem', problem: 'unterminated' };
    const block = splitBody(label, text.slice(start, end));
    if (!block) return { kind: 'problem', problem: 'bad-body' };
    blocks.push(block);
  }
  return { kind: 'pem', blocks };
}

function splitBody(label: string, inner: string): PemBlock | undefined {
  const lines = inner.split('\n').map((l) => l.trim());
  const headers: string[] = [];
  let i = 0;
  while (i < lines.length && (lines[i] === '' || /^[A-Za-z][A-Za-z0-9-]*:/.test(lines[i]!))) {
    if (lines[i] !== '') headers.push(lines[i]!);
    i++;
  }
  const body = lines.slice(i).join('').replace(/\s+/g, '');
  if (!BASE64.test(body)) return undefined;
  return { label, headers, body };
}

/** `-----BEGIN …-----` text for a block, body wrapped at 64 columns as OpenSSL writes it. */
export function blockToPem(block: PemBlock): string {
  const head = block.headers.length > 0 ? `${block.headers.join('\n')}\n\n` : '';
  return `-----BEGIN ${block.label}-----\n${head}${wrap(block.body, 64).join('\n')}\n-----END ${block.label}-----\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

/**
 * How many bytes a DER structure says it has (tag + length + content), or undefined when the
 * bytes do not start with a SEQUENCE. A key cut short declares more than it holds.
 */
export function derDeclaredLength(der: Buffer): number | undefined {
  if (der.length < 2 || der[0] !== 0x30) return undefined;
  const first = der[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (der[2 + i] ?? 0);
  return 2 + count + length;
}

const MIN_VARIANT = 16;

/**
 * Every encoding of a key that we accept as input, plus each long line of the multi-line ones
 * (the runner masks line by line, so a multi-line secret must also be masked per line).
 * Takes the key in any accepted text form; the leak scanner and the masking both use it.
 */
export function keyMaterialVariants(keyText: string): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.length >= MIN_VARIANT) out.add(s);
  };
  const raw = keyText.trim();
  add(raw);
  for (const line of raw.split(/\r?\n|\\n/)) if (!line.includes('-----')) add(line.trim());
  const block = primaryBlock(decodeKeyText(raw));
  if (!block) return [...out];
  const pem = blockToPem(block).trimEnd();
  const normalized = normalizeKeyText(raw);
  for (const text of normalized.includes('-----BEGIN ') ? [pem, normalized] : [pem]) {
    add(text);
    add(text.replace(/\n/g, '\r\n'));
    add(text.replace(/\n/g, '\\n'));
    for (const bytes of [text, `${text}\n`]) {
      const b64 = Buffer.from(bytes).toString('base64');
      add(b64);
      for (const line of wrap(b64, 76)) add(line);
      for (const line of wrap(b64, 64)) add(line);
    }
  }
  add(block.body);
  for (const line of wrap(block.body, 64)) add(line);
  return [...out];
}

function primaryBlock(decoded: DecodedKeyText): PemBlock | undefined {
  if (decoded.kind === 'der') return { label: 'PRIVATE KEY', headers: [], body: decoded.der.toString('base64') };
  if (decoded.kind !== 'pem') return undefined;
  return decoded.blocks.find((b) => b.label.includes('PRIVATE')) ?? decoded.blocks[0];
}
