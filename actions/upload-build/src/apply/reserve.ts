/**
 * The two creates: the build upload and its file reservation. Neither is retried blindly: when
 * an answer is lost (or Apple answers 5xx), App Store Connect is read first and what was created
 * is adopted, so one run never leaves two uploads behind.
 */
import {
  ApiError,
  type AscClient,
  type BuildUploadFile,
  createBuildUpload,
  createBuildUploadFile,
  deleteBuildUpload,
  listBuildUploadFiles,
  listBuildUploads,
  type Logger,
  sameVersion,
} from '@asc-actions/core';
import type { BuildFile, RemoteUpload, Target } from '../model.js';
import { toRemoteUpload } from '../read/remote.js';
import { mayHaveApplied } from './uncertain.js';

export interface ApplyDeps {
  client: AscClient;
  logger: Logger;
}

/** Deletes reservations a stopped run left waiting; gone already is fine. */
export async function deleteAbandoned(deps: ApplyDeps, uploads: RemoteUpload[]): Promise<void> {
  for (const u of uploads) {
    deps.logger.info(
      `Deleting build upload ${u.id}: a reservation for ${u.version} (${u.buildNumber}) left waiting since ${u.createdDate ?? 'an earlier run'}.`,
    );
    await deleteBuildUpload(deps.client, u.id).catch((e: unknown) => {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    });
  }
}

async function waitingUploads(deps: ApplyDeps, t: Target): Promise<RemoteUpload[]> {
  const all = await listBuildUploads(deps.client, t.app.id, {
    'filter[cfBundleVersion]': [t.buildNumber],
    'filter[platform]': [t.platform],
    limit: 200,
  });
  return all.map(toRemoteUpload).filter((u) => u.state === 'AWAITING_UPLOAD' && sameVersion(u.version, t.version));
}

export async function createUpload(deps: ApplyDeps, t: Target): Promise<string> {
  const request = { appId: t.app.id, version: t.version, buildNumber: t.buildNumber, platform: t.platform };
  try {
    return (await createBuildUpload(deps.client, request)).id;
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    deps.logger.warning(
      `Creating the build upload may have completed (${(error as Error).message}); reading App Store Connect before trying again.`,
    );
    // Reservations left waiting were deleted before this create: one waiting now is this run's.
    const made = (await waitingUploads(deps, t)).at(-1);
    if (made) return made.id;
    return (await createBuildUpload(deps.client, request)).id;
  }
}

export async function reserveFile(deps: ApplyDeps, uploadId: string, file: BuildFile): Promise<BuildUploadFile> {
  const request = { uploadId, fileName: file.fileName, fileSize: file.size, uti: file.uti };
  try {
    return await createBuildUploadFile(deps.client, request);
  } catch (error) {
    if (!mayHaveApplied(error)) throw error;
    deps.logger.warning(
      `Reserving the file may have completed (${(error as Error).message}); reading App Store Connect before trying again.`,
    );
    const made = (await listBuildUploadFiles(deps.client, uploadId)).find(
      (f) => f.attributes?.fileName === file.fileName,
    );
    return made ?? createBuildUploadFile(deps.client, request);
  }
}
