/**
 * Turns the text of one field file into its value, the way fastlane reads it (trimmed), plus
 * what real trees contain and a person should know about: CRLF line endings, a byte-order mark,
 * trailing spaces at line ends, text that is not NFC-normalized, whitespace-only files.
 */
import type { Finding } from '../../model/findings.js';
import { CLEAR_MARKER } from '../../model/fields.js';

export interface ReadText {
  /** undefined: the file gives no value (empty or whitespace only); null: clear the field. */
  value: string | null | undefined;
  findings: Finding[];
}

/** Line number (1-based) of the first line matching `test`. */
function lineOf(lines: string[], test: (line: string) => boolean): number {
  const i = lines.findIndex(test);
  return i < 0 ? 1 : i + 1;
}

/** `label` names the value in messages (the file, or `file:line (locale field)` for a metadata file). */
export function readFieldText(
  raw: string,
  file: string,
  where: { locale?: string; field?: string } = {},
  label = file,
): ReadText {
  const findings: Finding[] = [];
  const note = (code: string, message: string, line = 1) =>
    findings.push({ level: 'warning', code, message, file, line, ...where });
  let text = raw;
  if (text.charCodeAt(0) === 0xfeff) {
    note('bom', `${label} starts with a byte-order mark; it was removed.`);
    text = text.slice(1);
  }
  if (text.includes('\r'))
    note(
      'crlf',
      `${label} has CRLF line endings; they were read as LF.`,
      lineOf(text.split('\n'), (l) => l.endsWith('\r')),
    );
  text = text.replace(/\r\n?/g, '\n');
  // Spaces at the end of an inner line survive fastlane's trim and reach the store unseen.
  const leading = text.length - text.trimStart().length;
  const firstLine = text.slice(0, leading).split('\n').length;
  const inner = text.trim().split('\n');
  const spaced = inner.findIndex((l) => /[ \t\u00a0]+$/.test(l));
  if (spaced >= 0)
    note('trailing-whitespace', `${label} has spaces at the end of lines; they were removed.`, firstLine + spaced);
  const trimmedLines = inner.map((l) => l.replace(/[ \t\u00a0]+$/, ''));
  const value = trimmedLines.join('\n').trim();
  if (value === '') {
    const what = raw.length === 0 ? 'is empty' : 'holds only whitespace';
    note('blank-file', `${label} ${what}: it sets nothing (write ${CLEAR_MARKER} in it to clear the field).`);
    return { value: undefined, findings };
  }
  if (value === CLEAR_MARKER) return { value: null, findings };
  if (value !== value.normalize('NFC'))
    note('non-nfc', `${label} is not NFC-normalized text; App Store Connect may count or show it differently.`);
  return { value, findings };
}
