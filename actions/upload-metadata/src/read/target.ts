/** Reads App Store Connect, chooses the version, and plans: everything before the first write. */
import type { AscClient, Platform } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import { checkCategories } from '../plan/category-check.js';
import { isStep, type Plan } from '../model/plan.js';
import { makePlan } from '../plan/plan.js';
import { readCategoryCatalog } from './categories.js';
import type { RemoteApp, RemoteState } from '../model/remote.js';
import { readRemote, readVersions } from './app-store.js';
import { candidateStates, chooseTarget, type Target } from '../plan/target.js';
import type { MetadataSource } from '../model/source.js';

export interface Prepared {
  remote: RemoteState;
  target: Target;
  plan: Plan;
}

type TargetSettings = Pick<Settings, 'platform' | 'version' | 'createVersion' | 'editLive'>;

export async function readTarget(
  client: AscClient,
  app: RemoteApp,
  settings: TargetSettings,
): Promise<{ remote: RemoteState; target: Target }> {
  const remote = await readRemote(client, app, settings.platform, candidateStates(settings.editLive));
  const target = chooseTarget(remote, settings);
  const choice = target.version;
  if (choice.kind === 'create' && choice.basedOn) {
    // App Store Connect fills a new version from the newest one: plan against that.
    [choice.prefill] = await readVersions(client, app.id, settings.platform, { 'filter[id]': [choice.basedOn.id] });
  }
  return { remote, target };
}

export async function planFor(
  client: AscClient,
  source: MetadataSource,
  remote: RemoteState,
  target: Target,
  platform: Platform,
): Promise<Plan> {
  const plan = makePlan({ source, remote, target, platform });
  const categories = plan.steps.find(isStep('update-categories'));
  if (categories)
    plan.findings.push(...checkCategories(categories, target.appInfo, await readCategoryCatalog(client, platform)));
  return plan;
}

export async function prepare(
  client: AscClient,
  app: RemoteApp,
  source: MetadataSource,
  settings: TargetSettings,
): Promise<Prepared> {
  const { remote, target } = await readTarget(client, app, settings);
  return { remote, target, plan: await planFor(client, source, remote, target, settings.platform) };
}
