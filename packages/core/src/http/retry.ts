import type { Clock } from '../clock.js';
import { NetworkError, RetryBudgetError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { HttpRequest, HttpResponse, Send } from './types.js';
import { isIdempotent } from './types.js';

export interface RetryOptions {
  clock: Clock;
  logger: Logger;
  /** Attempts in all, the first included (default 5). */
  maxAttempts?: number;
  baseDelayMs?: number; // default 500
  maxDelayMs?: number; // default 30 s
  /** The longest Retry-After this client will wait out; a longer one fails fast (default 15 min). */
  maxRetryAfterMs?: number;
  random?: () => number;
  /**
   * The most time all retries of this client may spend waiting, in all (default 15 min; input
   * `retry-budget`). A wait that would overrun it ends the step with a RetryBudgetError.
   */
  budgetMs?: number;
}

/** The default retry budget of a step. */
export const DEFAULT_RETRY_BUDGET_MS = 15 * 60_000;

/** Parses Retry-After: delta seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * May this request be sent again after this outcome?
 * - 429: yes, for every method: Apple answers it before doing anything.
 * - 5xx and network errors: for GET/HEAD/DELETE, and for writes the caller marked safe.
 * - a network error where the request never reached the server (refused): yes.
 * - any other status: never.
 */
export function isRetryable(request: HttpRequest, outcome: HttpResponse | NetworkError): boolean {
  const replayable = isIdempotent(request.method) || request.safeToRetry === true;
  if (outcome instanceof NetworkError) return replayable || !outcome.maybeApplied;
  if (outcome.status === 429) return true;
  return outcome.status >= 500 && replayable;
}

/** Capped exponential backoff with jitter (half fixed, half random), honouring Retry-After. */
export function withRetry(next: Send, options: RetryOptions): Send {
  const maxAttempts = options.maxAttempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 15 * 60_000;
  const random = options.random ?? Math.random;
  const budget = options.budgetMs ?? DEFAULT_RETRY_BUDGET_MS;
  let waited = 0;
  return async (request) => {
    for (let attempt = 1; ; attempt++) {
      let outcome: HttpResponse | NetworkError;
      try {
        outcome = await next(request);
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        outcome = error;
      }
      const failed = outcome instanceof NetworkError || outcome.status === 429 || outcome.status >= 500;
      if (!failed || attempt >= maxAttempts || !isRetryable(request, outcome)) return settle(outcome);
      const backoff = Math.min(cap, base * 2 ** (attempt - 1)) * (0.5 + random() / 2);
      const retryAfter =
        outcome instanceof NetworkError
          ? undefined
          : parseRetryAfter(outcome.headers.get('retry-after'), options.clock.now());
      if (retryAfter !== undefined && retryAfter > maxRetryAfter) return settle(outcome);
      const wait = Math.round(retryAfter ?? backoff);
      const why = outcome instanceof NetworkError ? 'network error' : `HTTP ${outcome.status}`;
      if (waited + wait > budget) {
        throw new RetryBudgetError(
          `${request.method} ${pathOf(request.url)}: ${why}, and retrying would wait ${seconds(wait)} more after ${seconds(waited)} of waiting in this step; ` +
            `the retry budget (input "retry-budget", ${seconds(budget)}) is spent. Run again later, or raise retry-budget.`,
        );
      }
      waited += wait;
      const line = `${request.method} ${pathOf(request.url)}: ${why}; retry ${attempt}/${maxAttempts - 1} in ${wait} ms`;
      // A wait App Store Connect asked for is worth a line in the log; a backoff is debug detail.
      if (retryAfter !== undefined) options.logger.info(`${line} (App Store Connect asked to wait: Retry-After).`);
      else options.logger.debug(line);
      await options.clock.sleep(wait);
    }
  };
}

function settle(outcome: HttpResponse | NetworkError): HttpResponse {
  if (outcome instanceof NetworkError) throw outcome;
  return outcome;
}

const seconds = (ms: number): string =>
  ms >= 60_000 ? `${Math.round(ms / 6000) / 10} min` : `${Math.round(ms / 100) / 10} s`;

const pathOf = (url: string): string => url.replace(/^https?:\/\/[^/]+/i, '').split('?')[0] ?? url;
