/**
 * Escapes untrusted text (review bodies, app names, file content) for a job summary: markdown
 * and HTML render as literal text, and the line cannot start a workflow command.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ')
    .replace(/^::/, '\\:\\:');
}
