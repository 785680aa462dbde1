/**
 * Delivery states on the emulator's clock. A screenshot's `assetDeliveryState` goes
 * AWAITING_UPLOAD → (commit) UPLOAD_COMPLETE → COMPLETE or FAILED after `processingMs`. A
 * preview has two: `assetDeliveryState` (the upload accepted) follows the same path, while
 * `videoDeliveryState` (the transcode) goes UPLOAD_COMPLETE → PROCESSING and reaches COMPLETE
 * only `transcodeMs` later. A `stuck` asset never leaves its in-between state (seen live:
 * screenshots that sit in UPLOAD_COMPLETE for days).
 *
 * Why two states: fastlane judges a preview done by `assetDeliveryState`
 * (spaceship/lib/spaceship/connect_api/models/app_preview.rb, `complete?`), as does the asc CLI
 * (internal/asc/assets.go); the spec marks it deprecated on AppPreview but keeps it, and
 * `videoDeliveryState` (the only one with PROCESSING) stays in transcoding long after the upload
 * is accepted. `transcodeMs` is an assumption of this emulator.
 */
import type { ResourceRecord } from '../../../types.js';
import type { EmulatorState } from '../../../store/state.js';
import { mediaControl } from './control.js';
import { MEDIA_KINDS } from './kinds.js';

export interface StateError {
  code: string;
  description: string;
}

export function deliveryState(state: string, errors: StateError[] = []): Record<string, unknown> {
  return { state, errors, warnings: [] };
}

/** Writes `assetDeliveryState` (and, for a preview, `videoDeliveryState` too, unless `video` says otherwise). */
export function setDelivery(
  asset: ResourceRecord,
  state: string,
  errors: StateError[] = [],
  video: string = state,
): void {
  asset.attributes.assetDeliveryState = deliveryState(state, errors);
  if (asset.type === 'appPreviews')
    asset.attributes.videoDeliveryState = deliveryState(video, video === 'FAILED' ? errors : []);
}

/** The upload's state (`assetDeliveryState`). */
export function deliveryOf(asset: ResourceRecord): string | undefined {
  return (asset.attributes.assetDeliveryState as { state?: string } | undefined)?.state;
}

const videoOf = (asset: ResourceRecord): string | undefined =>
  (asset.attributes.videoDeliveryState as { state?: string } | undefined)?.state;

function refreshOne(state: EmulatorState, asset: ResourceRecord, now: number): void {
  const control = mediaControl(state);
  const committed = control.committed.get(asset.id);
  const current = deliveryOf(asset);
  if (!committed || current === 'FAILED' || (current === 'COMPLETE' && videoOf(asset) !== 'PROCESSING')) return;
  const processed = now >= committed.at + control.processingMs;
  const transcoded = now >= committed.at + control.processingMs + control.transcodeMs;
  if (committed.outcome === 'stuck' || !processed) {
    if (asset.type === 'appPreviews' && now > committed.at) setDelivery(asset, 'UPLOAD_COMPLETE', [], 'PROCESSING');
    return;
  }
  if (committed.outcome === 'failed') {
    setDelivery(asset, 'FAILED', [
      { code: 'IMAGE_PROCESSING_FAILED', description: 'The file could not be processed.' },
    ]);
    return;
  }
  setDelivery(asset, 'COMPLETE', [], transcoded ? 'COMPLETE' : 'PROCESSING');
}

/** Brings every committed asset's delivery state up to `now`. */
export function refreshDeliveryStates(state: EmulatorState, now: number): void {
  for (const kind of MEDIA_KINDS) for (const asset of state.all(kind.assetType)) refreshOne(state, asset, now);
}
