/**
 * The upload itself: create the build upload → reserve the file → PUT its parts (core's part
 * uploader: streamed from disk in parallel, Apple's headers only, MD5 computed while reading)
 * → commit. If anything fails before the commit took effect, this run's reservation is deleted
 * (Apple allows it in AWAITING_UPLOAD), so a rerun starts clean and nothing piles up.
 */
import {
  AscError,
  type Clock,
  checkOperations,
  deleteBuildUpload,
  getBuildUpload,
  putUploadOperations,
  type UploadOperation,
} from '@asc-actions/core';
import type { BuildFile, Target } from '../model.js';
import { commitFile } from './commit.js';
import { createUpload, reserveFile, type ApplyDeps } from './reserve.js';

export interface TransferDeps extends ApplyDeps {
  /** Parts in flight. */
  partConcurrency: number;
  clock: Clock;
}

export interface Transfer {
  uploadId: string;
  md5: string;
  parts: number;
  ms: { reserve: number; parts: number; commit: number };
}

async function abandon(deps: ApplyDeps, uploadId: string, cause: unknown): Promise<never> {
  try {
    const state = (await getBuildUpload(deps.client, uploadId)).data.attributes?.state?.state;
    if (state === 'AWAITING_UPLOAD') {
      await deleteBuildUpload(deps.client, uploadId);
      deps.logger.info(`Deleted build upload ${uploadId}: its transfer did not finish, and a rerun starts clean.`);
    }
  } catch (cleanup) {
    deps.logger.warning(
      `Could not delete the unfinished build upload ${uploadId} (${(cleanup as Error).message}); the next run deletes it.`,
    );
  }
  throw cause;
}

export async function transfer(deps: TransferDeps, target: Target, file: BuildFile): Promise<Transfer> {
  const t0 = deps.clock.now();
  const uploadId = await createUpload(deps, target);
  try {
    const reserved = await reserveFile(deps, uploadId, file);
    const operations = checkOperations((reserved.attributes?.uploadOperations ?? []) as UploadOperation[], file.size);
    const t1 = deps.clock.now();
    deps.logger.info(`Sending ${file.size} bytes in ${operations.length} part(s), ${deps.partConcurrency} at a time.`);
    const { md5 } = await putUploadOperations({
      client: deps.client,
      path: file.path,
      operations,
      concurrency: deps.partConcurrency,
      md5: true,
      clock: deps.clock,
    });
    if (!md5) throw new AscError('internal: no checksum was computed');
    const t2 = deps.clock.now();
    await commitFile(deps, uploadId, reserved.id, md5);
    return {
      uploadId,
      md5,
      parts: operations.length,
      ms: { reserve: t1 - t0, parts: t2 - t1, commit: deps.clock.now() - t2 },
    };
  } catch (error) {
    return abandon(deps, uploadId, error);
  }
}
