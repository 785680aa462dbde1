import type { Query } from './types.js';

// Apple's parameter names are literal bracketed names (`filter[bundleId]`), and array values are
// comma-joined (style form, explode false). Brackets and commas stay readable in the URL.
const encode = (s: string): string =>
  encodeURIComponent(s).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%2C/g, ',');

/** Appends the query to a URL, skipping undefined values; arrays are comma-joined. */
export function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    parts.push(`${encode(name)}=${encode(text)}`);
  }
  if (parts.length === 0) return url;
  return url + (url.includes('?') ? '&' : '?') + parts.join('&');
}
