/**
 * The emulator's side of asset uploads that is not a resource: received part bytes, how long
 * processing takes, and outcomes tests ask for (stuck, FAILED). One control per emulator state.
 */
import { createHash, type Hash } from 'node:crypto';
import type { EmulatorState } from '../../../store/state.js';

export type DeliveryOutcome = 'complete' | 'stuck' | 'failed';

export interface MediaControl {
  /** Bytes per upload operation (Apple's parts are a few MB; small here so tests see several parts). */
  partSize: number;
  /** Time from commit to COMPLETE (`assetDeliveryState`), on the emulator's clock. */
  processingMs: number;
  /** Previews: time after processing until `videoDeliveryState` leaves PROCESSING (the transcode). */
  transcodeMs: number;
  /**
   * Outcomes for the next commits of a file name, consumed in order: `stuck` never leaves
   * UPLOAD_COMPLETE (or PROCESSING for previews), `failed` ends FAILED after processing.
   */
  outcomes: Array<{ fileName: string; outcome: DeliveryOutcome }>;
  /** Received bytes per asset id, hashed as they arrive in order (a 400 MB preview is never held whole). */
  parts: Map<string, ReceivedFile>;
  /** Every part PUT: asset id, offset, length, whether it carried Authorization. */
  puts: Array<{ assetId: string; offset: number; length: number; hadAuthorization: boolean; status: number }>;
  /** Commit time and outcome per committed asset id. */
  committed: Map<string, { at: number; outcome: DeliveryOutcome }>;
}

export interface ReceivedFile {
  hash: Hash;
  /** Bytes hashed so far: parts up to here arrived. */
  next: number;
  /** Parts that arrived ahead of their turn, by offset. */
  pending: Map<number, Buffer>;
  /** The file's first bytes (an image's size is read from them). */
  head: Buffer;
}

/** Takes one part; a part that was already taken (a retried PUT) changes nothing. */
export function receivePart(
  control: Pick<MediaControl, 'parts'>,
  assetId: string,
  offset: number,
  bytes: Buffer,
): void {
  let file = control.parts.get(assetId);
  if (!file) {
    file = { hash: createHash('md5'), next: 0, pending: new Map(), head: Buffer.alloc(0) };
    control.parts.set(assetId, file);
  }
  if (offset >= file.next) file.pending.set(offset, bytes);
  for (let part = file.pending.get(file.next); part; part = file.pending.get(file.next)) {
    file.pending.delete(file.next);
    if (file.head.length < 64) file.head = Buffer.concat([file.head, part.subarray(0, 64 - file.head.length)]);
    file.hash.update(part);
    file.next += part.length;
  }
}

const controls = new WeakMap<EmulatorState, MediaControl>();

export function mediaControl(state: EmulatorState): MediaControl {
  let control = controls.get(state);
  if (!control) {
    control = {
      partSize: 64 * 1024,
      processingMs: 5_000,
      transcodeMs: 30 * 60_000,
      outcomes: [],
      parts: new Map(),
      puts: [],
      committed: new Map(),
    };
    controls.set(state, control);
  }
  return control;
}

/** The outcome asked for this file name (consumed), or `complete`. */
export function takeOutcome(control: MediaControl, fileName: string): DeliveryOutcome {
  const i = control.outcomes.findIndex((o) => o.fileName === fileName);
  if (i < 0) return 'complete';
  return control.outcomes.splice(i, 1)[0]!.outcome;
}
