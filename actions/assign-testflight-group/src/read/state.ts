/**
 * Reads what the plan needs, and nothing more: the app's groups (and which have the build),
 * memberships of the groups that receive testers, the testers who exist, the build's What to
 * Test, and — only when the build goes to beta review — the test information Apple requires,
 * the build's submission and other builds of the version waiting for review.
 */
import {
  ServerError,
  findBetaTestersByEmail,
  getBuildBetaDetail,
  listBetaBuildLocalizations,
  listBetaGroupTesterIds,
  listBetaGroups,
  type AscClient,
} from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { BetaDetailInfo, BuildInfo } from '../model.js';
import { resolveGroups, wantsReview, type GroupInfo } from '../plan/groups.js';
import { readReview, type ReviewInfo } from './review.js';
import { inPool } from './pool.js';

export interface AppInfo {
  id: string;
  name: string;
  bundleId: string;
  primaryLocale: string;
}

export interface TesterInfo {
  id: string;
  email: string;
}

export interface RemoteState {
  app: AppInfo;
  /** Undefined in a dry run before the build is listed. */
  build?: BuildInfo;
  detail?: BetaDetailInfo;
  groups: GroupInfo[];
  /** Existing testers among the input's, by lower-case e-mail. */
  testers: Map<string, TesterInfo>;
  notes: Array<{ id: string; locale: string; whatsNew?: string }>;
  review?: ReviewInfo;
}

async function readGroups(client: AscClient, app: AppInfo, build: BuildInfo | undefined): Promise<GroupInfo[]> {
  const fields = { 'fields[betaGroups]': ['name', 'isInternalGroup', 'hasAccessToAllBuilds'] as ('name' | 'isInternalGroup' | 'hasAccessToAllBuilds')[] };
  const all = await listBetaGroups(client, app.id, fields);
  const withBuild = build ? new Set((await listBetaGroups(client, app.id, { ...fields, 'filter[builds]': [build.id] })).map((g) => g.id)) : new Set<string>();
  return all.map((g) => ({
    id: g.id,
    name: g.attributes?.name ?? g.id,
    internal: g.attributes?.isInternalGroup === true,
    allBuilds: g.attributes?.hasAccessToAllBuilds === true,
    hasBuild: withBuild.has(g.id),
  }));
}

async function readDetail(client: AscClient, build: BuildInfo | undefined, known: BetaDetailInfo | undefined): Promise<BetaDetailInfo | undefined> {
  if (known || !build || build.processingState !== 'VALID') return known;
  try {
    const d = await getBuildBetaDetail(client, build.id);
    return { id: d.id, ...d.attributes };
  } catch (error) {
    if (error instanceof ServerError) return undefined;
    throw error;
  }
}

export async function readState(client: AscClient, settings: Settings, app: AppInfo, build: BuildInfo | undefined, known?: BetaDetailInfo): Promise<RemoteState> {
  const groups = await readGroups(client, app, build);
  const resolution = resolveGroups(settings.groups, groups);
  if (settings.testers.length > 0) {
    await inPool(resolution.found.filter((x) => !x.internal), 4, async (g) => {
      g.testerIds = new Set(await listBetaGroupTesterIds(client, g.id));
    });
  }
  const found = settings.testers.length > 0 ? await findBetaTestersByEmail(client, settings.testers.map((t) => t.email)) : [];
  const testers = new Map(found.map((t) => [String(t.attributes?.email).toLowerCase(), { id: t.id, email: String(t.attributes?.email) }]));
  const notes = build ? (await listBetaBuildLocalizations(client, build.id)).map((l) => ({ id: l.id, locale: l.attributes?.locale ?? '', whatsNew: l.attributes?.whatsNew })) : [];
  const detail = await readDetail(client, build, known);
  const review = wantsReview(settings.submitForBetaReview, resolution, settings.createMissingGroups) ? await readReview(client, app, build) : undefined;
  return { app, build, detail, groups, testers, notes, review };
}
