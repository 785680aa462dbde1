/**
 * Past reports never change, so each one fetched is kept in the Actions cache under a key made
 * of vendor, type, subtype, frequency (or finance region), date and version; a rerun restores
 * instead of asking Apple. A period without sales is kept once Apple's answer is final (a day
 * 7 days back, other periods 14 days past their end: plan/periods.ts `noSalesIsFinal`); a report that
 * is not out yet is never kept.
 *
 * Each report lives in its own folder (the cache's unit), named without the version so that
 * with `version: auto` a report cached under an older version is still found (restore keys
 * match by prefix). @actions/cache ties entries to their paths, so the folder path must be the
 * same on every run: it is under RUNNER_TEMP, which is stable on a runner.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheStore } from '@asc-actions/core';
import type { ReportSettings } from '../inputs/settings.js';
import type { CachedState } from '../model.js';
import { readEntry, REPORT_FILE, writeEntry } from './cache-entry.js';
import { ReportSet } from './report-set.js';

const KEY_PREFIX = 'asc-report-v1';

export class ReportCache {
  readonly root: string;

  constructor(
    private readonly settings: ReportSettings,
    /** undefined: `cache: false`. */
    private readonly store: CacheStore | undefined,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.root = join(env.RUNNER_TEMP || tmpdir(), 'asc-reports');
  }

  get enabled(): boolean {
    return this.store !== undefined;
  }

  /** Vendor and report kind: what every report of one run has in common. */
  private kindStem(): string {
    const s = this.settings;
    const kind = s.finance ? `${s.reportType}-${s.regionCode}` : `${s.reportType}-${s.reportSubType}-${s.period}`;
    return `${s.vendorNumber}-${kind}`;
  }

  private stem(date: string): string {
    return `${this.kindStem()}-${date}`;
  }

  /** The report's folder, emptied. */
  freshDir(date: string): string {
    const dir = join(this.root, this.stem(date));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  key(date: string, version: string | undefined): string {
    return `${KEY_PREFIX}-${this.stem(date)}${version ? `-${version}` : ''}`;
  }

  /** The cached state of a report, restored into its folder, or undefined on a miss. */
  async restore(date: string, version: string | undefined): Promise<CachedState | undefined> {
    const dir = this.freshDir(date);
    if (!this.store) return undefined;
    const anyVersion =
      this.settings.version === 'auto' && !this.settings.finance ? [`${KEY_PREFIX}-${this.stem(date)}-`] : [];
    const hit = await this.store.restore([dir], this.key(date, version), anyVersion);
    if (!hit) return undefined;
    const meta = readEntry(dir);
    if (!meta) this.freshDir(date);
    return meta;
  }

  /** The range's reports as one entry (report-set.ts); undefined without a cache. */
  set(): ReportSet | undefined {
    if (!this.store) return undefined;
    const s = this.settings;
    return new ReportSet(
      join(this.root, `${this.kindStem()}-set`),
      `${KEY_PREFIX}-set-${this.kindStem()}`,
      this.store,
      {
        anyVersion: s.version === 'auto' && !s.finance,
      },
    );
  }

  /** Records the state beside the report and saves the folder to the cache. */
  async save(date: string, state: CachedState): Promise<boolean> {
    const dir = join(this.root, this.stem(date));
    writeEntry(dir, state);
    if (!this.store) return false;
    return this.store.save([dir], this.key(date, state.version));
  }

  reportFile(date: string): string {
    return join(this.root, this.stem(date), REPORT_FILE);
  }
}
