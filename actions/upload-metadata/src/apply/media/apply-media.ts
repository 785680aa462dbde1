/**
 * Applies a media plan set by set (sets in parallel): make the set when missing, delete what
 * goes (replaced copies, extras), upload what is new, then read the set back and put it in the
 * repo's order. Every set reports what happened, failures included; a rerun converges.
 */
import { ApiError, Semaphore, type TaskLimit } from '@asc-actions/core';
import type { LocalAsset, MediaPlan, MediaSetPlan, RemoteAsset } from '../../model/media.js';
import { API, readSetAssets, readSets } from '../../read/media/remote.js';
import { createOrAdopt } from '../create-or-adopt.js';
import { deliverSet } from './set-delivery.js';
import { deleteAsset, type UploadContext, type UploadResult } from './upload.js';

export interface MediaSetResult {
  set: MediaSetPlan;
  uploaded: UploadResult[];
  deleted: string[];
  reordered: boolean;
  error?: string;
}

async function ensureSet(ctx: UploadContext, plan: MediaSetPlan): Promise<string> {
  if (plan.setId) return plan.setId;
  const api = API[plan.kind];
  const body = {
    data: {
      type: api.set,
      attributes: { [api.attribute]: plan.displayType },
      relationships: {
        appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: plan.localizationId } },
      },
    },
  };
  // A lost answer, a 5xx or a 409 (made by a parallel run): adopt the set if it is there, else
  // create it again, as the metadata's creations do.
  const made = await createOrAdopt({
    attributes: {},
    create: async () => (await ctx.client.post<{ data: { id: string } }>(`/v1/${api.set}`, body)).data.data,
    find: async () => {
      const sets = await readSets(ctx.client, plan.kind, plan.locale, plan.localizationId);
      const existing = sets.find((s) => s.displayType === plan.displayType);
      return existing ? { id: existing.id, attributes: {} } : undefined;
    },
    update: async () => undefined,
  });
  return made.id;
}

/** `read`: the set's assets as the upload last read them (no need to ask again). */
async function reorder(
  ctx: UploadContext,
  plan: MediaSetPlan,
  setId: string,
  uploaded: UploadResult[],
  read?: RemoteAsset[],
): Promise<boolean> {
  const current = read ?? (await readSetAssets(ctx.client, plan.kind, setId));
  const idOf = (o: MediaSetPlan['order'][number]) => o.remoteId ?? uploaded.find((u) => u.fileName === o.fileName)?.id;
  const wanted = plan.order.map(idOf).filter((id): id is string => !!id && current.some((c) => c.id === id));
  // Anything on the set we did not plan for (another run's upload) keeps its place at the end.
  const rest = current.map((c) => c.id).filter((id) => !wanted.includes(id));
  const target = [...wanted, ...rest];
  if (target.every((id, i) => current[i]?.id === id)) return false;
  const api = API[plan.kind];
  await ctx.client.patch(
    `/v1/${api.set}/${setId}/relationships/${api.asset}`,
    { data: target.map((id) => ({ type: api.asset, id })) },
    { safeToRetry: true },
  );
  return true;
}

async function applySet(ctx: UploadContext, files: TaskLimit, plan: MediaSetPlan): Promise<MediaSetResult> {
  const result: MediaSetResult = { set: plan, uploaded: [], deleted: [], reordered: false };
  try {
    if (plan.deleteSet) {
      await ctx.client.delete(`/v1/${API[plan.kind].set}/${plan.setId}`).catch((error: unknown) => {
        // Gone already (a retried DELETE whose first try was applied).
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      });
      result.deleted.push(...plan.deleted.map((d) => d.fileName));
      return result;
    }
    const setId = await ensureSet(ctx, plan);
    const going = [...plan.replaced.map((r) => r.remote), ...plan.deleted];
    await Promise.all(going.map((a) => deleteAsset(ctx, plan.kind, a.id)));
    result.deleted.push(...plan.deleted.map((d) => d.fileName));
    const uploads: LocalAsset[] = plan.order
      .map((o) =>
        [...plan.upload, ...plan.replaced.map((r) => r.local)].find((f) => f.fileName === o.fileName && !o.remoteId),
      )
      .filter((f): f is LocalAsset => !!f);
    const delivered = uploads.length > 0 ? await deliverSet(ctx, files, plan.kind, setId, uploads) : undefined;
    result.uploaded = delivered?.results ?? [];
    if (plan.reorder || uploads.length > 0)
      result.reordered = await reorder(ctx, plan, setId, result.uploaded, delivered?.assets);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

export async function applyMedia(
  ctx: UploadContext,
  plan: MediaPlan,
  filesInFlight: number,
): Promise<MediaSetResult[]> {
  const files = new Semaphore(filesInFlight);
  return Promise.all(plan.sets.map((set) => applySet(ctx, files, set)));
}

export const failuresOf = (results: MediaSetResult[]): string[] =>
  results.flatMap((r) => [
    ...(r.error ? [`${r.set.locale} ${r.set.displayType}: ${r.error}`] : []),
    ...r.uploaded.filter((u) => u.error).map((u) => `${r.set.locale} ${r.set.displayType} ${u.fileName}: ${u.error}`),
  ]);
