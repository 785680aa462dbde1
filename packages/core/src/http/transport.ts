import { NetworkError, UnexpectedResponseError } from '../errors.js';
import { guardSink } from '../secrets/tripwire.js';
import { withQuery } from './query.js';
import { bodyStream, nodeExchange, type Exchange, type ExchangeAnswer } from './exchange.js';
import type { HttpRequest, HttpResponse, Send } from './types.js';
import { isIdempotent } from './types.js';

export interface TransportOptions {
  /** API origin plus optional path prefix, without a trailing slash. */
  baseUrl: string;
  /** Default: node:http(s) (`nodeExchange`); Node's `fetch` fits too. */
  fetch?: Exchange;
  /** Per-request timeout in ms (default 60 s); a request may set its own. */
  timeoutMs?: number;
  userAgent?: string;
}

const MAX_REDIRECTS = 3;

/**
 * The innermost layer: turns a request into one exchange (exchange.ts). It answers every HTTP status as a
 * response (the outer layers decide what a status means) and throws only NetworkError.
 * The token never leaves the API origin: absolute URLs of other origins are refused unless the
 * request carries no auth (pre-signed upload URLs), and redirects are followed by hand,
 * only within the origin.
 */
export function createTransport(options: TransportOptions): Send {
  const exchange = options.fetch ?? nodeExchange;
  const origin = new URL(options.baseUrl).origin;
  return async function transport(request: HttpRequest): Promise<HttpResponse> {
    let url = resolveUrl(options.baseUrl, origin, request);
    for (let hop = 0; ; hop++) {
      const response = await exchangeOnce(exchange, url, request, options);
      if (response.status < 300 || response.status >= 400 || response.status === 304)
        return read(response, request, url);
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location || hop >= MAX_REDIRECTS)
        throw new NetworkError(`too many or empty redirects (${response.status})`, info(request, url));
      const next = new URL(location, url);
      if (request.auth !== false && next.origin !== origin) {
        throw new NetworkError(
          `refused a redirect to another origin (${next.origin}); credentials only go to ${origin}`,
          info(request, url),
        );
      }
      url = next.toString();
    }
  };
}

function resolveUrl(baseUrl: string, origin: string, request: HttpRequest): string {
  const absolute = /^https?:\/\//i.test(request.url);
  const url = absolute ? request.url : baseUrl + (request.url.startsWith('/') ? '' : '/') + request.url;
  if (absolute && request.auth !== false && new URL(url).origin !== origin) {
    throw new NetworkError(
      `refused to send credentials to another origin (${new URL(url).origin}); the API origin is ${origin}`,
      info(request, url),
    );
  }
  return withQuery(url, request.query);
}

const info = (request: HttpRequest, url: string) => ({ method: request.method, url, headers: request.headers });

async function exchangeOnce(
  exchange: Exchange,
  url: string,
  request: HttpRequest,
  options: TransportOptions,
): Promise<ExchangeAnswer> {
  // A pre-signed upload URL (auth: false) gets exactly the headers its operation lists: none of ours.
  const ours =
    request.auth === false
      ? {}
      : {
          accept: 'application/json, application/a-gzip;q=0.9, */*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
          ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
        };
  const headers: Record<string, string> = { ...ours, ...request.headers };
  let body: string | Uint8Array | undefined = request.body;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] = 'application/json';
    guardSink(`the body of ${request.method} ${url.replace(/^https?:\/\/[^/]+/i, '').split('?')[0]}`, body);
  }
  const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? 60_000;
  try {
    return await exchange(url, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    // DOMException is not always an `instanceof Error` (other realms), so test the name only.
    const name = (cause as { name?: unknown })?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    // A refused connection never reached the server; anything else may have been applied.
    const refused = errorCode(cause) === 'ECONNREFUSED' || errorCode(cause) === 'ENOTFOUND';
    const what = timedOut
      ? `timed out after ${timeoutMs} ms`
      : `network error (${errorCode(cause) ?? describe(cause)})`;
    throw new NetworkError(what, info(request, url), {
      cause,
      timedOut,
      maybeApplied: !refused && !isIdempotent(request.method),
    });
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code ?? (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  return cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
}

/** The largest JSON answer read (Apple's biggest pages, 200 items with includes, are a few MB). */
export const MAX_JSON_RESPONSE_BYTES = 32 * 1024 * 1024;
/** The largest binary answer read into memory (larger ones are streamed by their callers). */
export const MAX_BINARY_RESPONSE_BYTES = 256 * 1024 * 1024;

class TooLarge extends Error {}

/** The body, read chunk by chunk and abandoned past `cap` (a hostile or broken server cannot fill memory). */
async function readCapped(response: ExchangeAnswer, cap: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > cap) {
    await response.body?.cancel();
    throw new TooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    length += chunk.length;
    if (length > cap) {
      await response.body.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

/** A 2xx answer to an API request must be a JSON:API document (data, meta or errors). */
function isJsonApi(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    ('data' in data || 'meta' in data || 'errors' in data)
  );
}

async function read(response: ExchangeAnswer, request: HttpRequest, url: string): Promise<HttpResponse> {
  const answer = await readBody(response, request, url);
  const ok = answer.status >= 200 && answer.status < 300;
  const expectsDocument =
    ok &&
    (request.responseType ?? 'json') === 'json' &&
    request.auth !== false &&
    answer.status !== 204 &&
    request.method !== 'DELETE' &&
    request.method !== 'HEAD';
  if (expectsDocument && !isJsonApi(answer.data)) {
    const type = response.headers.get('content-type') || 'no content type';
    const size = answer.body?.length ?? 0;
    throw new UnexpectedResponseError(
      `${request.method} ${pathOf(url)} answered ${answer.status} with ${type} (${size} bytes) that is not a JSON:API document; nothing was read from it. Check api-base-url, a proxy in between, or Apple's status page.`,
    );
  }
  return answer;
}

const pathOf = (url: string): string => url.replace(/^https?:\/\/[^/]+/i, '').split('?')[0] ?? url;

async function readBody(response: ExchangeAnswer, request: HttpRequest, url: string): Promise<HttpResponse> {
  const base = { status: response.status, headers: response.headers, url, data: undefined as unknown };
  const ok = response.status >= 200 && response.status < 300;
  const cap = ok && request.responseType === 'binary' ? MAX_BINARY_RESPONSE_BYTES : MAX_JSON_RESPONSE_BYTES;
  try {
    if (ok && request.responseType === 'stream' && response.body) {
      return { ...base, stream: bodyStream(response.body) };
    }
    const bytes = await readCapped(response, cap);
    if (ok && request.responseType === 'binary') return { ...base, body: bytes };
    const type = response.headers.get('content-type') ?? '';
    if (bytes.length > 0 && /json/i.test(type)) {
      try {
        return { ...base, data: JSON.parse(bytes.toString('utf8')) };
      } catch {
        return { ...base, body: bytes };
      }
    }
    return { ...base, body: bytes.length > 0 ? bytes : undefined };
  } catch (cause) {
    if (cause instanceof TooLarge)
      throw new UnexpectedResponseError(
        `${request.method} ${pathOf(url)} answered ${response.status} with a body over ${cap / 1024 / 1024} MB; it was not read.`,
      );
    throw new NetworkError(`connection lost while reading the response (${describe(cause)})`, info(request, url), {
      cause,
      maybeApplied: !isIdempotent(request.method),
    });
  }
}
