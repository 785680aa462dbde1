/**
 * Keeps V8's young generation at its starting size for a process that streams a large report.
 *
 * Why: a 1,000,000-row segment is parsed into short-lived strings (cells, rows). V8 doubles the
 * young generation's two semi-spaces (up to 16 MB each on 64-bit) once enough objects have
 * survived scavenges, and a streaming loop then touches all of both: about 30 MB of resident
 * memory that buys nothing, since no row outlives its chunk. `--max-semi-space-size` would cap
 * it but is fixed when the heap is set up (a runner starts `node dist/…/index.js` with no flags);
 * the growth factor is read each time V8 grows the space, so setting it to 1 as the bundle starts
 * keeps the semi-spaces where they began. Node documents `v8.setFlagsFromString` after start-up
 * as unsupported in general; this flag is only consulted at the next growth, and the bench
 * (`npm run bench -- --only analytics`) prints the bundle's peak memory on a 1M-row segment.
 *
 * Called by a bundle's entry point only, never by a library or a test process.
 */
import { setFlagsFromString } from 'node:v8';

export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
