/**
 * The plan (pure): which version, and the one request the step needs, or none when App Store
 * Connect is already there (a rerun sends nothing). A step that does not fit the version's state
 * is one clear error that names the state.
 */
import {
  InputError,
  ON_SALE_VERSION_STATES as LIVE,
  RETIRED_VERSION_STATES,
  compareVersions,
  sameVersion,
} from '@asc-actions/core';
import type { Plan, Settings, VersionState } from '../model.js';

/** Versions that will never be released again: not "the version" a step without `version` means. */
const RETIRED = new Set([...RETIRED_VERSION_STATES, 'NOT_APPLICABLE']);

/** Newest first: the higher version string, then the later creation date. */
function newest(versions: VersionState[], fits: (v: VersionState) => boolean): VersionState | undefined {
  return versions
    .filter(fits)
    .sort(
      (a, b) =>
        compareVersions(b.versionString, a.versionString) || (b.createdDate ?? '').localeCompare(a.createdDate ?? ''),
    )[0];
}

export function chooseVersion(versions: VersionState[], settings: Settings): VersionState {
  if (settings.version !== undefined) {
    const named = versions.find((v) => sameVersion(v.versionString, settings.version!));
    if (!named)
      throw new InputError(`Input "version": the app has no version ${settings.version} on this platform.`, {
        input: 'version',
      });
    return named;
  }
  // release: the newest version the app has. Approved → released; live → a rerun, nothing to do;
  // anything else (2.1 still in review while 2.0 is live) is the error naming 2.1's state, never
  // "2.0 is already released" with exit 0.
  const found =
    settings.step === 'release'
      ? (newest(versions, (v) => v.state === 'PENDING_DEVELOPER_RELEASE') ??
        newest(versions, (v) => !RETIRED.has(v.state)))
      : newest(versions, (v) => v.phasedRelease !== undefined && LIVE.has(v.state));
  if (!found) {
    const what = settings.step === 'release' ? 'pending developer release' : 'live with a phased release';
    throw new InputError(`No version on this platform is ${what}; give "version" to name one.`, { input: 'version' });
  }
  return found;
}

function planRelease(v: VersionState): Plan {
  if (v.state === 'PENDING_DEVELOPER_RELEASE')
    return {
      version: v,
      action: { kind: 'release-request' },
      result: 'released',
      note: `Version ${v.versionString} is approved and waiting for you: releasing it.`,
    };
  if (LIVE.has(v.state))
    return { version: v, result: 'unchanged', note: `Version ${v.versionString} is already released (${v.state}).` };
  throw new InputError(
    `Input "step" is release, but version ${v.versionString} is ${v.state}: only a version approved with release-type manual (PENDING_DEVELOPER_RELEASE) can be released.`,
    { input: 'step' },
  );
}

const MOVES = {
  pause: { from: ['ACTIVE'], to: 'PAUSED', result: 'paused' },
  resume: { from: ['PAUSED'], to: 'ACTIVE', result: 'resumed' },
  complete: { from: ['ACTIVE', 'PAUSED'], to: 'COMPLETE', result: 'completed' },
} as const;

function planPhased(v: VersionState, step: 'pause' | 'resume' | 'complete'): Plan {
  const p = v.phasedRelease;
  if (!p)
    throw new InputError(
      `Input "step" is ${step}, but version ${v.versionString} (${v.state}) has no phased release: it was released to everyone at once.`,
      { input: 'step' },
    );
  const move = MOVES[step];
  if (p.state === move.to)
    return { version: v, result: 'unchanged', note: `The phased release of ${v.versionString} is already ${p.state}.` };
  if (!(move.from as readonly string[]).includes(p.state)) {
    const why =
      p.state === 'INACTIVE'
        ? `it starts when the version is released (the version is ${v.state})`
        : `it is ${p.state}`;
    throw new InputError(
      `Input "step" is ${step}, but the phased release of ${v.versionString} is ${p.state}: ${why}.`,
      { input: 'step' },
    );
  }
  return {
    version: v,
    action: { kind: 'phased-state', phasedReleaseId: p.id, to: move.to },
    result: move.result,
    note: `Phased release of ${v.versionString}: ${p.state} → ${move.to} (day ${p.currentDayNumber ?? '?'} of 7).`,
  };
}

export function plan(versions: VersionState[], settings: Settings): Plan {
  const version = chooseVersion(versions, settings);
  return settings.step === 'release' ? planRelease(version) : planPhased(version, settings.step);
}
