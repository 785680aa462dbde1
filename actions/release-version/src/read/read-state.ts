/** The app and its versions on the platform, each with its phased release (one request after the app). */
import {
  InputError,
  findApp,
  includedOfType,
  linkedIds,
  listAppStoreVersions,
  type AppStoreVersionPhasedRelease,
  type AscClient,
} from '@asc-actions/core';
import type { Settings, VersionState } from '../model.js';

export interface ReleaseState {
  app: { id: string; name: string };
  versions: VersionState[];
}

export async function readState(client: AscClient, settings: Settings): Promise<ReleaseState> {
  const app = await findApp(client, settings.app);
  if (!app)
    throw new InputError(
      `Input "app": no app "${settings.app}" is visible to this API key (give its Apple ID or its exact bundle id).`,
      { input: 'app' },
    );
  const doc = await listAppStoreVersions(client, app.id, {
    'filter[platform]': [settings.platform],
    include: ['appStoreVersionPhasedRelease'],
    limit: 200,
  });
  const phased = includedOfType<AppStoreVersionPhasedRelease>(doc.included, 'appStoreVersionPhasedReleases');
  const versions = doc.data.map((v): VersionState => {
    const p = phased.get(linkedIds(v.relationships?.appStoreVersionPhasedRelease)[0] ?? '');
    const a = v.attributes ?? {};
    return {
      id: v.id,
      versionString: a.versionString ?? '',
      state: a.appVersionState ?? a.appStoreState ?? 'UNKNOWN',
      releaseType: a.releaseType ?? undefined,
      createdDate: a.createdDate ?? undefined,
      phasedRelease: p
        ? {
            id: p.id,
            state: p.attributes?.phasedReleaseState ?? 'UNKNOWN',
            currentDayNumber: p.attributes?.currentDayNumber,
            startDate: p.attributes?.startDate,
          }
        : undefined,
    };
  });
  return { app: { id: app.id, name: app.attributes?.name ?? app.id }, versions };
}
