/**
 * The writes: create the version first when the plan needs one (then read again and plan
 * against what App Store Connect made of it), apply every step, and read back what was written.
 */
import type { AscClient, Logger, Platform } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import { applySteps, createVersion, type StepResult } from './steps.js';
import { errorsOf } from '../model/findings.js';
import { isStep, type Change, type Plan, type Step } from '../model/plan.js';
import { makePlan } from '../plan/plan.js';
import { readAppInfos, readVersions } from '../read/app-store.js';
import { currentVersion } from '../plan/target.js';
import type { MetadataSource } from '../model/source.js';
import type { RemoteVersion } from '../model/remote.js';
import { planFor, readTarget, type Prepared } from '../read/target.js';

export interface Outcome {
  /** The plan that was applied (after creating the version, re-planned against it). */
  plan: Plan;
  results: StepResult[];
  /** Applied changes that read back different from what was written. */
  notPersisted: Change[];
  /** The version written to (screenshots and previews go to its localizations). */
  versionId?: string;
  /** Locale → the version's localization id, as read and created by this run. */
  localizationIds: Record<string, string>;
}

type ExecuteSettings = Pick<Settings, 'platform' | 'version' | 'createVersion' | 'editLive'>;

async function createThenReplan(
  client: AscClient,
  logger: Logger,
  prepared: Prepared,
  source: MetadataSource,
  settings: ExecuteSettings,
): Promise<{ prepared: Prepared; result: StepResult; blocked?: string }> {
  const step = prepared.plan.steps.find(isStep('create-version'))!;
  const ctx = { client, logger, appId: prepared.remote.app.id };
  try {
    const created = await createVersion(step, ctx);
    logger.info(`✓ created ${settings.platform} version ${step.attributes.versionString}`);
    const again = await readTarget(client, prepared.remote.app, {
      ...settings,
      version: step.attributes.versionString,
      createVersion: false,
    });
    const plan = await planFor(client, source, again.remote, again.target, settings.platform);
    const result: StepResult = {
      stepId: step.id,
      status: 'applied',
      resourceId: created.id,
      ...(created.adopted ? { adopted: true } : {}),
    };
    const errors = errorsOf(plan.findings);
    // The plan made against the new version must pass the same checks before anything else is written.
    if (errors.length > 0)
      return { prepared: { ...again, plan }, result, blocked: errors.map((e) => e.message).join(' ') };
    return { prepared: { ...again, plan }, result };
  } catch (error) {
    return {
      prepared,
      result: { stepId: step.id, status: 'failed', error: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Reads back the resources that were written and returns the applied changes that did not stick. */
async function readBack(
  client: AscClient,
  prepared: Prepared,
  source: MetadataSource,
  applied: Step[],
  platform: Platform,
): Promise<Change[]> {
  if (applied.length === 0) return [];
  const { remote, target } = prepared;
  const version = currentVersion(target.version);
  const appWide = (s: Step) =>
    s.kind.includes('app-info') || s.kind === 'update-categories' || s.kind === 'update-age-rating';
  const needsInfo = applied.some(appWide);
  const needsVersion = applied.some((s) => !appWide(s));
  const [appInfos, versions] = await Promise.all([
    needsInfo ? readAppInfos(client, remote.app.id) : Promise.resolve(remote.appInfos),
    needsVersion && version
      ? readVersions(client, remote.app.id, platform, { 'filter[id]': [version.id] })
      : Promise.resolve(version ? [version] : []),
  ]);
  const appInfo = appInfos.find((i) => i.id === target.appInfo?.id) ?? target.appInfo;
  const reread = {
    ...target,
    appInfo,
    version: versions[0] ? { kind: 'existing' as const, version: versions[0] } : target.version,
  };
  const again = makePlan({ source, remote: { ...remote, appInfos }, target: reread, platform });
  const appliedIds = new Set(applied.map((s) => s.id.replace(/^create-/, 'update-')));
  return again.steps.filter((s) => appliedIds.has(s.id.replace(/^create-/, 'update-'))).flatMap((s) => s.changes);
}

export async function applyPlan(
  client: AscClient,
  logger: Logger,
  prepared: Prepared,
  source: MetadataSource,
  settings: ExecuteSettings,
): Promise<Outcome> {
  const results: StepResult[] = [];
  let current = prepared;
  if (current.plan.steps.some((s) => s.kind === 'create-version')) {
    const created = await createThenReplan(client, logger, current, source, settings);
    results.push(created.result);
    if (created.result.status === 'failed')
      return { plan: current.plan, results, notPersisted: [], localizationIds: {} };
    current = created.prepared;
    if (created.blocked) {
      const notApplied = current.plan.steps.map((s): StepResult => ({
        stepId: s.id,
        status: 'failed',
        error: `not attempted: ${created.blocked}`,
      }));
      const steps = [...prepared.plan.steps.filter((s) => s.kind === 'create-version'), ...current.plan.steps];
      return {
        plan: { ...current.plan, steps },
        results: [...results, ...notApplied],
        notPersisted: [],
        localizationIds: {},
      };
    }
  }
  const version = currentVersion(current.target.version);
  const ctx = {
    client,
    logger,
    appId: current.remote.app.id,
    appInfoId: current.target.appInfo?.id,
    versionId: version?.id,
  };
  results.push(...(await applySteps(current.plan.steps, ctx)));
  const applied = current.plan.steps.filter((s) => results.some((r) => r.stepId === s.id && r.status === 'applied'));
  const notPersisted = await readBack(client, current, source, applied, settings.platform);
  const createStep = prepared.plan.steps.filter((s) => s.kind === 'create-version');
  const localizationIds = localizationIdsOf(version, current.plan.steps, results);
  return {
    plan: { ...current.plan, steps: [...createStep, ...current.plan.steps] },
    results,
    notPersisted,
    versionId: version?.id || undefined,
    localizationIds,
  };
}

/** The version's localizations as read, plus the ones this run created (their ids from the create's answer). */
export function localizationIdsOf(
  version: RemoteVersion | undefined,
  steps: readonly Step[],
  results: readonly StepResult[],
): Record<string, string> {
  const ids: Record<string, string> = Object.fromEntries(
    (version?.localizations ?? []).filter((l) => l.id).map((l) => [l.locale, l.id]),
  );
  for (const step of steps.filter((s) => s.kind === 'create-version-localization')) {
    const done = results.find((r) => r.stepId === step.id && r.status === 'applied');
    if (done?.resourceId && step.locale) ids[step.locale] = done.resourceId;
  }
  return ids;
}
