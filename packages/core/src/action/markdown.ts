/**
 * Untrusted text (review bodies, app names, file content) in a job summary must render as the
 * literal text. core.summary's tables, lists and headings are HTML, where only HTML escaping
 * applies (markdown inside an HTML block is not rendered); plain markdown lines need markdown
 * escaping too.
 */

/** For text placed in HTML: core.summary table cells, list items, headings. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** For text placed in a markdown line: HTML escaped, markdown punctuation backslashed, one line. */
export function escapeMarkdown(text: string): string {
  // Markdown first: the entities escapeHtml writes (&#39;) must keep their '#'.
  return escapeHtml(text.replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1').replace(/\r?\n/g, ' '));
}
