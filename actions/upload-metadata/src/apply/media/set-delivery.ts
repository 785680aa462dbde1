/**
 * Sends a set's new files and waits for Apple to process them, polling the set (one request
 * for all its assets and their delivery states, every `pollMs`), not each asset: fastlane polls
 * per localization for the same reason (deliver/lib/deliver/upload_screenshots.rb), and the
 * API's hourly budget is shared by every run of the key.
 *
 * A screenshot that FAILED or never finished is deleted and sent once more. A preview that
 * FAILED is too; one still processing after `processing-timeout` is reported and left alone (it
 * was accepted; deleting and sending it again only starts the wait over). The poster frame is
 * set once a preview is processed, as fastlane does (connect_api/models/app_preview.rb sets
 * previewFrameTimeCode after the upload), and read back.
 */
import type { TaskLimit } from '@asc-actions/core';
import type { LocalAsset, MediaKind, RemoteAsset } from '../../model/media.js';
import { API, readSetAssets } from '../../read/media/remote.js';
import { deleteAsset, sendFile, type UploadContext, type UploadResult } from './upload.js';

const DONE = ['COMPLETE', 'FAILED'];

interface Sent {
  file: LocalAsset;
  id?: string;
  error?: string;
}

/** Reads the set until every asset in `ids` is COMPLETE or FAILED, or the processing timeout passes. */
async function waitForSet(
  ctx: UploadContext,
  kind: MediaKind,
  setId: string,
  ids: readonly string[],
): Promise<RemoteAsset[]> {
  const deadline = ctx.clock.now() + ctx.processingTimeoutMs;
  for (;;) {
    const assets = await readSetAssets(ctx.client, kind, setId);
    const pending = ids.filter((id) => {
      const state = assets.find((a) => a.id === id)?.state;
      return state !== undefined && !DONE.includes(state);
    });
    if (pending.length === 0 || ctx.clock.now() >= deadline) return assets;
    await ctx.clock.sleep(ctx.pollMs);
  }
}

async function sendAll(
  ctx: UploadContext,
  files: TaskLimit,
  kind: MediaKind,
  setId: string,
  list: LocalAsset[],
): Promise<Sent[]> {
  return Promise.all(
    list.map((file) =>
      files
        .run(() => sendFile(ctx, kind, setId, file))
        .then(
          (id): Sent => ({ file, id }),
          (error: unknown): Sent => ({ file, error: error instanceof Error ? error.message : String(error) }),
        ),
    ),
  );
}

const stateOf = (assets: RemoteAsset[], id: string | undefined): string =>
  assets.find((a) => a.id === id)?.state ?? 'missing';

/** What to do with a sent file after the wait: done, send again, or report. */
function verdict(kind: MediaKind, state: string): 'done' | 'again' | 'processing' {
  if (state === 'COMPLETE') return 'done';
  if (state === 'FAILED' || kind === 'screenshot') return 'again';
  return 'processing';
}

const describe = (state: string): string =>
  state === 'FAILED' ? 'processing FAILED' : `still ${state} after the processing timeout`;

async function setPosterFrames(
  ctx: UploadContext,
  kind: MediaKind,
  setId: string,
  results: UploadResult[],
  assets: RemoteAsset[],
): Promise<RemoteAsset[]> {
  const frame = ctx.previewFrameTime;
  if (kind !== 'preview' || !frame) return assets;
  const done = results.filter((r) => r.id && !r.error && stateOf(assets, r.id) === 'COMPLETE');
  if (done.length === 0) return assets;
  const api = API.preview;
  await Promise.all(
    done.map((r) =>
      ctx.client.patch(
        `/v1/${api.asset}/${r.id}`,
        { data: { type: api.asset, id: r.id, attributes: { previewFrameTimeCode: frame } } },
        { safeToRetry: true },
      ),
    ),
  );
  const after = await readSetAssets(ctx.client, kind, setId);
  for (const r of done) {
    const got = after.find((a) => a.id === r.id)?.frameTime;
    if (got !== frame) r.error = `the poster frame reads back as ${got ?? 'unset'}, not ${frame}`;
  }
  return after;
}

/** Uploads a set's new files; resolves to each file's result and the set's assets as last read (in order). */
export async function deliverSet(
  ctx: UploadContext,
  files: TaskLimit,
  kind: MediaKind,
  setId: string,
  list: LocalAsset[],
): Promise<{ results: UploadResult[]; assets: RemoteAsset[] }> {
  const first = await sendAll(ctx, files, kind, setId, list);
  let assets = await waitForSet(
    ctx,
    kind,
    setId,
    first.flatMap((s) => (s.id ? [s.id] : [])),
  );
  const results: UploadResult[] = [];
  const again: Sent[] = [];
  for (const sent of first) {
    const state = stateOf(assets, sent.id);
    const next = sent.error ? 'error' : verdict(kind, state);
    if (next === 'error') results.push({ fileName: sent.file.fileName, retried: false, error: sent.error });
    else if (next === 'done') results.push({ fileName: sent.file.fileName, id: sent.id, retried: false });
    else if (next === 'processing')
      results.push({
        fileName: sent.file.fileName,
        id: sent.id,
        retried: false,
        error: `${describe(state)}; left on App Store Connect, not uploaded again`,
      });
    else {
      ctx.logger.warning(`${sent.file.display}: ${describe(state)}; deleting it and uploading once more.`);
      again.push(sent);
    }
  }
  if (again.length > 0) {
    await Promise.all(again.map((s) => deleteAsset(ctx, kind, s.id!)));
    const second = await sendAll(
      ctx,
      files,
      kind,
      setId,
      again.map((s) => s.file),
    );
    assets = await waitForSet(
      ctx,
      kind,
      setId,
      second.flatMap((s) => (s.id ? [s.id] : [])),
    );
    for (const sent of second) {
      const state = stateOf(assets, sent.id);
      if (!sent.error && state === 'COMPLETE') {
        results.push({ fileName: sent.file.fileName, id: sent.id, retried: true });
        continue;
      }
      // Not left behind: a stuck or broken copy would carry the right checksum and pass for kept next time.
      if (sent.id && (state === 'FAILED' || kind === 'screenshot')) await deleteAsset(ctx, kind, sent.id);
      results.push({ fileName: sent.file.fileName, retried: true, error: sent.error ?? `${describe(state)} twice` });
    }
    if (again.some((s) => s.id)) assets = await readSetAssets(ctx.client, kind, setId);
  }
  assets = await setPosterFrames(ctx, kind, setId, results, assets);
  return { results, assets };
}
