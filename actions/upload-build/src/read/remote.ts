/**
 * What App Store Connect has: the app (bundle id matched exactly: `filter[bundleId]` is not exact,
 * docs/evidence/releases.md §1.9), and every build upload and build with this build number on this
 * platform (the version is compared by the planner: 1.2 and 1.2.0 are one train to Apple).
 */
import {
  InputError,
  findApp,
  includedOfType,
  listBuildUploads,
  listBuilds,
  type AscClient,
  type BuildUpload,
  type PrereleaseVersion,
} from '@asc-actions/core';
import type { AppRef, Existing, Platform, RemoteUpload } from '../model.js';

export async function requireApp(client: AscClient, ref: string, fromFile: boolean): Promise<AppRef> {
  const found = await findApp(client, ref);
  if (!found) {
    const what = /^\d+$/.test(ref) ? `Apple ID ${ref}` : `bundle ID ${JSON.stringify(ref)}`;
    const where = fromFile ? ' (CFBundleIdentifier of the file)' : '';
    throw new InputError(
      `Input "app": no app with ${what}${where} is visible to this key. Create the app in App Store Connect first, or check that the key's team owns it.`,
      { input: 'app' },
    );
  }
  const a = found.attributes ?? {};
  return { id: found.id, name: a.name ?? found.id, bundleId: a.bundleId ?? '' };
}

export function toRemoteUpload(u: BuildUpload): RemoteUpload {
  const a = u.attributes ?? {};
  return {
    id: u.id,
    version: a.cfBundleShortVersionString ?? '',
    buildNumber: a.cfBundleVersion ?? '',
    platform: a.platform ?? '',
    state: a.state?.state ?? 'UNKNOWN',
    errors: a.state?.errors ?? [],
    warnings: a.state?.warnings ?? [],
    createdDate: a.createdDate,
    buildId: u.relationships?.build?.data?.id,
  };
}

export async function readExisting(
  client: AscClient,
  appId: string,
  platform: Platform,
  buildNumber: string,
): Promise<Existing> {
  const [uploads, builds] = await Promise.all([
    listBuildUploads(client, appId, {
      'filter[cfBundleVersion]': [buildNumber],
      'filter[platform]': [platform],
      limit: 200,
    }),
    listBuilds(
      client,
      {
        'filter[app]': [appId],
        'filter[version]': [buildNumber],
        'filter[preReleaseVersion.platform]': [platform],
        include: ['preReleaseVersion'],
        limit: 200,
      },
      { maxItems: 200 },
    ),
  ]);
  const trains = includedOfType<PrereleaseVersion>(builds.included, 'preReleaseVersions');
  return {
    uploads: uploads.map(toRemoteUpload),
    builds: builds.data.map((b) => ({
      id: b.id,
      buildNumber: b.attributes?.version ?? '',
      version: trains.get(b.relationships?.preReleaseVersion?.data?.id ?? '')?.attributes?.version ?? '',
      processingState: b.attributes?.processingState,
    })),
  };
}
