/**
 * The emulator's side of build uploads that is not a resource: where parts are served, how
 * large they are, received bytes, what processing will do, and a log of part PUTs. One control
 * per emulator state (tests and the bench reach it through `buildUploadControl(emu.state)`).
 */
import type { EmulatorState } from '../../../store/state.js';
import type { ReceivedFile } from '../../app-store/media/control.js';

export interface StateDetail {
  code: string;
  description: string;
}

/** What processing does with the next committed upload of a build number (consumed in order). */
export interface ProcessingPlan {
  /** CFBundleVersion it applies to; undefined: the next upload, whatever its number. */
  buildNumber?: string;
  /** `failed`: FAILED with `errors`; `stuck`: PROCESSING forever (a processing that never ends). */
  outcome: 'failed' | 'stuck';
  errors?: StateDetail[];
  warnings?: StateDetail[];
}

export interface PartPut {
  fileId: string;
  part: number;
  length: number;
  status: number;
  /** Header names as received (lower case). */
  headers: string[];
}

export interface BuildUploadControl {
  /**
   * The origin the part URLs point to: a second loopback listener, so a client that sent its
   * token by origin would be caught (Apple's parts go to a blob-store host, never the API host).
   * Falls back to the API origin when unset.
   */
  partsOrigin?: string;
  /** Bytes per operation. Apple's live parts were 5 MiB (docs/evidence/releases.md §1.4). */
  partSize: number;
  /** Commit → the build is listed (Apple: minutes). */
  listedAfterMs: number;
  /** Commit → processing ends. */
  processingMs: number;
  /** Pre-signed URLs expire; Apple's say so in `expiration`. */
  operationLifetimeMs: number;
  plans: ProcessingPlan[];
  /** Received bytes per buildUploadFile id (hashed in order as parts arrive). */
  received: Map<string, ReceivedFile>;
  puts: PartPut[];
  /** Upload id → commit time and the plan it got (failed/stuck) or none (processed). */
  committed: Map<string, { at: number; plan?: ProcessingPlan; buildId?: string }>;
}

const controls = new WeakMap<EmulatorState, BuildUploadControl>();

export function buildUploadControl(state: EmulatorState): BuildUploadControl {
  let control = controls.get(state);
  if (!control) {
    control = {
      partSize: 5 * 1024 * 1024,
      listedAfterMs: 60_000,
      processingMs: 5 * 60_000,
      operationLifetimeMs: 7 * 24 * 60 * 60_000,
      plans: [],
      received: new Map(),
      puts: [],
      committed: new Map(),
    };
    controls.set(state, control);
  }
  return control;
}

/** The processing plan for this build number (consumed), if a test asked for one. */
export function takePlan(control: BuildUploadControl, buildNumber: string): ProcessingPlan | undefined {
  const i = control.plans.findIndex((p) => p.buildNumber === undefined || p.buildNumber === buildNumber);
  return i < 0 ? undefined : control.plans.splice(i, 1)[0];
}
