/**
 * Bounds the memory of a process that streams a large report (a bundle's entry point calls
 * `holdReportMemory()`; a library or a test process never does).
 *
 * Two things grow resident memory in a streaming pass without holding anything alive:
 * - V8 doubles the young generation's two semi-spaces (up to 16 MB each on 64-bit) once enough
 *   objects have survived scavenges, and a loop making short-lived strings then touches all of
 *   both: about 30 MB that buys nothing. `--max-semi-space-size` would cap it but is fixed when
 *   the heap is set up (a runner starts `node dist/…/index.js` with no flags); the growth factor
 *   is read each time V8 grows the space, so setting it to 1 keeps the semi-spaces where they began.
 * - Inflated chunks are buffers outside the heap, freed only when a collection finds their
 *   wrappers dead. A pass that makes few JS objects (the verification scan) rarely fills the young
 *   generation, so dead chunks pile up until V8's external-memory limit forces a collection: tens
 *   of MB. `collectDeadChunks` runs a young-generation collection (about a millisecond) after
 *   every 16 MB inflated. Inflating a 91 MB segment and counting its lines peaked at 97 MB on
 *   Node 24 without it and 79 MB with it (78 MB with a full collection instead).
 * Node documents `v8.setFlagsFromString` after start-up as unsupported in general: these flags
 * are only consulted later (at the next growth; `--expose-gc` by the context created here to get
 * `gc`). The bench (`npm run bench -- --only analytics`, `npm run bench:node24`) prints the
 * bundle's peak memory on a 1M-row segment.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const EVERY_BYTES = 16 * 1024 * 1024;
let minorGc: (() => void) | undefined;
let inflated = 0;

export function holdReportMemory(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as ((options?: { type: 'minor' | 'major' }) => void) | undefined;
  setFlagsFromString('--no-expose-gc');
  if (typeof gc === 'function') minorGc = () => gc({ type: 'minor' });
}

/** Counts inflated bytes; after every 16 MB, a young-generation collection (when held). */
export function collectDeadChunks(bytes: number): void {
  if (!minorGc) return;
  inflated += bytes;
  if (inflated < EVERY_BYTES) return;
  inflated = 0;
  minorGc();
}
