/**
 * Carries out the plan in order: export compliance (then the wait Apple's reprocessing needs),
 * notification, What to Test, groups, testers, beta review. Every create is keyed or deduplicated
 * by App Store Connect, so a retried request cannot make a second tester, group or submission.
 * A failure says, in the log and the job summary, which steps were applied and which not.
 */
import {
  ConflictError,
  mapLimited,
  addBetaGroupsToBuild,
  createBetaAppLocalization,
  createBetaBuildLocalization,
  createBetaGroup,
  listBetaAppReviewSubmissions,
  listBetaBuildLocalizations,
  listBetaGroups,
  listBetaAppLocalizations,
  sendBuildBetaNotification,
  submitForBetaReview,
  updateBetaAppLocalization,
  updateBetaAppReviewDetail,
  updateBetaBuildLocalization,
  updateBuild,
  updateBuildBetaDetail,
} from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { Plan, Step } from '../plan/plan.js';
import type { RemoteState } from '../read/state.js';
import type { BetaDetailInfo, BuildInfo } from '../model.js';
import { waitForComplianceAnswer, type LocateDeps } from '../read/locate.js';
import { groupId, keyedCreate, type ApplyState } from './context.js';
import { timelineEntry } from '../plan/plan-text.js';
import { addToGroup, inviteTesters, reconcile } from './testers.js';

export interface ApplyDeps extends LocateDeps {
  settings: Settings;
  appId: string;
}

export interface Applied {
  done: Step[];
  build: BuildInfo;
  detail?: BetaDetailInfo;
  apply: ApplyState;
}

/** Thrown when a step fails: the steps done and not done travel with the cause. */
export class ApplyInterrupted extends Error {
  constructor(
    override readonly cause: unknown,
    readonly failed: Step,
    readonly done: Step[],
    readonly notDone: Step[],
  ) {
    super('apply interrupted');
  }
}

async function createNotes(s: ApplyState, step: Extract<Step, { kind: 'create-notes' }>): Promise<void> {
  await keyedCreate(
    () => createBetaBuildLocalization(s.client, s.buildId, step.locale, step.text),
    async () => {
      const existing = (await listBetaBuildLocalizations(s.client, s.buildId)).find(
        (l) => l.attributes?.locale === step.locale,
      );
      if (existing && existing.attributes?.whatsNew !== step.text)
        await updateBetaBuildLocalization(s.client, existing.id, step.text, { safeToRetry: true });
      return existing;
    },
  );
}

async function createGroup(
  s: ApplyState,
  deps: ApplyDeps,
  step: Extract<Step, { kind: 'create-group' }>,
): Promise<void> {
  const appId = deps.appId;
  const group = await keyedCreate(
    () => createBetaGroup(s.client, appId, { name: step.group.name, isInternalGroup: false }),
    async () =>
      (await listBetaGroups(s.client, appId, { 'filter[name]': [step.group.name] })).find(
        (g) => g.attributes?.name === step.group.name,
      ),
  );
  s.groupIds.set(step.group.key, group.id);
}

async function submit(s: ApplyState): Promise<void> {
  try {
    await submitForBetaReview(s.client, s.buildId, { safeToRetry: true });
  } catch (error) {
    // A retried submission that had been applied, or one made meanwhile: the build has one.
    if (!(error instanceof ConflictError) || (await listBetaAppReviewSubmissions(s.client, [s.buildId])).length === 0)
      throw error;
  }
}

/** The app's beta localization: PATCH, or POST keyed by locale (a lost answer is looked up). */
async function writeBetaLocalization(
  s: ApplyState,
  deps: ApplyDeps,
  step: Extract<Step, { kind: 'beta-localization' }>,
): Promise<void> {
  const attributes = step.attributes;
  if (step.id) {
    await updateBetaAppLocalization(s.client, step.id, attributes, { safeToRetry: true });
    return;
  }
  await keyedCreate(
    () => createBetaAppLocalization(s.client, deps.appId, step.locale, attributes),
    async () => {
      const found = (await listBetaAppLocalizations(s.client, deps.appId)).find(
        (l) => l.attributes?.locale === step.locale,
      );
      if (found) await updateBetaAppLocalization(s.client, found.id, attributes, { safeToRetry: true });
      return found;
    },
  );
}

/**
 * `POST /v1/buildBetaNotifications`, once: only planned when this run gave the build to a group
 * and automatic notification is off. Never retried (a second would notify twice); a 409 saying
 * auto-notify is on means Apple notifies by itself (the asc CLI treats that answer the same way:
 * App-Store-Connect-CLI PR #2044).
 */
async function notify(s: ApplyState): Promise<void> {
  try {
    await sendBuildBetaNotification(s.client, s.buildId);
  } catch (error) {
    if (!(error instanceof ConflictError && /auto-notify/i.test(error.message))) throw error;
    s.logger.info('Apple notifies the testers itself (automatic notification is on).');
  }
}

interface Current {
  build: BuildInfo;
  detail?: BetaDetailInfo;
}

async function execute(step: Step, s: ApplyState, deps: ApplyDeps, current: Current): Promise<void> {
  const safe = { safeToRetry: true };
  switch (step.kind) {
    case 'export-compliance': {
      await updateBuild(s.client, s.buildId, { usesNonExemptEncryption: step.value }, safe);
      current.build = { ...current.build, usesNonExemptEncryption: step.value };
      current.detail = await waitForComplianceAnswer(deps.settings, current.build, deps);
      return;
    }
    case 'auto-notify':
      await updateBuildBetaDetail(s.client, current.detail?.id ?? s.buildId, { autoNotifyEnabled: step.value }, safe);
      return;
    case 'create-notes':
      return createNotes(s, step);
    case 'update-notes':
      await updateBetaBuildLocalization(s.client, step.id, step.text, safe);
      return;
    case 'create-group':
      return createGroup(s, deps, step);
    case 'add-build':
      return addBetaGroupsToBuild(
        s.client,
        s.buildId,
        step.groups.map((g) => groupId(s, g)),
        safe,
      );
    case 'beta-localization':
      return writeBetaLocalization(s, deps, step);
    case 'review-detail':
      await updateBetaAppReviewDetail(s.client, deps.appId, step.attributes, safe);
      return;
    case 'notify':
      return notify(s);
    case 'add-testers':
      return addToGroup(s, step.group, step.testers);
    case 'expire-build':
      await updateBuild(s.client, step.buildId, { expired: true }, safe);
      return;
    case 'submit':
      // An answer given by an earlier run (or outside) that Apple has not taken in yet: wait for it first.
      if (
        current.build.usesNonExemptEncryption !== undefined &&
        current.detail?.externalBuildState === 'MISSING_EXPORT_COMPLIANCE'
      ) {
        current.detail = await waitForComplianceAnswer(deps.settings, current.build, deps);
      }
      return submit(s);
    case 'create-tester':
      return inviteTesters(s, [step], () => undefined);
  }
}

/** Steps of these kinds touch different resources, so a run of them goes out several at a time. */
const PARALLEL = new Set<Step['kind']>(['create-tester', 'add-testers']);
const WIDTH = 4;

/** The plan's steps cut into runs: one sequential step, or consecutive parallel steps of one kind. */
function runsOf(steps: Step[]): Step[][] {
  const runs: Step[][] = [];
  for (const step of steps) {
    const last = runs.at(-1);
    if (last && PARALLEL.has(step.kind) && last[0]!.kind === step.kind) last.push(step);
    else runs.push([step]);
  }
  return runs;
}

export async function applyPlan(plan: Plan, state: RemoteState, deps: ApplyDeps): Promise<Applied> {
  const build = state.build!;
  const s: ApplyState = {
    client: deps.client,
    logger: deps.logger,
    buildId: build.id,
    groupIds: new Map(plan.groups.filter((g) => !g.created).map((g) => [g.key, g.key])),
    testers: new Map(state.testers),
    reconcile: [],
  };
  const current: Current = { build, detail: state.detail };
  const done: Step[] = [];
  for (const steps of runsOf(plan.steps)) {
    try {
      if (steps[0]!.kind === 'create-tester') {
        await inviteTesters(s, steps as Array<Extract<Step, { kind: 'create-tester' }>>, (x) => done.push(x));
        await reconcile(s, plan.groups);
      } else {
        await mapLimited(steps, WIDTH, async (step) => {
          await execute(step, s, deps, current);
          done.push(step);
        });
      }
      deps.timeline.add(...timelineEntry(steps));
    } catch (error) {
      const failed = steps.find((x) => !done.includes(x)) ?? steps[0]!;
      throw new ApplyInterrupted(
        error,
        failed,
        done,
        plan.steps.filter((x) => !done.includes(x)),
      );
    }
  }
  return { done, build: current.build, detail: current.detail, apply: s };
}
