/**
 * Reads what the plan needs, and nothing more: the app's groups, what hangs off the build (the
 * groups that have it, its What to Test, its review submission — one request), the testers who
 * exist with their groups (looked up by e-mail, groups included), and — only when the build goes
 * to beta review — the test information Apple requires and other builds of the version waiting
 * for review.
 */
import {
  ServerError,
  mapLimited,
  findBetaTestersWithGroups,
  getBuildBetaDetail,
  listBetaGroups,
  listBetaTesterGroupIds,
  type AscClient,
} from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { AppInfo, BetaDetailInfo, BuildInfo, BuildLinks, TesterInfo } from '../model.js';
import { resolveGroups, wantsReview, type GroupInfo } from '../plan/groups.js';
import { readReview, type ReviewInfo } from './review.js';
import { readBuildLinks } from './build-links.js';
import { hasTestInformation } from '../inputs/test-information.js';

export type { AppInfo, TesterInfo } from '../model.js';

export interface RemoteState {
  app: AppInfo;
  /** Undefined in a dry run before the build is listed. */
  build?: BuildInfo;
  detail?: BetaDetailInfo;
  groups: GroupInfo[];
  /** Existing testers among the input's, by lower-case e-mail. */
  testers: Map<string, TesterInfo>;
  notes: BuildLinks['notes'];
  review?: ReviewInfo;
}

async function readGroups(client: AscClient, app: AppInfo, links: BuildLinks | undefined): Promise<GroupInfo[]> {
  const all = await listBetaGroups(client, app.id, {
    'fields[betaGroups]': ['name', 'isInternalGroup', 'hasAccessToAllBuilds'],
  });
  return all.map((g) => ({
    id: g.id,
    name: g.attributes?.name ?? g.id,
    internal: g.attributes?.isInternalGroup === true,
    allBuilds: g.attributes?.hasAccessToAllBuilds === true,
    hasBuild: links?.groupIds.has(g.id) ?? false,
  }));
}

async function readDetail(
  client: AscClient,
  build: BuildInfo | undefined,
  known: BetaDetailInfo | undefined,
): Promise<BetaDetailInfo | undefined> {
  if (known || !build || build.processingState !== 'VALID') return known;
  try {
    const d = await getBuildBetaDetail(client, build.id);
    return { id: d.id, ...d.attributes };
  } catch (error) {
    if (error instanceof ServerError) return undefined;
    throw error;
  }
}

/** Existing testers by lower-case e-mail, with their groups (read in full for the few in 50+ groups). */
export async function readTesters(client: AscClient, emails: string[]): Promise<Map<string, TesterInfo>> {
  if (emails.length === 0) return new Map();
  const found = await findBetaTestersWithGroups(client, emails);
  await mapLimited(
    found.filter((t) => !t.complete),
    4,
    async (t) => {
      t.groupIds = await listBetaTesterGroupIds(client, t.id);
    },
  );
  return new Map(
    found.map((t) => [t.email.toLowerCase(), { id: t.id, email: t.email, groupIds: new Set(t.groupIds) }]),
  );
}

export async function readState(
  client: AscClient,
  settings: Settings,
  app: AppInfo,
  build: BuildInfo | undefined,
  known?: BetaDetailInfo,
): Promise<RemoteState> {
  const links = build ? await readBuildLinks(client, app.id, build.id) : undefined;
  const groups = await readGroups(client, app, links);
  const resolution = resolveGroups(settings.groups, groups);
  const testers = await readTesters(
    client,
    settings.testers.map((t) => t.email),
  );
  const detail = await readDetail(client, build, known);
  const needsReview =
    wantsReview(settings.submitForBetaReview, resolution, settings.createMissingGroups) ||
    hasTestInformation(settings.testInformation);
  const review = needsReview ? await readReview(client, app, build, links) : undefined;
  return { app, build, detail, groups, testers, notes: links?.notes ?? [], review };
}
