/**
 * Faults on demand. Each added fault matches by method and pathname and fires `times` times
 * (default 1), in the order added.
 */
import type { FaultKind, FaultSpec } from '../types.js';

export class Faults {
  private list: FaultSpec[] = [];

  add(f: FaultSpec): void {
    const times = f.times ?? 1;
    if (!(times > 0)) throw new Error('fault times must be > 0');
    this.list.push({ ...f, times });
  }

  clear(): void {
    this.list = [];
  }

  /** Faults that have not fired all their times yet. */
  pending(): FaultSpec[] {
    return this.list.map((f) => ({ ...f }));
  }

  /** Fires (consumes one time of) the first fault of one of `kinds` matching the request. */
  take(method: string, pathname: string, kinds: FaultKind[]): FaultSpec | undefined {
    const f = this.list.find((x) => kinds.includes(x.kind) && matches(x, method, pathname));
    if (!f) return undefined;
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) this.list = this.list.filter((x) => x !== f);
    return f;
  }
}

function matches(f: FaultSpec, method: string, pathname: string): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false;
  if (f.path === undefined) return true;
  if (typeof f.path === 'string') return f.path === pathname;
  f.path.lastIndex = 0;
  return f.path.test(pathname);
}
