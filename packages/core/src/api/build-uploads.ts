/**
 * Apple's Build Upload API: `buildUploads` (one per version, build number and platform) and
 * `buildUploadFiles` (the file's reservation, upload operations and commit). Spec 4.4.1.
 */
import type { AscClient } from '../http/client.js';
import type { WriteOptions } from './documents.js';
import type { BuildUpload, BuildUploadFile, Checksums, Platform } from './generated/index.js';

export interface NewBuildUpload {
  appId: string;
  version: string;
  buildNumber: string;
  platform: Platform;
}

export interface NewBuildUploadFile {
  uploadId: string;
  fileName: string;
  fileSize: number;
  uti: 'com.apple.ipa' | 'com.apple.pkg';
}

const id = (value: string): string => encodeURIComponent(value);

/** `POST /v1/buildUploads`. Never retried blindly: a lost answer may have created it. */
export async function createBuildUpload(client: AscClient, u: NewBuildUpload): Promise<BuildUpload> {
  const body = {
    data: {
      type: 'buildUploads',
      attributes: { cfBundleShortVersionString: u.version, cfBundleVersion: u.buildNumber, platform: u.platform },
      relationships: { app: { data: { type: 'apps', id: u.appId } } },
    },
  };
  return (await client.post<{ data: BuildUpload }>('/v1/buildUploads', body)).data.data;
}

/** `GET /v1/buildUploads/{id}`, with the build once processing linked it. */
export async function getBuildUpload(
  client: AscClient,
  uploadId: string,
): Promise<{
  data: BuildUpload;
  included?: Array<{ type: string; id: string; attributes?: Record<string, unknown> }>;
}> {
  return (
    await client.get<{
      data: BuildUpload;
      included?: Array<{ type: string; id: string; attributes?: Record<string, unknown> }>;
    }>(`/v1/buildUploads/${id(uploadId)}`, { include: ['build'] })
  ).data;
}

/** `DELETE /v1/buildUploads/{id}` (Apple allows it in AWAITING_UPLOAD). */
export async function deleteBuildUpload(
  client: { delete(path: string): Promise<unknown> },
  uploadId: string,
): Promise<void> {
  await client.delete(`/v1/buildUploads/${id(uploadId)}`);
}

/** `POST /v1/buildUploadFiles` (`assetType: ASSET`): the answer carries `uploadOperations`. */
export async function createBuildUploadFile(client: AscClient, f: NewBuildUploadFile): Promise<BuildUploadFile> {
  const body = {
    data: {
      type: 'buildUploadFiles',
      attributes: { assetType: 'ASSET', fileName: f.fileName, fileSize: f.fileSize, uti: f.uti },
      relationships: { buildUpload: { data: { type: 'buildUploads', id: f.uploadId } } },
    },
  };
  return (await client.post<{ data: BuildUploadFile }>('/v1/buildUploadFiles', body)).data.data;
}

/** `GET /v1/buildUploads/{id}/buildUploadFiles`. */
export async function listBuildUploadFiles(client: AscClient, uploadId: string): Promise<BuildUploadFile[]> {
  return (await client.get<{ data: BuildUploadFile[] }>(`/v1/buildUploads/${id(uploadId)}/buildUploadFiles`)).data.data;
}

/** `PATCH /v1/buildUploadFiles/{id}` `{uploaded: true, sourceFileChecksums}`: Apple's "Commit a Build Upload File". */
export async function commitBuildUploadFile(
  client: AscClient,
  fileId: string,
  checksums?: Checksums,
  options: WriteOptions = {},
): Promise<BuildUploadFile> {
  const attributes = { uploaded: true, ...(checksums ? { sourceFileChecksums: checksums } : {}) };
  return (
    await client.patch<{ data: BuildUploadFile }>(
      `/v1/buildUploadFiles/${id(fileId)}`,
      { data: { type: 'buildUploadFiles', id: fileId, attributes } },
      options,
    )
  ).data.data;
}
