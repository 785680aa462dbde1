/**
 * Which version this run submits (pure): the one the `version` input names, or the one version
 * in preparation; created or renamed with `create-version`. Versions that cannot be submitted
 * (live, approved, in another submission) are one clear error here, before any write.
 */
import { AscError, EDITABLE_VERSION_STATES, InputError, RELEASED_VERSION_STATES, sameVersion } from '@asc-actions/core';
import type { Settings, SubmissionInfo, VersionInfo } from '../model.js';

export type Target =
  | { kind: 'existing'; version: VersionInfo }
  | { kind: 'create'; versionString: string }
  | { kind: 'rename'; version: VersionInfo; to: string }
  | { kind: 'already'; version: VersionInfo; submission: SubmissionInfo };

/** States a version can be submitted from (editable) or is already on its way through review. */
const IN_PREPARATION = new Set<string>([...EDITABLE_VERSION_STATES, 'READY_FOR_REVIEW', 'IN_REVIEW']);
const APPROVED = new Set(['PENDING_DEVELOPER_RELEASE', 'PENDING_APPLE_RELEASE', 'ACCEPTED']);
const SUBMITTED = new Set(['WAITING_FOR_REVIEW', 'IN_REVIEW']);

function refuseState(v: VersionInfo): void {
  if (RELEASED_VERSION_STATES.has(v.state)) {
    throw new InputError(
      `Input "version": ${v.versionString} is live on the App Store (${v.state}); a new version needs a new version string (create-version: true creates it).`,
      { input: 'version' },
    );
  }
  if (APPROVED.has(v.state)) {
    throw new InputError(
      `Input "version": ${v.versionString} was already approved (${v.state}); release it with release-version (step: release) instead of submitting it again.`,
      { input: 'version' },
    );
  }
}

function inPreparation(versions: VersionInfo[]): VersionInfo | undefined {
  const open = versions.filter((v) => IN_PREPARATION.has(v.state));
  return open.sort((a, b) => (b.createdDate ?? '').localeCompare(a.createdDate ?? ''))[0];
}

function chooseVersion(versions: VersionInfo[], settings: Settings): Exclude<Target, { kind: 'already' }> {
  if (settings.version === undefined) {
    const open = inPreparation(versions);
    if (!open)
      throw new InputError(
        'No version is in preparation on this platform: give "version" with create-version: true, or create it with upload-metadata (version, create-version).',
        { input: 'version' },
      );
    return { kind: 'existing', version: open };
  }
  const named = versions.find((v) => sameVersion(v.versionString, settings.version!));
  if (named) {
    refuseState(named);
    return { kind: 'existing', version: named };
  }
  if (!settings.createVersion) {
    const open = inPreparation(versions);
    const hint = open
      ? ` The version in preparation is ${open.versionString}; create-version: true renames it.`
      : ' Set create-version: true to create it.';
    throw new InputError(`Input "version": the app has no version ${settings.version} on this platform.${hint}`, {
      input: 'version',
    });
  }
  const editable = versions.find(
    (v) => (EDITABLE_VERSION_STATES as readonly string[]).includes(v.state) && v.state !== 'WAITING_FOR_REVIEW',
  );
  return editable
    ? { kind: 'rename', version: editable, to: settings.version }
    : { kind: 'create', versionString: settings.version };
}

/** The target, checked against the open review submissions. */
export function chooseTarget(versions: VersionInfo[], submissions: SubmissionInfo[], settings: Settings): Target {
  const target = chooseVersion(versions, settings);
  const versionId = target.kind === 'create' ? undefined : target.version.id;
  const versionString = target.kind === 'create' ? target.versionString : target.version.versionString;
  const mine = submissions.find(
    (s) => versionId !== undefined && s.versionId === versionId && s.state !== 'CANCELING' && s.state !== 'COMPLETING',
  );
  if (mine && SUBMITTED.has(mine.state) && target.kind === 'existing')
    return { kind: 'already', version: target.version, submission: mine };
  const busy = submissions.find((s) => SUBMITTED.has(s.state) && s.versionId !== versionId);
  if (busy) {
    const other = versions.find((v) => v.id === busy.versionId);
    throw new AscError(
      `Version ${other?.versionString ?? '(another item)'} is already ${busy.state} (review submission ${busy.id}); App Review takes one submission per platform at a time. ` +
        `Wait for its result, or cancel it in App Store Connect, before submitting ${versionString}.`,
    );
  }
  return target;
}
