/** Time as a parameter: production uses the system clock, tests and benches a virtual one. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * Virtual time: `sleep` advances `now` at once and records how long was slept, so a
 * 45-minute wait runs in microseconds. Shared by a client and the emulator in tests.
 */
export class VirtualClock implements Clock {
  private t: number;
  readonly sleeps: number[] = [];
  constructor(start = Date.parse('2026-11-26T12:00:00Z')) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    const d = Math.max(0, ms);
    this.sleeps.push(d);
    this.t += d;
    await Promise.resolve();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  get slept(): number {
    return this.sleeps.reduce((a, b) => a + b, 0);
  }
}
