/** A counting semaphore: at most `size` tasks at once (parts in flight bound the memory used). */
export class Limit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/**
 * Bytes in flight: a part waits until its bytes fit the budget (a part larger than the budget
 * runs alone). fetch copies each request body, so this, not the part count, bounds the memory
 * when the server hands out large parts.
 */
export class ByteBudget {
  private used = 0;
  private waiting: Array<() => void> = [];

  constructor(private readonly bytes: number) {}

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
}
