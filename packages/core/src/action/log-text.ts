/**
 * Text from the repository or from Apple, made safe to print: a lone `\r` would split a line on
 * the runner (and a following `::stop-commands::`, `::error::` or `::add-mask::` would run), and
 * ANSI escapes can repaint the log. Control characters become visible escapes (`\r`, `\x1b`),
 * and a line that would start a workflow command is shown with a leading backslash.
 */

// C0 controls but tab and line feed, DEL, C1 controls, and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;
const NAMED: Record<string, string> = {
  '\r': '\\r',
  '\u000B': '\\v',
  '\u000C': '\\f',
  '\u001B': '\\x1b',
  '\u0000': '\\0',
};

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For a log message: line feeds are kept, every line that would be a workflow command is defused. */
export function sanitizeLogText(text: string): string {
  return text
    .replace(CONTROL, visible)
    .split('\n')
    .map((line) => (/^\s*(::|##\[)/.test(line) ? `\\${line}` : line))
    .join('\n');
}

/**
 * For one value put into public text (a review's nickname or title in a reply): every control
 * character, line feeds and tabs included, becomes a visible escape, and the value is clipped to
 * `maxLength` characters (with an ellipsis).
 */
export function sanitizeValue(text: string, maxLength: number): string {
  const flat = text.replace(CONTROL, visible).replace(/\n/g, '\\n').replace(/\t/g, ' ');
  const chars = [...flat];
  return chars.length <= maxLength ? flat : `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}
