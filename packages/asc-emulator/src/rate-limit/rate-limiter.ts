/**
 * Apple's hourly request budget per API key, reported on every authorized response as
 * `X-Rate-Limit: user-hour-lim:3600;user-hour-rem:3599;`.
 *
 * Fidelity: Apple describes a *rolling* hour ("your per-hour limit, minus the total requests
 * you've made in the previous 60 minutes"); the emulator uses a fixed window that starts with
 * a key's first request and resets an hour (emulator clock) later, which is simpler to reason
 * about in tests. Reports differ on whether Apple sends Retry-After with a 429; the emulator
 * always sends it (seconds until the window resets), so clients must also cope without it
 * (the 'rate-limit' fault lets tests choose the value).
 */

const HOUR_MS = 60 * 60 * 1000;

interface Window {
  startedAt: number;
  remaining: number;
}

export interface Consumption {
  header: string;
  exceeded: boolean;
  /** Seconds until the window resets, when exceeded. */
  retryAfter: string;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  /** Keys whose first window uses `firstRemaining` rather than the full limit. */
  private firstRemaining: number;

  constructor(
    private limit: number,
    remaining: number | undefined,
    private readonly now: () => number,
  ) {
    this.firstRemaining = remaining ?? limit;
  }

  /** Sets the limit and what remains for every key, starting a fresh window now. */
  set(limit: number, remaining: number): void {
    this.limit = limit;
    this.firstRemaining = remaining;
    this.windows.clear();
  }

  consume(keyId: string): Consumption {
    const now = this.now();
    let w = this.windows.get(keyId);
    if (!w) {
      w = { startedAt: now, remaining: this.firstRemaining };
      this.windows.set(keyId, w);
    } else if (now >= w.startedAt + HOUR_MS) {
      w.startedAt = now;
      w.remaining = this.limit;
    }
    const exceeded = w.remaining <= 0;
    if (!exceeded) w.remaining -= 1;
    const retryAfter = String(Math.max(1, Math.ceil((w.startedAt + HOUR_MS - now) / 1000)));
    return { header: `user-hour-lim:${this.limit};user-hour-rem:${w.remaining};`, exceeded, retryAfter };
  }
}
