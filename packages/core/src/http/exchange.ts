/**
 * One HTTP exchange, the transport's innermost seam: a request out, a status, headers and a body
 * back. Node's `fetch` fits it (the proxy path and tests use it); the default is `nodeExchange`,
 * on node:http(s).
 *
 * Why not fetch by default: the first `fetch`, `Response` or `Headers` in a process loads
 * Node's built-in undici, measured at 39 ms on Node 20 and 46–56 ms on Node 24 (runners start
 * actions on node24), before the first byte is sent; every action paid it at start-up.
 * What fetch did that is kept here: a gzip, deflate or br answer is decoded, redirects are not
 * followed (the transport follows them by hand, within the origin), and an aborted signal ends
 * the exchange. Connections are kept alive by Node's default agents, whose idle sockets do not
 * hold the process open.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export interface ExchangeInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  redirect: 'manual';
  /** A deadline for the whole exchange (the transport's per-request timeout). */
  signal?: AbortSignal;
  /** node:http only: fails the exchange after this long without a byte either way (upload parts). */
  idleTimeoutMs?: number;
}

/** What the transport reads of an answer. A fetch `Response` has all of it. */
export interface ResponseHeaders {
  get(name: string): string | null;
}
export interface ExchangeBody extends AsyncIterable<Uint8Array> {
  cancel(): Promise<void>;
}
export interface ExchangeAnswer {
  status: number;
  ok: boolean;
  headers: ResponseHeaders;
  /** null when the status has no body (204, 304) or the request was HEAD. */
  body: ExchangeBody | ReadableStream<Uint8Array> | null;
}

export type Exchange = (url: string, init: ExchangeInit) => Promise<ExchangeAnswer>;

class MessageHeaders implements ResponseHeaders {
  constructor(private readonly raw: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
}

const NULL_BODY = new Set([101, 204, 205, 304]);

function decoded(res: IncomingMessage): Readable {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return res;
  // Either side failing ends both: a body that does not decode drops its connection.
  res.on('error', (error) => decoder.destroy(error));
  decoder.on('error', () => res.destroy());
  return res.pipe(decoder);
}

/** A Node stream as an answer body: async-iterable, and `cancel()` drops the connection's rest. */
function asBody(stream: Readable, res: IncomingMessage): Readable & ExchangeBody {
  return Object.assign(stream, {
    cancel: async () => {
      stream.destroy();
      res.destroy();
    },
  });
}

export const nodeExchange: Exchange = (url, init) =>
  new Promise<ExchangeAnswer>((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    // The body's own length, whatever length the caller's headers claim.
    const headers = Object.fromEntries(
      Object.entries(init.headers).filter(([k]) => k.toLowerCase() !== 'content-length'),
    );
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const req = send(target, { method: init.method, headers, signal: init.signal }, (res) => {
      const status = res.statusCode ?? 0;
      const empty = NULL_BODY.has(status) || init.method === 'HEAD';
      if (empty) res.resume();
      resolve({
        status,
        ok: status >= 200 && status < 300,
        headers: new MessageHeaders(res.headers),
        body: empty ? null : asBody(decoded(res), res),
      });
    });
    if (init.idleTimeoutMs !== undefined) req.setTimeout(init.idleTimeoutMs, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(init.body);
  });

/** The body as a Node stream, whichever exchange answered. */
export function bodyStream(body: ExchangeBody | ReadableStream<Uint8Array>): Readable {
  return body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
}
