/**
 * Delivery states on the emulator's clock. A screenshot goes AWAITING_UPLOAD → (commit)
 * UPLOAD_COMPLETE → COMPLETE or FAILED after `processingMs`; a preview's `videoDeliveryState`
 * goes AWAITING_UPLOAD → UPLOAD_COMPLETE → PROCESSING → COMPLETE or FAILED. A `stuck` asset
 * never leaves its in-between state (seen live: screenshots that sit in UPLOAD_COMPLETE for days).
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

/** Writes the state attribute the asset type uses (`assetDeliveryState` or `videoDeliveryState`). */
export function setDelivery(asset: ResourceRecord, state: string, errors: StateError[] = []): void {
  const name = asset.type === 'appPreviews' ? 'videoDeliveryState' : 'assetDeliveryState';
  asset.attributes[name] = deliveryState(state, errors);
}

export function deliveryOf(asset: ResourceRecord): string | undefined {
  const value = asset.attributes[asset.type === 'appPreviews' ? 'videoDeliveryState' : 'assetDeliveryState'] as { state?: string } | undefined;
  return value?.state;
}

function refreshOne(state: EmulatorState, asset: ResourceRecord, now: number): void {
  const committed = mediaControl(state).committed.get(asset.id);
  const current = deliveryOf(asset);
  if (!committed || current === 'COMPLETE' || current === 'FAILED') return;
  const done = now >= committed.at + mediaControl(state).processingMs;
  if (committed.outcome === 'stuck' || !done) {
    if (asset.type === 'appPreviews' && now > committed.at) setDelivery(asset, 'PROCESSING');
    return;
  }
  if (committed.outcome === 'failed') {
    setDelivery(asset, 'FAILED', [{ code: 'IMAGE_PROCESSING_FAILED', description: 'The file could not be processed.' }]);
    return;
  }
  setDelivery(asset, 'COMPLETE');
}

/** Brings every committed asset's delivery state up to `now`. */
export function refreshDeliveryStates(state: EmulatorState, now: number): void {
  for (const kind of MEDIA_KINDS) for (const asset of state.all(kind.assetType)) refreshOne(state, asset, now);
}
