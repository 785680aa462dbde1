/** @asc-actions/core/http: the one HTTP client (auth, rate limit, retries, concurrency, paging). */
export type { HttpResponse } from './types.js';
export { createAscClient, type AscClient } from './client.js';
export { isLoopbackHost } from './base-url.js';
