/**
 * Reply templates: text with `{nickname}`, `{rating}`, `{title}`, `{territory}` and `{app_name}`
 * placeholders; `{{` and `}}` write a literal brace. Parsing is strict (an unknown placeholder
 * or an unclosed brace is an error) so a typo never reaches a customer as "{nickame}".
 */
import { didYouMean, REVIEW_REPLY_MAX_LENGTH } from '@asc-actions/core';

export const PLACEHOLDERS = ['nickname', 'rating', 'title', 'territory', 'app_name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

export interface Template {
  source: string;
  parts: Array<string | { placeholder: Placeholder }>;
}

/** Length as Apple counts it: Unicode code points. */
export const codePoints = (text: string): number => [...text].length;

const TOKEN = /\{\{|\}\}|\{([^{}]*)\}?/g;

/** The template, or the one problem that makes it unusable. */
export function parseTemplate(source: string): Template | { problem: string } {
  if (source.trim() === '') return { problem: 'the reply is empty' };
  const parts: Template['parts'] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(source.slice(last, at));
    last = at + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      parts.push(m[0][0]!);
      continue;
    }
    if (!m[0].endsWith('}')) return { problem: `a "{" is not closed (write "{{" for a literal brace)` };
    const name = (m[1] ?? '').trim();
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      const guess = didYouMean(name, PLACEHOLDERS).replace(/ Did you mean (\S+)\?/, ' Did you mean {$1}?');
      return {
        problem: `unknown placeholder "{${m[1] ?? ''}}" (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}).${guess}`,
      };
    }
    parts.push({ placeholder: name as Placeholder });
  }
  if (last < source.length) parts.push(source.slice(last));
  const fixed = parts.filter((p): p is string => typeof p === 'string').join('');
  if (codePoints(fixed) > REVIEW_REPLY_MAX_LENGTH) {
    return {
      problem: `the reply is ${codePoints(fixed)} characters long before any placeholder is filled in; App Store Connect takes at most ${REVIEW_REPLY_MAX_LENGTH}`,
    };
  }
  return { source, parts };
}

export function renderTemplate(template: Template, values: TemplateValues): string {
  return template.parts.map((p) => (typeof p === 'string' ? p : values[p.placeholder])).join('');
}
