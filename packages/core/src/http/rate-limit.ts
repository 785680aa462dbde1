import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Send } from './types.js';

export interface RateLimitSnapshot {
  /** Requests allowed per hour (`user-hour-lim`), once seen. */
  limit?: number;
  /** Requests left in the current hour (`user-hour-rem`), once seen. */
  remaining?: number;
  /** When the header was last read (ms epoch). */
  seenAt?: number;
  /** Total time this client waited to stay inside the budget (ms). */
  pacedMs: number;
}

/** Parses `X-Rate-Limit: user-hour-lim:3600;user-hour-rem:3545;` (order and spacing free). */
export function parseRateLimit(header: string | null | undefined): { limit?: number; remaining?: number } {
  const out: { limit?: number; remaining?: number } = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const [key, value] = part.split(':').map((s) => s.trim());
    const n = Number(value);
    if (!key || value === undefined || value === '' || !Number.isFinite(n)) continue;
    if (key === 'user-hour-lim') out.limit = n;
    if (key === 'user-hour-rem') out.remaining = n;
  }
  return out;
}

export interface RateLimitOptions {
  clock: Clock;
  logger: Logger;
  /** Start pacing when fewer than this share of the hourly budget is left (default 0.1). */
  reserveShare?: number;
}

/**
 * Reads X-Rate-Limit on every response and, once the remaining budget falls into the reserve,
 * spaces requests so that the rest of the hour's budget lasts: the delay grows from half the
 * sustainable interval (3600 s / limit) at the edge of the reserve to twice it near zero.
 * One tracker is shared by everything that uses one client, so parallel work slows together.
 */
export class RateLimiter {
  readonly state: RateLimitSnapshot = { pacedMs: 0 };
  private warned = false;
  constructor(private readonly options: RateLimitOptions) {}

  /** How long to wait before the next request, in ms. */
  delayMs(): number {
    const { limit, remaining } = this.state;
    if (!limit || remaining === undefined) return 0;
    const reserve = Math.max(1, Math.floor(limit * (this.options.reserveShare ?? 0.1)));
    if (remaining >= reserve) return 0;
    const interval = 3_600_000 / limit;
    const depth = 1 - remaining / reserve; // 0 at the edge of the reserve, 1 at zero
    return Math.round(interval * (0.5 + 1.5 * depth));
  }

  observe(header: string | null): void {
    const parsed = parseRateLimit(header);
    if (parsed.limit !== undefined) this.state.limit = parsed.limit;
    if (parsed.remaining !== undefined) this.state.remaining = parsed.remaining;
    if (parsed.limit !== undefined || parsed.remaining !== undefined) this.state.seenAt = this.options.clock.now();
  }

  wrap(next: Send): Send {
    return async (request) => {
      if (request.auth !== false) {
        const wait = this.delayMs();
        if (wait > 0) {
          if (!this.warned) {
            this.warned = true;
            this.options.logger.warning(
              `App Store Connect rate limit: ${this.state.remaining} of ${this.state.limit} requests left this hour; slowing down to stay within it.`,
            );
          }
          this.state.pacedMs += wait;
          await this.options.clock.sleep(wait);
        }
      }
      const response = await next(request);
      if (request.auth !== false) this.observe(response.headers.get('x-rate-limit'));
      return response;
    };
  }
}
