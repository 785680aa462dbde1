/**
 * Derived TestFlight states, recomputed from the clock before every TestFlight read or write:
 * a build's `processingState`, its buildBetaDetail's internal/external states, and its upload's
 * state. (Enums: Build.processingState, InternalBetaState, ExternalBetaState in the spec.)
 */
import type { ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import { compliancePending, processingStateAt, timelineOf } from './timeline.js';
import { markFileComplete, refreshBuildUploads } from './build-upload/settle.js';

type Common = 'PROCESSING' | 'PROCESSING_EXCEPTION' | 'MISSING_EXPORT_COMPLIANCE' | 'EXPIRED';

function commonState(build: ResourceRecord, pending = false): Common | undefined {
  const a = build.attributes;
  if (a.expired === true) return 'EXPIRED';
  if (a.processingState === 'PROCESSING') return 'PROCESSING';
  if (a.processingState === 'FAILED' || a.processingState === 'INVALID') return 'PROCESSING_EXCEPTION';
  if (a.usesNonExemptEncryption === undefined || a.usesNonExemptEncryption === null || pending)
    return 'MISSING_EXPORT_COMPLIANCE';
  return undefined;
}

function groupsOf(state: EmulatorState, build: ResourceRecord): ResourceRecord[] {
  return state.relatedIds(build, 'betaGroups').flatMap((id) => state.get('betaGroups', id) ?? []);
}

function inInternalTesting(state: EmulatorState, build: ResourceRecord): boolean {
  const appId = state.relatedId(build, 'app');
  if (groupsOf(state, build).some((g) => g.attributes.isInternalGroup === true)) return true;
  return state
    .betaGroups()
    .some(
      (g) =>
        state.relatedId(g, 'app') === appId &&
        g.attributes.isInternalGroup === true &&
        g.attributes.hasAccessToAllBuilds === true,
    );
}

/** The build's beta review submission, if it has one. */
export function submissionOf(state: EmulatorState, build: ResourceRecord): ResourceRecord | undefined {
  const id = state.relatedId(build, 'betaAppReviewSubmission');
  return id ? state.get('betaAppReviewSubmissions', id) : undefined;
}

const EXTERNAL_BY_REVIEW: Record<string, string> = {
  WAITING_FOR_REVIEW: 'WAITING_FOR_BETA_REVIEW',
  IN_REVIEW: 'IN_BETA_REVIEW',
  REJECTED: 'BETA_REJECTED',
  APPROVED: 'BETA_APPROVED',
};

function externalState(state: EmulatorState, build: ResourceRecord, pending: boolean): string {
  const common = commonState(build, pending);
  if (common) return common;
  const review = submissionOf(state, build)?.attributes.betaReviewState as string | undefined;
  if (!review) return 'READY_FOR_BETA_SUBMISSION';
  const inExternalGroup = groupsOf(state, build).some((g) => g.attributes.isInternalGroup !== true);
  if (review === 'APPROVED' && inExternalGroup) return 'IN_BETA_TESTING';
  return EXTERNAL_BY_REVIEW[review] ?? 'READY_FOR_BETA_SUBMISSION';
}

function internalState(state: EmulatorState, build: ResourceRecord, pending: boolean): string {
  return (
    commonState(build, pending) ?? (inInternalTesting(state, build) ? 'IN_BETA_TESTING' : 'READY_FOR_BETA_TESTING')
  );
}

export function refreshBuild(state: EmulatorState, build: ResourceRecord, now: number): void {
  const t = timelineOf(state, build.id);
  if (t) build.attributes.processingState = processingStateAt(t, now);
  const detail = state.get('buildBetaDetails', build.id);
  if (detail) {
    const pending = compliancePending(state, build.id, now);
    detail.attributes.internalBuildState = internalState(state, build, pending);
    detail.attributes.externalBuildState = externalState(state, build, pending);
  }
  const uploadId = state.relatedId(build, 'buildUpload');
  const upload = uploadId ? state.get('buildUploads', uploadId) : undefined;
  if (upload && t) {
    const p = build.attributes.processingState;
    const uploadState = p === 'PROCESSING' ? 'PROCESSING' : p === 'VALID' ? 'COMPLETE' : 'FAILED';
    const warnings = (upload.attributes.state as { warnings?: unknown[] } | undefined)?.warnings ?? [];
    upload.attributes.state = {
      state: uploadState,
      errors: uploadState === 'FAILED' ? t.errors : [],
      warnings,
      infos: [],
    };
    if (uploadState === 'COMPLETE') upload.relationships.build = { type: 'builds', id: build.id };
    if (uploadState !== 'PROCESSING') markFileComplete(state, upload);
  }
}

/** Brings every build (and what hangs off it) up to the clock. */
export function refreshTestFlight(state: EmulatorState, now: number): void {
  for (const build of state.all('builds')) refreshBuild(state, build, now);
  refreshBuildUploads(state, now);
}
