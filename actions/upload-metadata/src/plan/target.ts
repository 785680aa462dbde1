/**
 * Which version and which app info a run edits (pure). Versions are matched as App Store
 * Connect matches them: `1.2` and `1.2.0` are the same version.
 */
import { EDITABLE_VERSION_STATES, InputError, sameVersion } from '@asc-actions/core';
import type { RemoteAppInfo, RemoteState, RemoteVersion, VersionSummary } from '../model/remote.js';

export const EDITABLE_APP_INFO_STATES: readonly string[] = [
  'PREPARE_FOR_SUBMISSION',
  'DEVELOPER_REJECTED',
  'REJECTED',
  'WAITING_FOR_REVIEW',
];
export const LIVE_STATES: readonly string[] = ['READY_FOR_DISTRIBUTION'];

export interface TargetSettings {
  platform: string;
  version?: string;
  createVersion: boolean;
  editLive: boolean;
}

export type VersionChoice =
  | { kind: 'existing'; version: RemoteVersion }
  | { kind: 'rename'; version: RemoteVersion; to: string }
  /** `prefill`: the version App Store Connect copies localizations from, once read. */
  | { kind: 'create'; versionString: string; basedOn?: VersionSummary; prefill?: RemoteVersion };

export interface Target {
  version: VersionChoice;
  appInfo?: RemoteAppInfo;
  /** Name, subtitle, privacy URLs and categories can change (now, or once the version exists). */
  appInfoEditable: boolean;
  /** The platform has no other version: App Store Connect takes no what's new. */
  firstVersion: boolean;
  live: boolean;
}

export const candidateStates = (editLive: boolean): readonly string[] =>
  editLive ? LIVE_STATES : EDITABLE_VERSION_STATES;

/** Apple's version equality is core's (`1.4` = `1.4.0`; a fourth integer is never cut off). */
export { sameVersion };

const newest = <T extends { createdDate?: string }>(list: readonly T[]): T | undefined =>
  [...list].sort((a, b) => String(a.createdDate ?? '').localeCompare(String(b.createdDate ?? ''))).at(-1);

function chooseLive(remote: RemoteState, settings: TargetSettings): VersionChoice {
  const live = newest(remote.candidates);
  if (!live)
    throw new InputError(
      `Input "edit-live": the app has no live ${settings.platform} version (READY_FOR_DISTRIBUTION) to edit.`,
      { input: 'edit-live' },
    );
  if (settings.version && !sameVersion(settings.version, live.versionString)) {
    throw new InputError(
      `Input "version": the live ${settings.platform} version is ${live.versionString}, not ${settings.version} (edit-live edits the live version).`,
      { input: 'version' },
    );
  }
  return { kind: 'existing', version: live };
}

function chooseEditable(remote: RemoteState, settings: TargetSettings): VersionChoice {
  const editable = newest(remote.candidates);
  const wanted = settings.version;
  const platform = settings.platform;
  if (!wanted) {
    if (editable) return { kind: 'existing', version: editable };
    throw new InputError(
      `Input "version": the app has no editable ${platform} version. Name the version to create in "version" and set "create-version: true".`,
      { input: 'version' },
    );
  }
  if (editable && sameVersion(editable.versionString, wanted)) return { kind: 'existing', version: editable };
  const other = remote.versions.find((v) => sameVersion(v.versionString, wanted));
  if (other) {
    throw new InputError(
      `Input "version": ${platform} version ${other.versionString} is ${other.state}, which App Store Connect does not let you edit.`,
      { input: 'version' },
    );
  }
  if (!settings.createVersion) {
    const now = editable ? ` The editable ${platform} version is ${editable.versionString}.` : '';
    throw new InputError(
      `Input "version": the app has no ${platform} version ${wanted}.${now} Set "create-version: true" to create it.`,
      { input: 'version' },
    );
  }
  if (editable) return { kind: 'rename', version: editable, to: wanted };
  return { kind: 'create', versionString: wanted, basedOn: newest(remote.versions) };
}

function chooseAppInfo(
  infos: readonly RemoteAppInfo[],
  creating: boolean,
): { appInfo?: RemoteAppInfo; editable: boolean } {
  const editable = infos.find((i) => EDITABLE_APP_INFO_STATES.includes(i.state));
  if (editable) return { appInfo: editable, editable: true };
  const current = infos.filter((i) => i.state !== 'REPLACED_WITH_NEW_INFO').at(-1) ?? infos.at(-1);
  return { appInfo: current, editable: creating && current !== undefined };
}

export function chooseTarget(remote: RemoteState, settings: TargetSettings): Target {
  const version = settings.editLive ? chooseLive(remote, settings) : chooseEditable(remote, settings);
  const { appInfo, editable } = chooseAppInfo(remote.appInfos, version.kind === 'create');
  const targetId = version.kind === 'create' ? undefined : version.version.id;
  const firstVersion = !remote.versions.some((v) => v.id !== targetId);
  return { version, appInfo, appInfoEditable: editable && !settings.editLive, firstVersion, live: settings.editLive };
}

/** The version's current state as the planner sees it (a created version starts from its prefill). */
export function currentVersion(choice: VersionChoice): RemoteVersion | undefined {
  if (choice.kind !== 'create') return choice.version;
  if (!choice.prefill) return undefined;
  // Ids are blanked: these resources do not exist yet, so no step may address them.
  const prefill = choice.prefill;
  return {
    ...prefill,
    id: '',
    versionString: choice.versionString,
    localizations: prefill.localizations.map((l) => ({
      ...l,
      id: '',
      attributes: { ...l.attributes, whatsNew: undefined },
    })),
    reviewDetail: prefill.reviewDetail ? { ...prefill.reviewDetail, id: '' } : undefined,
  };
}
