/**
 * Apple's asset upload, one file: reserve (fileName, fileSize) → PUT each part from disk to its
 * pre-signed URL (no Authorization: `auth: false`) with the listed headers, in parallel within
 * the part limit → commit with `uploaded: true` and the MD5. Waiting for Apple's processing is
 * per set (set-delivery.ts), not per file. A reserve that may have been applied (dropped
 * connection, 5xx) is never repeated blindly: the set is read and a half-made copy of the file
 * is deleted first, so a set never holds two.
 */
import {
  ApiError,
  clientPartSender,
  putUploadOperations,
  type AscClient,
  type Clock,
  type Logger,
  type PartBuffers,
  type ByteLimit,
  type TaskLimit,
} from '@asc-actions/core';
import type { LocalAsset, MediaKind } from '../../model/media.js';
import { API, toRemoteAsset } from '../../read/media/remote.js';

export interface UploadContext {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  /** Bounds the parts in flight across all uploads (and so the memory they take). */
  parts: TaskLimit;
  /** Bounds the part bytes in flight. */
  bytes: ByteLimit;
  /** Reused part buffers. */
  buffers: PartBuffers;
  processingTimeoutMs: number;
  pollMs: number;
  previewFrameTime?: string;
}

interface Operation {
  method: string;
  url: string;
  offset: number;
  length: number;
  requestHeaders?: Array<{ name: string; value: string }>;
}
interface Asset {
  id: string;
  attributes?: Record<string, unknown>;
}

export interface UploadResult {
  fileName: string;
  id?: string;
  retried: boolean;
  error?: string;
}

const MAX_RESERVE_ATTEMPTS = 4;

function definitelyRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status < 500 && error.status !== 429;
}

async function removeHalfMade(ctx: UploadContext, kind: MediaKind, setId: string, fileName: string): Promise<void> {
  const api = API[kind];
  const res = await ctx.client.get<{ data: Asset[] }>(`/v1/${api.set}/${setId}/${api.asset}`, { limit: 200 });
  for (const asset of res.data.data.map((a) => toRemoteAsset(kind, a))) {
    if (asset.fileName === fileName && asset.state === 'AWAITING_UPLOAD') await deleteAsset(ctx, kind, asset.id);
  }
}

async function reserve(ctx: UploadContext, kind: MediaKind, setId: string, file: LocalAsset): Promise<Asset> {
  const api = API[kind];
  const attributes: Record<string, unknown> = { fileName: file.fileName, fileSize: file.size };
  // The poster frame is not sent here: it is set once the preview is processed (set-delivery.ts).
  if (kind === 'preview') attributes.mimeType = /\.mov$/i.test(file.fileName) ? 'video/quicktime' : 'video/mp4';
  const body = {
    data: {
      type: api.asset,
      attributes,
      relationships: { [api.setRelationship]: { data: { type: api.set, id: setId } } },
    },
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return (await ctx.client.post<{ data: Asset }>(`/v1/${api.asset}`, body)).data.data;
    } catch (error) {
      if (definitelyRefused(error) || attempt >= MAX_RESERVE_ATTEMPTS) throw error;
      ctx.logger.warning(
        `Reserving ${file.display} may not have completed (${error instanceof Error ? error.message : String(error)}); checking the set before trying again.`,
      );
      await removeHalfMade(ctx, kind, setId, file.fileName);
    }
  }
}

async function putParts(ctx: UploadContext, file: LocalAsset, operations: Operation[]): Promise<void> {
  await putUploadOperations({
    client: ctx.client,
    path: file.path,
    operations,
    parts: ctx.parts,
    bytes: ctx.bytes,
    buffers: ctx.buffers,
    sendPart: clientPartSender(ctx.client),
  });
}

export async function deleteAsset(ctx: Pick<UploadContext, 'client'>, kind: MediaKind, id: string): Promise<void> {
  try {
    await ctx.client.delete(`/v1/${API[kind].asset}/${id}`);
  } catch (error) {
    // Gone already (a retried DELETE whose first try was applied): that is what we wanted.
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
}

/** Reserves, sends and commits one file; resolves to the new asset's id (processing not awaited). */
export async function sendFile(ctx: UploadContext, kind: MediaKind, setId: string, file: LocalAsset): Promise<string> {
  const api = API[kind];
  const asset = await reserve(ctx, kind, setId, file);
  await putParts(ctx, file, (asset.attributes?.uploadOperations ?? []) as Operation[]);
  const attributes = { uploaded: true, sourceFileChecksum: file.md5 };
  await ctx.client.patch(
    `/v1/${api.asset}/${asset.id}`,
    { data: { type: api.asset, id: asset.id, attributes } },
    { safeToRetry: true },
  );
  return asset.id;
}
