import { lineColumn } from './decode.js';

/**
 * Where and why JSON.parse refused a text, never quoting it: Node's own messages carry an
 * excerpt of the input (`Unexpected token 'S', ..."ription": SECRET"... is not valid JSON`), and
 * a file read from the repository may be a symlink to something secret.
 */
export function describeJsonError(error: unknown, text: string): { line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const explicit = /line (\d+) column (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : excerptOffset(message, text);
  const at =
    offset !== undefined
      ? lineColumn(text, offset)
      : explicit
        ? { line: Number(explicit[1]), column: Number(explicit[2]) }
        : { line: 1, column: 1 };
  const reason = /^Unexpected token/.test(message)
    ? 'an unexpected character'
    : /^Unexpected end|Unterminated/.test(message)
      ? 'the text ends too early'
      : /^Bad control character/.test(message)
        ? 'a control character inside a string'
        : (/^(Expected [^,"]*?)(?: in JSON| after| at|$)/.exec(message)?.[1]?.toLowerCase() ?? 'not a JSON value');
  return { ...at, reason };
}

/**
 * Node 20 gives no position for an unexpected token, only an excerpt of up to 10 characters on
 * each side (`..."<10 before>X<10 after>"...`): find the excerpt in the text to place the token.
 */
function excerptOffset(message: string, text: string): number | undefined {
  const m = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!m) return undefined;
  const [, token, cut, excerpt] = m as unknown as [string, string, string | undefined, string];
  const start = text.indexOf(excerpt);
  if (start < 0) return undefined;
  return cut ? start + 10 : start + Math.max(0, excerpt.indexOf(token));
}
