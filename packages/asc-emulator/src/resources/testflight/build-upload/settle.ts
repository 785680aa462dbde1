/**
 * Settling committed build uploads on the clock, for the parts no build carries: a FAILED plan
 * ends FAILED after the processing time; a file's delivery is COMPLETE once processing took it.
 */
import type { ResourceRecord } from '../../../types.js';
import type { EmulatorState } from '../../../store/state.js';
import { buildUploadControl } from './control.js';

/** Failed plans end FAILED once processing time has passed (builds carry the others: states.ts). */
export function refreshBuildUploads(state: EmulatorState, now: number): void {
  const control = buildUploadControl(state);
  for (const [uploadId, entry] of control.committed) {
    if (entry.plan?.outcome !== 'failed' || now < entry.at + control.processingMs) continue;
    const upload = state.get('buildUploads', uploadId);
    if (upload)
      upload.attributes.state = {
        state: 'FAILED',
        errors: entry.plan.errors ?? [],
        warnings: entry.plan.warnings ?? [],
        infos: [],
      };
    markFileComplete(state, upload);
    control.committed.delete(uploadId);
  }
}

/** The file's delivery is done once processing took it (COMPLETE), whatever processing decides. */
export function markFileComplete(state: EmulatorState, upload: ResourceRecord | undefined): void {
  for (const id of upload ? state.relatedIds(upload, 'buildUploadFiles') : []) {
    const file = state.get('buildUploadFiles', id);
    if (file) file.attributes.assetDeliveryState = { state: 'COMPLETE', errors: [], warnings: [] };
  }
}
