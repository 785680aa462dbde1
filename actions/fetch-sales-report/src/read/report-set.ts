/**
 * A range's reports kept as one cache entry as well (the "set"), so that a backfill rerun
 * restores one archive instead of one per date. @actions/cache starts processes for every
 * restore (`zstd --version`, then tar with unzstd): on a 2-core runner that is most of a
 * restore, and thirty of them took seconds while reading the reports takes milliseconds.
 *
 * The per-report entries stay (another range, a single date). The set is one folder with a
 * subfolder per date, each the same two files as a per-report entry; its key names the kind and
 * the range, and the newest set of the same kind is restored by prefix, so a window that moved
 * by a day still finds most of its dates there. A date the set lacks (or holds in another
 * pinned version) falls back to its own entry, then to Apple. Every date read from a set passes
 * the per-report entry's checks (cache-entry.ts `readEntry`). A set is saved only when every
 * date of the range is final, so the same range always holds the same reports.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheStore } from '@asc-actions/core';
import type { CachedState, Outcome } from '../model.js';
import { readEntry, REPORT_FILE, writeEntry } from './cache-entry.js';

export class ReportSet {
  /** The key restored was this range's own: nothing to save afterwards. */
  private exact = false;

  constructor(
    /** The same path on every run (@actions/cache ties an entry to its paths). */
    readonly dir: string,
    private readonly keyPrefix: string,
    private readonly store: CacheStore,
    private readonly options: { anyVersion: boolean },
  ) {}

  private key(dates: readonly string[]): string {
    return `${this.keyPrefix}-${dates[0]}-${dates.at(-1)}-${dates.length}`;
  }

  /** Restores this range's set, or else the newest set of this kind; false on a miss. */
  async restore(dates: readonly string[]): Promise<boolean> {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    const key = this.key(dates);
    const hit = await this.store.restore([this.dir], key, [`${this.keyPrefix}-`]);
    this.exact = hit === key;
    return hit !== undefined;
  }

  /** A date's state in the restored set, when it is whole and in the version asked for. */
  entry(date: string, version: string | undefined): CachedState | undefined {
    const meta = readEntry(join(this.dir, date));
    if (meta && !this.options.anyVersion && meta.version !== version) return undefined;
    return meta;
  }

  reportFile(date: string): string {
    return join(this.dir, date, REPORT_FILE);
  }

  /**
   * Saves the range as one set when every outcome is final (`final`) and the set restored was
   * not this range's own: dates outside the range are dropped, dates from elsewhere copied in.
   */
  async save(outcomes: readonly Outcome[], final: (o: Outcome) => boolean): Promise<boolean> {
    if (this.exact || outcomes.length < 2 || !outcomes.every(final)) return false;
    const dates = new Set(outcomes.map((o) => o.date));
    for (const name of readdirSync(this.dir)) if (!dates.has(name)) rmSync(join(this.dir, name), { recursive: true });
    for (const o of outcomes) {
      if (o.file === this.reportFile(o.date)) continue; // already in the set
      const dir = join(this.dir, o.date);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      if (o.state === 'available') copyFileSync(o.file!, join(dir, REPORT_FILE));
      writeEntry(dir, { state: o.state as CachedState['state'], version: o.version });
    }
    return this.store.save([this.dir], this.key(outcomes.map((o) => o.date)));
  }
}
