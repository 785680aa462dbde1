import type { AppleErrorItem } from '../errors.js';
import { apiErrorFor, AuthenticationError } from '../errors.js';
import { parseRetryAfter } from './retry.js';
import type { Clock } from '../clock.js';
import type { Send } from './types.js';

/** The outermost layer: a non-2xx response becomes the ApiError subclass for its status. */
export function withErrors(next: Send, clock: Clock): Send {
  return async (request) => {
    const response = await next(request);
    if (response.status >= 200 && response.status < 300) return response;
    const errors = appleErrors(response.data, response.status, response.body);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), clock.now());
    const error = apiErrorFor(
      response.status,
      errors,
      { method: request.method, url: response.url, headers: request.headers },
      retryAfter,
    );
    if (error instanceof AuthenticationError && response.auth) error.auth = response.auth;
    throw error;
  };
}

function appleErrors(data: unknown, status: number, body: Buffer | undefined): AppleErrorItem[] {
  const list = (data as { errors?: unknown })?.errors;
  if (Array.isArray(list)) {
    return list
      .filter((e): e is AppleErrorItem => typeof e === 'object' && e !== null)
      .map((e) => ({ ...e, status: String(e.status ?? status) }));
  }
  const text = body?.toString('utf8').trim().slice(0, 500);
  return [{ status: String(status), code: 'UNEXPECTED_RESPONSE', title: `HTTP ${status}`, detail: text ?? '' }];
}
