/**
 * The commit (`uploaded: true` with the MD5 of the bytes sent). A commit can take effect while
 * its answer is lost (docs/evidence/releases.md §1.1: asc PR #1847), so it is never replayed blindly:
 * after a lost answer or a 5xx, one `GET /v1/buildUploads/{id}` says whether Apple has it; only
 * an upload still AWAITING_UPLOAD is committed again, once.
 */
import { commitBuildUploadFile, getBuildUpload } from '@asc-actions/core';
import type { ApplyDeps } from './reserve.js';
import { mayHaveApplied } from './uncertain.js';

export async function commitFile(deps: ApplyDeps, uploadId: string, fileId: string, md5: string): Promise<void> {
  // SHA_256 was answered 409 live; MD5 of the whole file is accepted (docs/evidence/releases.md §1.3).
  const checksums = { file: { hash: md5, algorithm: 'MD5' as const } };
  try {
    await commitBuildUploadFile(deps.client, fileId, checksums);
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    deps.logger.warning(
      `The commit's answer was lost (${(error as Error).message}); reading the build upload before deciding.`,
    );
    const state = (await getBuildUpload(deps.client, uploadId)).data.attributes?.state?.state;
    if (state !== 'AWAITING_UPLOAD') return;
    await commitBuildUploadFile(deps.client, fileId, checksums);
  }
}
