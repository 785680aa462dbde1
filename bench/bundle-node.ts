/**
 * The Node that bench scenarios run bundles (and their bare baselines) under: this one, or
 * `BENCH_NODE` (a path) when set, e.g. the Node 24 runners start the bundles with
 * (`npm run bench:node24`). Its version goes into the scenario's label.
 */
import { execFileSync } from 'node:child_process';

export const BUNDLE_NODE = process.env.BENCH_NODE || process.execPath;

let version: string | undefined;
export function bundleNodeVersion(): string {
  return (version ??= execFileSync(BUNDLE_NODE, ['--version'], { encoding: 'utf8' }).trim());
}
