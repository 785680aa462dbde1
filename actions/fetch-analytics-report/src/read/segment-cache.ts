/**
 * Segments already fetched, kept in the Actions cache so a nightly run downloads only what is new
 * (a warm rerun downloads nothing). One cache folder per app, report and granularity, under
 * RUNNER_TEMP (@actions/cache ties entries to their paths, so the path is the same every run):
 * the segment files and an index of what each instance held. An instance's data never changes,
 * so entries are keyed by the set of instances they hold; a run restores the newest entry of its
 * folder (prefix match) and saves a new one only when it fetched something.
 *
 * What comes back from the cache is checked like anything from outside: the index's shape, file
 * names, and each file's size and MD5 against the checksum Apple gave; anything off is dropped
 * and fetched again.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheStore } from '@asc-actions/core';
import type { FetchedInstance, ReportInfo, SegmentFacts } from '../model.js';

const KEY_PREFIX = 'asc-analytics-v1';
const INDEX = 'index.json';
const SAFE = /^[A-Za-z0-9._-]{1,200}$/;

export const safeName = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);

export async function md5File(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function validSegment(s: unknown): s is SegmentFacts {
  const x = s as SegmentFacts;
  return (
    !!x &&
    typeof x.id === 'string' &&
    typeof x.checksum === 'string' &&
    Number.isSafeInteger(x.sizeInBytes) &&
    typeof x.file === 'string' &&
    SAFE.test(x.file) &&
    Array.isArray(x.columns) &&
    Array.isArray(x.dates) &&
    x.dates.every((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) &&
    Number.isSafeInteger(x.rows)
  );
}

export class SegmentCache {
  readonly dir: string;
  private readonly stem: string;
  private restoredKey?: string;
  readonly instances = new Map<string, FetchedInstance>();

  constructor(
    appId: string,
    report: ReportInfo,
    granularity: string,
    private readonly store: CacheStore | undefined,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.stem = `${KEY_PREFIX}-${safeName(appId)}-${safeName(report.id)}-${granularity}`;
    this.dir = join(env.RUNNER_TEMP || tmpdir(), 'asc-analytics', this.stem);
  }

  /** Restores the newest entry for this report (if any) and loads what checks out. */
  async restore(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    if (!this.store) return;
    this.restoredKey = await this.store.restore([this.dir], `${this.stem}-`, [`${this.stem}-`]);
    if (!this.restoredKey) return;
    let index: { instances?: Record<string, FetchedInstance> };
    try {
      index = JSON.parse(readFileSync(join(this.dir, INDEX), 'utf8')) as typeof index;
    } catch {
      return;
    }
    for (const [id, instance] of Object.entries(index.instances ?? {})) {
      if (
        !instance ||
        instance.id !== id ||
        !Array.isArray(instance.segments) ||
        !instance.segments.every(validSegment)
      )
        continue;
      if (!(await this.intact(instance))) continue;
      this.instances.set(id, instance);
    }
  }

  private async intact(instance: FetchedInstance): Promise<boolean> {
    for (const s of instance.segments) {
      const path = join(this.dir, s.file);
      if (!existsSync(path) || statSync(path).size !== s.sizeInBytes || (await md5File(path)) !== s.checksum)
        return false;
    }
    return true;
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  add(instance: FetchedInstance): void {
    this.instances.set(instance.id, instance);
  }

  /** Keeps only the instances Apple still lists (bounded by its 35-day retention) and saves when the set changed. */
  async save(listed: readonly string[]): Promise<boolean> {
    const keep = new Set(listed);
    for (const id of [...this.instances.keys()]) if (!keep.has(id)) this.instances.delete(id);
    const ids = [...this.instances.keys()].sort();
    const key = `${this.stem}-${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 24)}`;
    writeFileSync(
      join(this.dir, INDEX),
      `${JSON.stringify({ instances: Object.fromEntries(ids.map((id) => [id, this.instances.get(id)])) })}\n`,
    );
    if (!this.store || key === this.restoredKey || ids.length === 0) return false;
    return this.store.save([this.dir], key);
  }
}
