/**
 * The plan (pure): current state + settings → the steps that take the version to App Review,
 * in Apple's order (edits before the item: docs/evidence/releases.md §2.8), and readiness. Steps already
 * true in App Store Connect are left out, so a rerun plans nothing.
 */
import { AscError, RELEASED_VERSION_STATES, sameVersion } from '@asc-actions/core';
import type { BuildInfo, Plan, RemoteState, Settings, Step, VersionInfo } from '../model.js';
import { readiness } from './readiness.js';
import type { Target } from './target.js';

/** The version is an update when the platform already had a release (What's New required, phased release allowed). */
export function isUpdate(versions: VersionInfo[]): boolean {
  return versions.some((v) => RELEASED_VERSION_STATES.has(v.state));
}

/** The build the run attaches: the named one of the version's train, or the one attached. */
export function chosenBuild(
  state: RemoteState,
  settings: Settings,
  versionString: string,
  version?: VersionInfo,
): BuildInfo | undefined {
  if (settings.build.kind === 'attached') return version?.build;
  const named = state.build ? [state.build] : state.otherBuilds;
  return (
    named.find((b) => b.version !== undefined && sameVersion(b.version, versionString)) ??
    (settings.build.kind === 'id' ? named[0] : undefined)
  );
}

function releaseSteps(settings: Settings, version: VersionInfo | undefined, update: boolean): Step[] {
  const steps: Step[] = [];
  const sameDate = (a?: string, b?: string) =>
    (a === undefined && b === undefined) || (a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b));
  const dateWanted = settings.releaseType === 'SCHEDULED' ? settings.releaseDate : undefined;
  const releaseTypeNow = version?.releaseType ?? 'AFTER_APPROVAL';
  if (
    releaseTypeNow !== settings.releaseType ||
    (settings.releaseType === 'SCHEDULED' && !sameDate(version?.earliestReleaseDate, dateWanted))
  ) {
    steps.push({
      kind: 'set-release-type',
      releaseType: settings.releaseType,
      ...(dateWanted ? { earliestReleaseDate: dateWanted } : {}),
    });
  }
  const phased = version?.phasedRelease;
  if (settings.phasedRelease && !phased) {
    if (!update)
      throw new AscError(
        'Input "phased-release" is true, but this is the app\'s first version on the platform: Apple offers phased release only for updates. Set phased-release: false.',
      );
    steps.push({ kind: 'create-phased-release' });
  }
  if (!settings.phasedRelease && phased?.state === 'INACTIVE')
    steps.push({ kind: 'delete-phased-release', phasedReleaseId: phased.id });
  return steps;
}

function submissionSteps(
  state: RemoteState,
  settings: Settings,
  versionId: string | undefined,
): { steps: Step[]; reuse?: string } {
  const steps: Step[] = [];
  const unresolved = state.submissions.find((s) => s.state === 'UNRESOLVED_ISSUES');
  if (unresolved) {
    if (!settings.cancelUnresolved) {
      throw new AscError(
        `Review submission ${unresolved.id} has unresolved issues (App Review rejected it). Answer App Review in App Store Connect and resubmit there, or set cancel-unresolved: true to cancel it and submit anew.`,
      );
    }
    steps.push({ kind: 'cancel-submission', submissionId: unresolved.id });
  }
  const draft = state.submissions.find((s) => s.state === 'READY_FOR_REVIEW');
  if (draft && draft.itemCount > 0 && draft.versionId !== versionId) {
    throw new AscError(
      `Review submission ${draft.id} (not yet submitted) holds other items; submit or remove them in App Store Connect first: this action does not touch items it did not add.`,
    );
  }
  if (!draft) steps.push({ kind: 'create-submission' });
  if (!draft || draft.versionId !== versionId || draft.itemCount === 0) steps.push({ kind: 'add-item' });
  steps.push({ kind: 'submit' });
  return { steps, reuse: draft?.id };
}

/** A version already in review keeps its build (a change after submission is not known to work: §2.8). */
function checkSameBuild(settings: Settings, version: VersionInfo, state: string): void {
  const attached = version.build;
  const choice = settings.build;
  const differs =
    (choice.kind === 'id' && attached?.id !== choice.id) ||
    (choice.kind === 'number' && attached?.number !== choice.number);
  if (!differs) return;
  const named =
    choice.kind === 'id' ? `build-id ${choice.id}` : `build-number ${choice.kind === 'number' ? choice.number : ''}`;
  throw new AscError(
    `Version ${version.versionString} is already ${state} with build ${attached?.number ?? '(none)'}, not ${named}. A submitted version keeps its build: ` +
      'cancel the submission in App Store Connect to change it, or submit the new build as a new version.',
  );
}

export function plan(state: RemoteState, target: Target, settings: Settings): Plan {
  const version = target.kind === 'create' ? undefined : target.version;
  const versionString =
    target.kind === 'create'
      ? target.versionString
      : target.kind === 'rename'
        ? target.to
        : target.version.versionString;
  const update = isUpdate(state.versions);
  const build = chosenBuild(state, settings, versionString, version);
  const items = readiness({
    app: state.app,
    settings,
    versionString,
    version,
    build,
    otherBuilds: state.otherBuilds,
    isUpdate: update,
    screenshots: state.screenshots,
    ageRatingDeclared: state.ageRatingDeclared,
    pricing: state.pricing,
  });
  const summary = { id: version?.id, versionString, state: version?.state ?? 'NEW' };
  if (target.kind === 'already') {
    checkSameBuild(settings, target.version, target.submission.state);
    return {
      outcome: 'already',
      version: summary,
      buildId: version?.build?.id,
      submissionId: target.submission.id,
      steps: [],
      readiness: items,
    };
  }
  const steps: Step[] = [];
  if (target.kind === 'create') steps.push({ kind: 'create-version', versionString });
  if (target.kind === 'rename')
    steps.push({
      kind: 'rename-version',
      versionId: target.version.id,
      from: target.version.versionString,
      to: target.to,
    });
  if (build && build.usesNonExemptEncryption === undefined && settings.usesNonExemptEncryption !== undefined) {
    steps.push({ kind: 'set-export-compliance', buildId: build.id, value: settings.usesNonExemptEncryption });
  }
  if (build && version?.build?.id !== build.id)
    steps.push({ kind: 'attach-build', buildId: build.id, buildNumber: build.number });
  steps.push(...releaseSteps(settings, version, update));
  const submission = submissionSteps(state, settings, version?.id);
  steps.push(...submission.steps);
  return {
    outcome: 'submit',
    version: summary,
    buildId: build?.id,
    submissionId: submission.reuse,
    steps,
    readiness: items,
  };
}
