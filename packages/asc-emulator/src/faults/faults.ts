/**
 * Faults on demand, two ways:
 * - `add`: a fault that matches by method and pathname and fires `times` times (default 1), in
 *   the order added;
 * - `random({ seed, rate, kinds })`: the soak. Each request meets a fault with probability
 *   `rate`, of a kind drawn from `kinds`. The draw hashes the seed, the request (method, path,
 *   query) and how many times that request was seen, so a seeded run is reproducible whatever
 *   the concurrency; the fault belongs to that request and no other.
 */
import { seededRandom } from '../seed/random.js';

export type FaultKind =
  'status' | 'rate-limit' | 'latency' | 'drop-before' | 'drop-after' | 'expired-token' | 'truncated-gzip';

export interface FaultSpec {
  method?: string;
  /** A string matches the pathname exactly; a RegExp is tested against it. */
  path?: string | RegExp;
  kind: FaultKind;
  /** For 'status'; default 503. */
  status?: number;
  /** For 'rate-limit'; default '1'; '' sends no Retry-After header. */
  retryAfter?: string;
  /** For 'latency'. */
  latencyMs?: number;
  /** Default 1; Infinity allowed. */
  times?: number;
}

/** A kind of fault and its details, without where it applies. */
export type FaultChoice = Omit<FaultSpec, 'method' | 'path' | 'times'>;

export interface RandomFaultOptions {
  seed: number | string;
  /** The share of requests that meet a fault, from 0 to 1. */
  rate: number;
  /** The kinds to draw from, or per request (e.g. other kinds on upload URLs than on the API). */
  kinds: readonly FaultChoice[] | ((request: { method: string; pathname: string }) => readonly FaultChoice[]);
  /** Only these requests (default: all). A string matches the pathname exactly. */
  path?: string | RegExp;
  method?: string;
}

/** A fault the random soak gave a request (logged when it fires). */
export interface InjectedFault extends FaultChoice {
  method: string;
  path: string;
  query: string;
}

/** The faults of one request: its own drawn fault first, then the ones added. */
export interface RequestFaults {
  take(kinds: FaultKind[]): FaultSpec | undefined;
}

export class Faults {
  private list: FaultSpec[] = [];
  private soak: { options: RandomFaultOptions; seen: Map<string, number>; injected: InjectedFault[] } | undefined;

  add(f: FaultSpec): void {
    const times = f.times ?? 1;
    if (!(times > 0)) throw new Error('fault times must be > 0');
    this.list.push({ ...f, times });
  }

  /**
   * Starts the random soak (replacing one already running) and returns its log: every fault it
   * gives, in the order given. `clear()` stops it.
   */
  random(options: RandomFaultOptions): InjectedFault[] {
    if (!(options.rate >= 0 && options.rate <= 1)) throw new Error('fault rate must be from 0 to 1');
    this.soak = { options, seen: new Map(), injected: [] };
    return this.soak.injected;
  }

  clear(): void {
    this.list = [];
    this.soak = undefined;
  }

  /** Faults that have not fired all their times yet. */
  pending(): FaultSpec[] {
    return this.list.map((f) => ({ ...f }));
  }

  /** Called once as a request arrives: draws its random fault, if a soak runs. */
  forRequest(method: string, pathname: string, rawQuery: string): RequestFaults {
    let drawn = this.draw(method, pathname, rawQuery);
    return {
      take: (kinds) => {
        if (drawn && kinds.includes(drawn.kind)) {
          const fault = drawn;
          drawn = undefined;
          this.soak?.injected.push({ ...withoutWhere(fault), method, path: pathname, query: rawQuery });
          return fault;
        }
        return this.take(method, pathname, kinds);
      },
    };
  }

  /** Fires (consumes one time of) the first added fault of one of `kinds` matching the request. */
  take(method: string, pathname: string, kinds: FaultKind[]): FaultSpec | undefined {
    const f = this.list.find((x) => kinds.includes(x.kind) && matches(x, method, pathname));
    if (!f) return undefined;
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) this.list = this.list.filter((x) => x !== f);
    return f;
  }

  private draw(method: string, pathname: string, query: string): FaultSpec | undefined {
    if (!this.soak) return undefined;
    const { options, seen } = this.soak;
    if (!matches(options, method, pathname)) return undefined;
    const key = `${method} ${pathname}?${query}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const random = seededRandom(`${String(options.seed)}|${key}|${n}`);
    if (random() >= options.rate) return undefined;
    const kinds = typeof options.kinds === 'function' ? options.kinds({ method, pathname }) : options.kinds;
    const choice = kinds[Math.floor(random() * kinds.length)];
    if (!choice) return undefined;
    return { ...choice, method, path: pathname, times: 1 };
  }
}

function withoutWhere(f: FaultSpec): FaultChoice {
  const { method: _method, path: _path, times: _times, ...choice } = f;
  return choice;
}

function matches(f: Pick<FaultSpec, 'method' | 'path'>, method: string, pathname: string): boolean {
  if (f.method && f.method.toUpperCase() !== method) return false;
  if (f.path === undefined) return true;
  if (typeof f.path === 'string') return f.path === pathname;
  f.path.lastIndex = 0;
  return f.path.test(pathname);
}
