/**
 * Time in TestFlight: each build carries a timeline (uploaded → listed → processed) that the
 * emulator's clock walks through, so a test can fast-forward through a 45-minute processing
 * wait. The timeline lives beside the store (not in `attributes`, which are what Apple sends).
 *
 * Fidelity (what the real service does that the spec does not say):
 * - a build is **not listed** for minutes after upload: `GET /v1/builds` does not return it and
 *   `GET /v1/builds/{id}` answers 404 until `listedAt`;
 * - `processingState` is PROCESSING until `processedAt`, then VALID, FAILED or INVALID;
 * - `buildBetaDetail` reads **answer 500** while the build processes (and for `betaDetailLagMs`
 *   after, the TestFlight side lagging behind): "not ready", not a failure;
 * - answering export compliance (`usesNonExemptEncryption`) leaves `processingState` VALID;
 *   the build's beta states stay MISSING_EXPORT_COMPLIANCE for `complianceReprocessMs` more,
 *   then move on (READY_FOR_BETA_SUBMISSION externally). fastlane waits on that signal, not on
 *   processingState (`pilot/lib/pilot/build_manager.rb` `set_export_compliance_if_needed` →
 *   BuildWatcher, fastlane commit d5347690); the length of the delay is an assumption.
 */
import type { EmulatorState } from '../../store/state.js';

export type ProcessingOutcome = 'VALID' | 'FAILED' | 'INVALID';

export interface BuildTimeline {
  uploadedAt: number;
  /** Before this the build is not listed anywhere. */
  listedAt: number;
  /** PROCESSING before this, `outcome` from then on. */
  processedAt: number;
  outcome: ProcessingOutcome;
  /** buildBetaDetail answers 500 before this (≥ processedAt). */
  betaDetailReadyAt: number;
  /** How long the beta states stay MISSING_EXPORT_COMPLIANCE after export compliance is answered. */
  complianceReprocessMs: number;
  /** Set when export compliance is answered through the API: before this, still missing. */
  complianceReadyAt?: number;
  /** Why processing failed, as buildUploads' `state.errors` carry it. */
  errors: Array<{ code: string; description: string }>;
}

export const DEFAULT_COMPLIANCE_REPROCESS_MS = 2 * 60_000;

const timelines = new WeakMap<EmulatorState, Map<string, BuildTimeline>>();

function table(state: EmulatorState): Map<string, BuildTimeline> {
  let t = timelines.get(state);
  if (!t) {
    t = new Map();
    timelines.set(state, t);
  }
  return t;
}

export function setTimeline(state: EmulatorState, buildId: string, timeline: BuildTimeline): void {
  table(state).set(buildId, timeline);
}

export function timelineOf(state: EmulatorState, buildId: string): BuildTimeline | undefined {
  return table(state).get(buildId);
}

/** Listed: visible to every read. Builds without a timeline (raw seed resources) always are. */
export function isListed(state: EmulatorState, buildId: string, now: number): boolean {
  const t = timelineOf(state, buildId);
  return !t || now >= t.listedAt;
}

export function processingStateAt(t: BuildTimeline, now: number): 'PROCESSING' | ProcessingOutcome {
  return now < t.processedAt ? 'PROCESSING' : t.outcome;
}

export function betaDetailReady(state: EmulatorState, buildId: string, now: number): boolean {
  const t = timelineOf(state, buildId);
  return !t || now >= t.betaDetailReadyAt;
}

/** Export compliance answered: the beta states follow after complianceReprocessMs. */
export function restartProcessing(state: EmulatorState, buildId: string, now: number): void {
  const t = timelineOf(state, buildId);
  if (!t) return;
  t.complianceReadyAt = Math.max(now, t.processedAt) + t.complianceReprocessMs;
}

/** Export compliance answered through the API but not yet taken in. */
export function compliancePending(state: EmulatorState, buildId: string, now: number): boolean {
  const t = timelineOf(state, buildId);
  return t?.complianceReadyAt !== undefined && now < t.complianceReadyAt;
}
