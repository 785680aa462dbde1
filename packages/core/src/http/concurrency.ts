import type { Send } from './types.js';

/** A counting semaphore: at most `limit` holders at once, the rest queue in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('concurrency must be a whole number ≥ 1');
  }
  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
  get inFlight(): number {
    return this.active;
  }
}

/** Holds a slot of the shared semaphore for the time a request is on the wire (not while backing off). */
export function withConcurrency(next: Send, semaphore: Semaphore): Send {
  return async (request) => {
    const release = await semaphore.acquire();
    try {
      const response = await next(request);
      if (response.stream) {
        response.stream.once('end', release);
        response.stream.once('close', release);
        response.stream.once('error', release);
        return response;
      }
      release();
      return response;
    } catch (error) {
      release();
      throw error;
    }
  };
}
