import { createHash } from 'node:crypto';
import type { Emulator, FaultSpec } from '@asc-actions/asc-emulator';

export type FaultKindSpec = Omit<FaultSpec, 'method' | 'path'>;

/**
 * Wraps fetch: before a request is sent, maybe queue a one-time fault for exactly that request.
 * The choice is a hash of the run's seed, the request and how often it was sent, so a seeded run
 * is reproducible; about `rate` of the requests get a fault of a kind from `kindsFor(url)`.
 */
export function faultyFetch(
  emulator: Emulator,
  runSeed: number,
  injected: string[],
  rate: number,
  kindsFor: (url: URL) => FaultKindSpec[],
): typeof fetch {
  const sent = new Map<string, number>();
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const key = `${method} ${url.pathname}${url.search}`;
    const n = (sent.get(key) ?? 0) + 1;
    sent.set(key, n);
    const digest = createHash('sha256').update(`${runSeed}|${key}|${n}`).digest();
    if (digest.readUInt32BE(0) / 2 ** 32 < rate) {
      const kinds = kindsFor(url);
      const fault = kinds[digest[4]! % kinds.length]!;
      emulator.faults.add({ ...fault, method, path: url.pathname });
      injected.push(`${fault.kind}${fault.status ?? ''} ${key}`);
    }
    return fetch(input, init);
  };
}
