/**
 * The media part of a run: plan against the version's localizations and, unless a dry run,
 * apply, then report. Local files were read and validated before the run's first write.
 */
import {
  ByteBudget,
  PartBuffers,
  Semaphore,
  AscError,
  type AscClient,
  type Clock,
  type Logger,
} from '@asc-actions/core';
import type { MediaSettings } from '../../inputs.js';
import { applyMedia, failuresOf } from './apply-media.js';
import type { LocalMedia } from '../../model/media.js';
import { planMedia } from '../../plan/media.js';
import { readLocalizationIds, readRemoteMedia } from '../../read/media/remote.js';
import { logMedia, mediaRows, writeMediaOutput, writeMediaSummary } from '../../report/media.js';

/** Part bytes in flight at most (16 MB): with fetch's copy of each body, the upload's memory stays bounded. */
const PART_BYTES_IN_FLIGHT = 16 * 1024 * 1024;

export interface MediaRun {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  /** The client's concurrency: parts in flight at most this many. */
  concurrency: number;
}

/**
 * `known`: locale → version localization id, when the metadata part already knows them (its
 * read or read-back, plus the localizations it created), so they are not read again.
 */
export async function syncMedia(
  run: MediaRun,
  local: LocalMedia,
  settings: MediaSettings,
  versionId: string | undefined,
  dryRun: boolean,
  known?: Record<string, string>,
): Promise<void> {
  const localizations = known ?? (versionId ? await readLocalizationIds(run.client, versionId) : {});
  const remote = await readRemoteMedia(run.client, localizations, local.locales);
  const plan = planMedia({ local, remote, localizations, mode: settings.syncMode });
  let rows = mediaRows(plan);
  logMedia(rows, plan.missingLocalizations, run.logger, dryRun);
  if (dryRun) {
    writeMediaOutput(rows, true);
    await writeMediaSummary(rows, plan.missingLocalizations, true);
    return;
  }
  const ctx = {
    client: run.client,
    clock: run.clock,
    logger: run.logger,
    parts: new Semaphore(run.concurrency),
    bytes: new ByteBudget(PART_BYTES_IN_FLIGHT),
    buffers: new PartBuffers(),
    processingTimeoutMs: settings.processingTimeoutMs,
    pollMs: 5_000,
    previewFrameTime: settings.previewFrameTime,
  };
  const results = await applyMedia(ctx, plan, run.concurrency * 2);
  rows = mediaRows(plan, results);
  writeMediaOutput(rows, false);
  await writeMediaSummary(rows, plan.missingLocalizations, false);
  const failures = failuresOf(results);
  if (failures.length > 0)
    throw new AscError(
      `Screenshots and previews: ${failures.length} not synced: ${failures.join('; ')}. Rerun to retry: files already on App Store Connect are not uploaded again.`,
    );
}
