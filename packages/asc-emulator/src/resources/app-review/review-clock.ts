/**
 * App Review on the emulator's clock: a submitted version waits, is reviewed, and is approved
 * (or rejected) as time passes, so a test can fast-forward through days of review. Tests can
 * also push a version to its next step at once (`reviewControl(state).advance(versionId)`).
 *
 * What each step does to the resources (Apple's states; spec enums `ReviewSubmissionState`,
 * `AppVersionState`, `PhasedReleaseState`):
 * - submitted → submission and version WAITING_FOR_REVIEW, items stay READY_FOR_REVIEW;
 * - review starts → submission and version IN_REVIEW;
 * - approved → submission COMPLETE, items APPROVED; the version goes to
 *   PENDING_DEVELOPER_RELEASE (`releaseType` MANUAL), PENDING_APPLE_RELEASE (SCHEDULED with a
 *   future `earliestReleaseDate`) or READY_FOR_DISTRIBUTION (otherwise; the previous live
 *   version becomes REPLACED_WITH_NEW_VERSION and an INACTIVE phased release becomes ACTIVE);
 * - rejected → submission UNRESOLVED_ISSUES, items REJECTED, version REJECTED.
 * Which state an item takes on submit is not documented (docs/evidence/releases.md §2.6: read the
 * submission's state); the emulator leaves it READY_FOR_REVIEW until the decision.
 */
import type { EmulatorState } from '../../store/state.js';
import type { ResourceRecord } from '../../types.js';
import { appStoreStateFor } from '../app-store/version-strings.js';
import { childrenOf } from '../app-store/links.js';
import { refreshPhasedRelease, startPhasedRelease } from './phased-state.js';

export type ReviewOutcome = 'approve' | 'reject';

interface ReviewTimeline {
  inReviewAt: number;
  decidedAt: number;
  outcome: ReviewOutcome;
}

export interface ReviewControl {
  /** WAITING_FOR_REVIEW → IN_REVIEW after this long (default 6 h). */
  waitingMs: number;
  /** IN_REVIEW → decision after this long (default 2 h). */
  reviewMs: number;
  /** Outcome of the next decisions, consumed in order; default approve. */
  outcomes: ReviewOutcome[];
  /**
   * Moves the submission holding this version to its next step now (tests; over HTTP:
   * control-route.ts): WAITING_FOR_REVIEW → IN_REVIEW, then the decision (`outcome` overrides it).
   */
  advance(versionId: string, outcome?: ReviewOutcome): void;
}

const timelines = new WeakMap<EmulatorState, Map<string, ReviewTimeline>>();
const controls = new WeakMap<EmulatorState, ReviewControl>();

function table(state: EmulatorState): Map<string, ReviewTimeline> {
  let t = timelines.get(state);
  if (!t) timelines.set(state, (t = new Map<string, ReviewTimeline>()));
  return t;
}

export function reviewControl(state: EmulatorState): ReviewControl {
  let control = controls.get(state);
  if (!control) {
    control = {
      waitingMs: 6 * 3_600_000,
      reviewMs: 2 * 3_600_000,
      outcomes: [],
      advance(versionId: string, outcome?: ReviewOutcome) {
        const submission = state
          .all('reviewSubmissions')
          .find((s) => versionsOf(state, s).some((v) => v.id === versionId) && table(state).has(s.id));
        const t = submission && table(state).get(submission.id);
        if (!t) throw new Error(`reviewControl.advance: version ${versionId} is not in a submitted review submission`);
        if (outcome) t.outcome = outcome;
        // Judged by the timeline, not the state: two calls before a request do two steps.
        if (t.inReviewAt !== -Infinity) t.inReviewAt = -Infinity;
        else t.decidedAt = -Infinity;
      },
    };
    controls.set(state, control);
  }
  return control;
}

export function setVersionState(version: ResourceRecord, appVersionState: string): void {
  version.attributes.appVersionState = appVersionState;
  version.attributes.appStoreState = appStoreStateFor(appVersionState);
}

/** The items of a submission (the link is kept on the item; Apple's item resource does not show it). */
export function itemsOf(state: EmulatorState, submission: ResourceRecord): ResourceRecord[] {
  return childrenOf(state, 'reviewSubmissionItems', 'reviewSubmission', submission.id).filter(
    (i) => i.attributes.state !== 'REMOVED',
  );
}

export function versionsOf(state: EmulatorState, submission: ResourceRecord): ResourceRecord[] {
  return itemsOf(state, submission).flatMap((i) => {
    const id = state.relatedId(i, 'appStoreVersion');
    const v = id ? state.get('appStoreVersions', id) : undefined;
    return v ? [v] : [];
  });
}

/** Starts the clock on a submission that was just submitted. */
export function startReview(state: EmulatorState, submission: ResourceRecord, now: number): void {
  const control = reviewControl(state);
  const inReviewAt = now + control.waitingMs;
  table(state).set(submission.id, {
    inReviewAt,
    decidedAt: inReviewAt + control.reviewMs,
    outcome: control.outcomes.shift() ?? 'approve',
  });
}

export function stopReview(state: EmulatorState, submission: ResourceRecord): void {
  table(state).delete(submission.id);
}

function release(state: EmulatorState, version: ResourceRecord, now: number): void {
  const appId = state.relatedId(version, 'app');
  for (const other of childrenOf(state, 'appStoreVersions', 'app', appId ?? '')) {
    if (
      other.id !== version.id &&
      other.attributes.platform === version.attributes.platform &&
      other.attributes.appVersionState === 'READY_FOR_DISTRIBUTION'
    ) {
      setVersionState(other, 'REPLACED_WITH_NEW_VERSION');
    }
  }
  setVersionState(version, 'READY_FOR_DISTRIBUTION');
  startPhasedRelease(state, version, now);
}

/** Releases a version now (release request, or an approved AFTER_APPROVAL version). */
export function releaseVersion(state: EmulatorState, version: ResourceRecord, now: number): void {
  release(state, version, now);
}

function approved(state: EmulatorState, version: ResourceRecord, now: number): void {
  const type = version.attributes.releaseType;
  const date = Date.parse(String(version.attributes.earliestReleaseDate ?? ''));
  if (type === 'MANUAL') setVersionState(version, 'PENDING_DEVELOPER_RELEASE');
  else if (type === 'SCHEDULED' && date > now) setVersionState(version, 'PENDING_APPLE_RELEASE');
  else release(state, version, now);
}

function step(state: EmulatorState, submission: ResourceRecord, t: ReviewTimeline, now: number): void {
  const versions = versionsOf(state, submission);
  if (submission.attributes.state === 'WAITING_FOR_REVIEW' && now >= t.inReviewAt) {
    submission.attributes.state = 'IN_REVIEW';
    for (const v of versions) setVersionState(v, 'IN_REVIEW');
  }
  if (submission.attributes.state === 'IN_REVIEW' && now >= t.decidedAt) {
    const ok = t.outcome === 'approve';
    submission.attributes.state = ok ? 'COMPLETE' : 'UNRESOLVED_ISSUES';
    for (const item of itemsOf(state, submission)) item.attributes.state = ok ? 'APPROVED' : 'REJECTED';
    for (const v of versions) {
      if (ok) approved(state, v, now);
      else setVersionState(v, 'REJECTED');
    }
    stopReview(state, submission);
  }
}

/** Brings App Review (submissions, versions, phased releases) up to the clock. */
export function refreshReviews(state: EmulatorState, now: number): void {
  for (const submission of state.all('reviewSubmissions')) {
    if (submission.attributes.state === 'CANCELING') {
      submission.attributes.state = 'COMPLETE';
      continue;
    }
    const t = table(state).get(submission.id);
    if (t) step(state, submission, t, now);
  }
  for (const version of state.all('appStoreVersions')) {
    const date = Date.parse(String(version.attributes.earliestReleaseDate ?? ''));
    if (version.attributes.appVersionState === 'PENDING_APPLE_RELEASE' && date <= now) release(state, version, now);
  }
  for (const phased of state.all('appStoreVersionPhasedReleases')) refreshPhasedRelease(phased, now);
}
