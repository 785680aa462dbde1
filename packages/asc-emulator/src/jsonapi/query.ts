/**
 * Query parameters as Apple reads them: bracketed names are literal (`filter[bundleId]` is one
 * name, not a nested object) and arrays are comma-joined (form, explode=false).
 */

export class QueryParams {
  private readonly params: URLSearchParams;
  constructor(rawQuery: string) {
    this.params = new URLSearchParams(rawQuery);
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  /** The last value of a parameter. */
  get(name: string): string | undefined {
    const all = this.params.getAll(name);
    return all.length ? all[all.length - 1] : undefined;
  }

  /** A comma-joined list parameter, split (repeated parameters are joined too). */
  list(name: string): string[] | undefined {
    const all = this.params.getAll(name);
    if (!all.length) return undefined;
    return all.flatMap((v) => v.split(',')).filter((v) => v !== '');
  }

  names(): string[] {
    return [...new Set(this.params.keys())];
  }

  /** Name → value, repeated names as arrays: the shape openapi-backend validates. */
  toObject(omit: string[] = []): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const name of this.names()) {
      if (omit.includes(name)) continue;
      const all = this.params.getAll(name);
      out[name] = all.length === 1 ? (all[0] as string) : all;
    }
    return out;
  }

  /** The same query with one parameter set (or replaced in place), encoded as Apple's links are. */
  with(name: string, value: string): string {
    const copy = new URLSearchParams(this.params);
    copy.set(name, value);
    return encodeQuery(copy);
  }
}

/** Encodes like URLSearchParams but keeps brackets and commas readable, as Apple's links do. */
export function encodeQuery(params: URLSearchParams): string {
  return [...params].map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&');
}

function encodePart(s: string): string {
  return encodeURIComponent(s).replace(/%5B/gi, '[').replace(/%5D/gi, ']').replace(/%2C/gi, ',');
}

/** `a%5Bb%5D=x%2Cy` → `a[b]=x,y`, for transcripts. */
export function decodeQueryForDisplay(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((pair) => {
      const i = pair.indexOf('=');
      const dec = (s: string): string => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s;
        }
      };
      return i < 0 ? dec(pair) : `${dec(pair.slice(0, i))}=${dec(pair.slice(i + 1))}`;
    })
    .join('&');
}
