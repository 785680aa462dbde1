/** The build the inputs name: by id (upload-build's output) or by build number within the app. */
import {
  InputError,
  NotFoundError,
  getBuild,
  includedOfType,
  linkedIds,
  listBuilds,
  type AscClient,
  type Build,
  type Platform,
  type PrereleaseVersion,
} from '@asc-actions/core';
import type { BuildChoice, BuildInfo } from '../model.js';
import { buildInfo } from './versions.js';

function withTrain(build: Build, included: readonly unknown[]): BuildInfo {
  const train = includedOfType<PrereleaseVersion>(included, 'preReleaseVersions').get(
    linkedIds(build.relationships?.preReleaseVersion)[0] ?? '',
  );
  return buildInfo(build, { version: train?.attributes?.version, platform: train?.attributes?.platform });
}

/** Every build with the chosen id or number (several versions can share a build number). */
export async function readNamedBuilds(
  client: AscClient,
  appId: string,
  platform: Platform,
  choice: BuildChoice,
): Promise<BuildInfo[]> {
  if (choice.kind === 'attached') return [];
  if (choice.kind === 'id') {
    try {
      const doc = await getBuild(client, choice.id, { include: ['preReleaseVersion'] });
      return [withTrain(doc.data, doc.included ?? [])];
    } catch (error) {
      if (error instanceof NotFoundError)
        throw new InputError(
          `Input "build-id": no build ${choice.id} is visible to this key (a build is listed a few minutes after upload).`,
          { input: 'build-id' },
        );
      throw error;
    }
  }
  const doc = await listBuilds(
    client,
    {
      'filter[app]': [appId],
      'filter[version]': [choice.number],
      'filter[preReleaseVersion.platform]': [platform],
      include: ['preReleaseVersion'],
      limit: 50,
    },
    { maxItems: 50 },
  );
  return doc.data.map((b) => withTrain(b, doc.included));
}
