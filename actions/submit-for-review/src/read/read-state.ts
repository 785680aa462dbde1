/**
 * Reads in two rounds: the app, its versions (with build, phased release, review contact and
 * localizations included) and its open review submissions; then, only when the version is not
 * already submitted, the named build, screenshots, the age rating, the price and availability.
 */
import { hasAppPrice, readAppAvailability, type AscClient } from '@asc-actions/core';
import type { AppInfo, RemoteState, Settings, SubmissionInfo, VersionInfo } from '../model.js';
import { readApp } from './app.js';
import { readNamedBuilds } from './build.js';
import { readAgeRatingDeclared, readScreenshotTypes } from './readiness-data.js';
import { readSubmissions } from './submissions.js';
import { readVersions } from './versions.js';

export interface Basics {
  app: AppInfo;
  versions: VersionInfo[];
  submissions: SubmissionInfo[];
}

export async function readBasics(client: AscClient, settings: Settings): Promise<Basics> {
  const app = await readApp(client, settings.app);
  const [versions, submissions] = await Promise.all([
    readVersions(client, app.id, settings.platform),
    readSubmissions(client, app.id, settings.platform),
  ]);
  return { app, versions, submissions };
}

/** `version`: the version that will be submitted, when it exists already. */
export async function readDetails(
  client: AscClient,
  basics: Basics,
  settings: Settings,
  version: VersionInfo | undefined,
): Promise<RemoteState> {
  const [builds, screenshots, ageRatingDeclared, hasPrice, availability] = await Promise.all([
    readNamedBuilds(client, basics.app.id, settings.platform, settings.build),
    version ? readScreenshotTypes(client, basics.app, version) : Promise.resolve(undefined),
    readAgeRatingDeclared(client, basics.app.id),
    hasAppPrice(client, basics.app.id),
    readAppAvailability(client, basics.app.id),
  ]);
  return {
    ...basics,
    build: settings.build.kind === 'id' ? builds[0] : undefined,
    otherBuilds: builds,
    screenshots,
    ageRatingDeclared,
    pricing: { hasPrice, availability },
  };
}

/** The state when nothing beyond the basics is needed (the version is already in review). */
export function basicsOnly(basics: Basics): RemoteState {
  return { ...basics, otherBuilds: [] };
}
