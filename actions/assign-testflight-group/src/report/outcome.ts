/** What the run did (or, in a dry run, would do): the outputs and the summary's facts. Pure. */
import type { BetaDetailInfo, BuildInfo } from '../model.js';
import type { Plan, Step } from '../plan/plan.js';
import type { AppInfo } from '../read/state.js';
import { describeStep } from '../plan/plan-text.js';

export interface GroupOutcome {
  id?: string;
  /** The build was added to the group by this run (dry run: would be). */
  added: boolean;
  internal: boolean;
  created: boolean;
}

export interface Outcome {
  dryRun: boolean;
  app: { id: string; name: string; bundleId: string };
  build?: {
    id: string;
    version: string;
    buildNumber: string;
    processingState: string;
    usesNonExemptEncryption?: boolean;
    internalState?: string;
    externalState?: string;
  };
  groups: Record<string, GroupOutcome>;
  testersAdded: string[];
  testersAlreadyPresent: string[];
  /** A BetaReviewState, or NOT_SUBMITTED; in a dry run WOULD_SUBMIT when a submission is planned. */
  betaReviewState: string;
  /** Steps applied (dry run: planned). */
  steps: string[];
  warnings: string[];
}

export interface OutcomeFacts {
  dryRun: boolean;
  app: AppInfo;
  plan: Plan;
  build?: BuildInfo;
  detail?: BetaDetailInfo;
  done: Step[];
  /** Group key → id once known (created groups get theirs while applying). */
  groupIds: ReadonlyMap<string, string>;
  reviewState?: string;
}

export function outcomeOf(f: OutcomeFacts): Outcome {
  const groups: Record<string, GroupOutcome> = {};
  for (const g of f.plan.groups)
    groups[g.name] = {
      id: f.groupIds.get(g.key) ?? (g.created ? undefined : g.key),
      added: !g.hadBuild,
      internal: g.internal,
      created: g.created,
    };
  const plannedSubmit = f.plan.steps.some((s) => s.kind === 'submit');
  const review =
    f.reviewState ?? f.plan.review.existingState ?? (f.dryRun && plannedSubmit ? 'WOULD_SUBMIT' : 'NOT_SUBMITTED');
  return {
    dryRun: f.dryRun,
    app: { id: f.app.id, name: f.app.name, bundleId: f.app.bundleId },
    build: f.build && {
      id: f.build.id,
      version: f.build.version,
      buildNumber: f.build.buildNumber,
      processingState: f.build.processingState,
      usesNonExemptEncryption: f.build.usesNonExemptEncryption,
      internalState: f.detail?.internalBuildState,
      externalState: f.detail?.externalBuildState,
    },
    groups,
    testersAdded: [...f.plan.testers.create.map((t) => t.email), ...f.plan.testers.addExisting.map((t) => t.email)],
    testersAlreadyPresent: f.plan.testers.alreadyPresent.map((t) => t.email),
    betaReviewState: review,
    steps: (f.dryRun ? f.plan.steps : f.done).map(describeStep),
    warnings: f.plan.warnings,
  };
}

export function outputsOf(o: Outcome): Record<string, string | number> {
  return {
    'build-id': o.build?.id ?? '',
    'processing-state': o.build?.processingState ?? '',
    groups: JSON.stringify(o.groups),
    'testers-added': o.testersAdded.length,
    'testers-already-present': o.testersAlreadyPresent.length,
    'beta-review-state': o.betaReviewState,
    result: JSON.stringify(o),
  };
}
