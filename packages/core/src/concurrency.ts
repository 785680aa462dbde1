/**
 * Concurrency limits, one implementation for the whole suite: a counting semaphore (the HTTP
 * client's requests on the wire, upload parts in flight), a byte budget (bytes in flight) and a
 * bounded map over a list.
 */

/** A counting semaphore: at most `limit` holders at once, the rest queue in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('concurrency must be a whole number ≥ 1');
  }

  /** Waits for a slot; call the returned function (once; later calls do nothing) to give it back. */
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

  /** Runs `task` holding a slot. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }

  get inFlight(): number {
    return this.active;
  }
}

/**
 * `task` over `items`, at most `width` at a time, results in the items' order. On a failure no
 * new item is started, the ones running are waited for, then the first error is thrown.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(width) || width < 1) throw new RangeError('concurrency must be a whole number ≥ 1');
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(width, items.length) }, worker));
  const rejected = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}

/**
 * Bytes in flight: a task waits until its bytes fit the budget (one larger than the budget runs
 * alone). fetch copies each request body, so this, not the number of parts, bounds the memory
 * when a server hands out large parts. Fits upload/'s `ByteLimit`.
 */
export class ByteBudget {
  private used = 0;
  private waiting: Array<() => void> = [];
  constructor(readonly bytes: number) {
    if (!Number.isInteger(bytes) || bytes < 1) throw new RangeError('a byte budget must be a whole number ≥ 1');
  }

  async run<T>(length: number, task: () => Promise<T>): Promise<T> {
    const need = Math.min(length, this.bytes);
    while (this.used + need > this.bytes) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used += need;
    try {
      return await task();
    } finally {
      this.used -= need;
      for (const wake of this.waiting.splice(0)) wake();
    }
  }

  get inFlight(): number {
    return this.used;
  }
}
