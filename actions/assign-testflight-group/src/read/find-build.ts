/**
 * Finding the build: the app's unexpired builds for the platform, newest first, matched here by
 * Apple's version equality (`1.2` = `1.2.0`, `042` = `42`) — server-side filters match strings
 * exactly, so they cannot be trusted with aliases.
 */
import {
  AscError,
  NotFoundError,
  getBuild,
  includedOfType,
  linkedIds,
  listBuilds,
  sameVersion,
  type AscClient,
  type PrereleaseVersion,
} from '@asc-actions/core';
import { buildInfo, label, type BuildInfo } from '../model.js';

export interface BuildQuery {
  appId: string;
  platform: string;
  /** Given by the step that uploaded the build: read directly, no lookup. */
  buildId?: string;
  buildNumber?: string;
  version?: string;
}

export const BUILD_FIELDS = [
  'version',
  'uploadedDate',
  'processingState',
  'expired',
  'usesNonExemptEncryption',
  'preReleaseVersion',
] as const;

/** Unexpired builds of the app and platform, newest first (up to `maxItems`). */
export async function listCandidates(client: AscClient, q: BuildQuery, maxItems: number): Promise<BuildInfo[]> {
  const doc = await listBuilds(
    client,
    {
      'filter[app]': [q.appId],
      'filter[preReleaseVersion.platform]': [q.platform as 'IOS'],
      'filter[expired]': ['false'],
      sort: ['-uploadedDate'],
      include: ['preReleaseVersion'],
      'fields[builds]': [...BUILD_FIELDS],
      'fields[preReleaseVersions]': ['version', 'platform'],
    },
    { maxItems },
  );
  const versions = includedOfType<PrereleaseVersion>(doc.included, 'preReleaseVersions');
  return doc.data.map((b) => buildInfo(b, versions));
}

/** The builds `q` names among `candidates` (newest first); without a build number, the newest only. */
export function matchBuilds(candidates: BuildInfo[], q: BuildQuery): BuildInfo[] {
  const matches = candidates.filter(
    (b) =>
      (q.version === undefined || sameVersion(b.version, q.version)) &&
      (q.buildNumber === undefined || sameVersion(b.buildNumber, q.buildNumber)),
  );
  return q.buildNumber === undefined ? matches.slice(0, 1) : matches;
}

export function describeQuery(q: BuildQuery): string {
  if (q.buildId) return `build id ${q.buildId}`;
  const which = q.buildNumber !== undefined ? `build ${q.buildNumber}` : 'the newest build';
  return `${which}${q.version !== undefined ? ` of version ${q.version}` : ''} (${q.platform})`;
}

/** More than one build answers to the query: list them so the workflow can say which. */
export function ambiguity(q: BuildQuery, matches: BuildInfo[]): AscError {
  const list = matches.map((b) => `${label(b)} uploaded ${b.uploadedDate ?? '?'} (id ${b.id})`).join('; ');
  return new AscError(`${describeQuery(q)} matches ${matches.length} builds: ${list}. Set "version" to choose one.`);
}

/** One lookup: the build, undefined when not listed (yet), or an ambiguity error. */
export async function lookUpBuild(client: AscClient, q: BuildQuery, maxItems: number): Promise<BuildInfo | undefined> {
  const matches = matchBuilds(await listCandidates(client, q, maxItems), q);
  if (matches.length > 1) throw ambiguity(q, matches);
  return matches[0];
}

/** The build with `q.buildId`: undefined while not listed (404); an error if it is another app's. */
export async function lookUpBuildById(client: AscClient, q: BuildQuery): Promise<BuildInfo | undefined> {
  try {
    const doc = await getBuild(client, q.buildId!, {
      'fields[builds]': [...BUILD_FIELDS, 'app'],
      include: ['preReleaseVersion'],
      'fields[preReleaseVersions]': ['version', 'platform'],
    });
    const appId = linkedIds(doc.data.relationships?.app)[0];
    if (appId !== undefined && appId !== q.appId) {
      throw new AscError(
        `Input "build-id": build ${q.buildId} belongs to another app (id ${appId}), not to ${q.appId}.`,
      );
    }
    return buildInfo(doc.data, includedOfType<PrereleaseVersion>(doc.included ?? [], 'preReleaseVersions'));
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
