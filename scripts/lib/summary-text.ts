/**
 * Renders a job summary (the markdown + HTML that @actions/core writes) as plain terminal text:
 * headings, aligned tables, lists; tags stripped and entities decoded.
 */
export function summaryToText(markdown: string): string {
  let text = markdown.replace(/\r\n/g, '\n');
  // Tables are rendered (and their cells decoded) apart and put back last: decoded cell text such
  // as a review's "<b>" must not meet the tag stripping below and vanish.
  const tables: string[] = [];
  text = text.replace(
    /<table>([\s\S]*?)<\/table>/g,
    (_, body: string) => `\n\u0000${tables.push(renderTable(body)) - 1}\u0000\n`,
  );
  text = text.replace(
    /<h([1-6])>([\s\S]*?)<\/h\1>/g,
    (_, level: string, title: string) => `\n${'#'.repeat(Number(level))} ${title}\n`,
  );
  text = text.replace(/<li>([\s\S]*?)<\/li>/g, '  • $1\n');
  text = text.replace(/<br\s*\/?>/g, '\n').replace(/<\/?(ul|ol|p|div|details|summary|pre|code)[^>]*>/g, '\n');
  text = decode(text.replace(/<[^>]+>/g, ''));
  text = text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => tables[Number(i)]!);
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

function renderTable(body: string): string {
  const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      decode((c[1] ?? '').replace(/<[^>]+>/g, '')).replace(/\\(.)/g, '$1'),
    ),
  );
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const line = (row: string[]) =>
    '  ' + row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)).join('  │ ');
  const out = rows.map(line);
  if (out.length > 1) out.splice(1, 0, '  ' + widths.map((w) => '─'.repeat(w)).join('──┼─'));
  return out.join('\n');
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
