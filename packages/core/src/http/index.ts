/** @asc-actions/core/http: the one HTTP client (auth, rate limit, retries, concurrency, paging). */
export type { HttpRequest, HttpResponse, Method, Query, Send } from './types.js';
export { createAscClient, DEFAULT_API_BASE_URL, type AscClient, type ClientOptions } from './client.js';
export type { TokenProvider } from './auth.js';
export { normalizeApiBaseUrl, isLoopbackHost } from './base-url.js';
export { parseRateLimit, type RateLimitSnapshot } from './rate-limit.js';
export { parseRetryAfter, isRetryable } from './retry.js';
export type { PageDocument, PaginateOptions } from './paginate.js';
