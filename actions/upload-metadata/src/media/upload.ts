/**
 * Apple's asset upload: reserve (fileName, fileSize) → PUT each part from disk to its pre-signed
 * URL (no Authorization: `auth: false`) with the listed headers, in parallel within the part
 * limit → commit with `uploaded: true` and the MD5 → poll the delivery state until COMPLETE,
 * FAILED or the processing timeout. A stuck or FAILED asset is deleted and uploaded once more.
 * A reserve that may have been applied (dropped connection, 5xx) is never repeated blindly: the
 * set is read and a half-made copy of the file is deleted first, so a set never holds two.
 */
import { ApiError, putUploadOperations, type AscClient, type Clock, type Logger, type PartBuffers } from '@asc-actions/core';
import type { ByteBudget, Limit } from './limit.js';
import type { LocalAsset, MediaKind } from './model.js';
import { API, toRemoteAsset } from './remote.js';

export interface UploadContext {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  /** Bounds the parts in flight across all uploads (and so the memory they take). */
  parts: Limit;
  /** Bounds the part bytes in flight. */
  bytes: ByteBudget;
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
  if (kind === 'preview') {
    attributes.mimeType = /\.mov$/i.test(file.fileName) ? 'video/quicktime' : 'video/mp4';
    if (ctx.previewFrameTime) attributes.previewFrameTimeCode = ctx.previewFrameTime;
  }
  const body = { data: { type: api.asset, attributes, relationships: { [api.setRelationship]: { data: { type: api.set, id: setId } } } } };
  for (let attempt = 1; ; attempt++) {
    try {
      return (await ctx.client.post<{ data: Asset }>(`/v1/${api.asset}`, body)).data.data;
    } catch (error) {
      if (definitelyRefused(error) || attempt >= MAX_RESERVE_ATTEMPTS) throw error;
      ctx.logger.warning(`Reserving ${file.display} may not have completed (${error instanceof Error ? error.message : String(error)}); checking the set before trying again.`);
      await removeHalfMade(ctx, kind, setId, file.fileName);
    }
  }
}

async function putParts(ctx: UploadContext, file: LocalAsset, operations: Operation[]): Promise<void> {
  await putUploadOperations({ client: ctx.client, path: file.path, operations, parts: ctx.parts, bytes: ctx.bytes, buffers: ctx.buffers });
}

async function waitForDelivery(ctx: UploadContext, kind: MediaKind, id: string): Promise<'COMPLETE' | string> {
  const deadline = ctx.clock.now() + ctx.processingTimeoutMs;
  for (;;) {
    const res = await ctx.client.get<{ data: Asset }>(`/v1/${API[kind].asset}/${id}`);
    const state = toRemoteAsset(kind, res.data.data).state ?? 'UNKNOWN';
    if (state === 'COMPLETE' || state === 'FAILED') return state;
    if (ctx.clock.now() >= deadline) return `still ${state} after the processing timeout`;
    await ctx.clock.sleep(ctx.pollMs);
  }
}

export async function deleteAsset(ctx: Pick<UploadContext, 'client'>, kind: MediaKind, id: string): Promise<void> {
  try {
    await ctx.client.delete(`/v1/${API[kind].asset}/${id}`);
  } catch (error) {
    // Gone already (a retried DELETE whose first try was applied): that is what we wanted.
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
}

async function uploadOnce(ctx: UploadContext, kind: MediaKind, setId: string, file: LocalAsset): Promise<{ id: string; state: string }> {
  const api = API[kind];
  const asset = await reserve(ctx, kind, setId, file);
  await putParts(ctx, file, (asset.attributes?.uploadOperations ?? []) as Operation[]);
  const attributes = { uploaded: true, sourceFileChecksum: file.md5 };
  await ctx.client.patch(`/v1/${api.asset}/${asset.id}`, { data: { type: api.asset, id: asset.id, attributes } }, { safeToRetry: true });
  return { id: asset.id, state: await waitForDelivery(ctx, kind, asset.id) };
}

/** Uploads one file; a stuck or FAILED delivery is deleted and uploaded once more, then reported. */
export async function uploadAsset(ctx: UploadContext, kind: MediaKind, setId: string, file: LocalAsset): Promise<UploadResult> {
  try {
    const first = await uploadOnce(ctx, kind, setId, file);
    if (first.state === 'COMPLETE') return { fileName: file.fileName, id: first.id, retried: false };
    ctx.logger.warning(`${file.display}: ${first.state === 'FAILED' ? 'processing FAILED' : first.state}; deleting it and uploading once more.`);
    await deleteAsset(ctx, kind, first.id);
    const second = await uploadOnce(ctx, kind, setId, file);
    if (second.state === 'COMPLETE') return { fileName: file.fileName, id: second.id, retried: true };
    // Not left behind: a stuck copy would carry the right checksum and pass for kept next time.
    await deleteAsset(ctx, kind, second.id);
    return { fileName: file.fileName, retried: true, error: `${second.state === 'FAILED' ? 'processing FAILED' : second.state} twice` };
  } catch (error) {
    return { fileName: file.fileName, retried: false, error: error instanceof Error ? error.message : String(error) };
  }
}
