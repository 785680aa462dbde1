import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { TokenProvider } from './auth.js';
import { withAuth } from './auth.js';
import { normalizeApiBaseUrl } from './base-url.js';
import { Semaphore } from '../concurrency.js';
import { withConcurrency } from './concurrency.js';
import { withErrors } from './errors-layer.js';
import type { PageDocument, PaginateOptions } from './paginate.js';
import { paginateItems, paginatePages } from './paginate.js';
import type { RateLimitSnapshot } from './rate-limit.js';
import { RateLimiter } from './rate-limit.js';
import type { RetryOptions } from './retry.js';
import { withRetry } from './retry.js';
import { createTransport } from './transport.js';
import type { Exchange } from './exchange.js';
import type { HttpRequest, HttpResponse, Query, Send } from './types.js';

export const DEFAULT_API_BASE_URL = 'https://api.appstoreconnect.apple.com';

export interface ClientOptions {
  tokens: TokenProvider;
  baseUrl?: string;
  /** The HTTP exchange (default node:http(s)); Node's `fetch` fits. */
  fetch?: Exchange;
  clock?: Clock;
  logger?: Logger;
  /** Requests on the wire at once, shared by everything using this client (default 4). */
  concurrency?: number;
  timeoutMs?: number;
  retry?: Omit<RetryOptions, 'clock' | 'logger'>;
  userAgent?: string;
}

export interface ClientStats {
  /** Requests handed to the transport, retries and re-auth included. */
  sent: number;
}

/** The one HTTP client: transport → concurrency → auth → rate limit → retry → errors. */
export interface AscClient {
  readonly baseUrl: string;
  readonly rateLimit: Readonly<RateLimitSnapshot>;
  readonly stats: Readonly<ClientStats>;
  send<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
  get<T = unknown>(path: string, query?: Query): Promise<HttpResponse<T>>;
  post<T = unknown>(path: string, json: unknown, options?: { safeToRetry?: boolean }): Promise<HttpResponse<T>>;
  patch<T = unknown>(path: string, json: unknown, options?: { safeToRetry?: boolean }): Promise<HttpResponse<T>>;
  delete(path: string): Promise<HttpResponse<undefined>>;
  getBinary(path: string, query?: Query): Promise<Buffer>;
  getStream(path: string, query?: Query): Promise<HttpResponse>;
  paginate<T>(path: string, query?: Query, options?: PaginateOptions): AsyncGenerator<T>;
  paginatePages<T>(path: string, query?: Query, options?: PaginateOptions): AsyncGenerator<PageDocument<T>>;
}

export function createAscClient(options: ClientOptions): AscClient {
  const baseUrl = normalizeApiBaseUrl(options.baseUrl ?? DEFAULT_API_BASE_URL);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const stats: ClientStats = { sent: 0 };
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    userAgent: options.userAgent,
  });
  const counted: Send = (request) => {
    stats.sent++;
    return transport(request);
  };
  const limiter = new RateLimiter({ clock, logger });
  const semaphore = new Semaphore(options.concurrency ?? 4);
  // The layers, innermost first: each wraps the one before.
  const onTheWire = withConcurrency(counted, semaphore); // a slot held while a request is on the wire
  const signed = withAuth(onTheWire, options.tokens); // a token on each request, re-signed once on 401
  const paced = limiter.wrap(signed); // the hourly budget, shared by every caller
  const retried = withRetry(paced, { ...options.retry, clock, logger }); // backoff on 429, 5xx, network errors
  const send = withErrors(retried, clock); // Apple's error documents as typed errors
  const typed = <T>(request: HttpRequest) => send(request) as Promise<HttpResponse<T>>;
  return {
    baseUrl,
    rateLimit: limiter.state,
    stats,
    send: typed,
    get: (path, query) => typed({ method: 'GET', url: path, query }),
    post: (path, json, o) => typed({ method: 'POST', url: path, json, safeToRetry: o?.safeToRetry }),
    patch: (path, json, o) => typed({ method: 'PATCH', url: path, json, safeToRetry: o?.safeToRetry }),
    delete: (path) => typed<undefined>({ method: 'DELETE', url: path }),
    getBinary: async (path, query) =>
      (await send({ method: 'GET', url: path, query, responseType: 'binary' })).body ?? Buffer.alloc(0),
    getStream: (path, query) => send({ method: 'GET', url: path, query, responseType: 'stream' }),
    paginate: (path, query, o) => paginateItems(send, path, query, o),
    paginatePages: (path, query, o) => paginatePages(send, path, query, o),
  };
}
