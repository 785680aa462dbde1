/**
 * The plan: every write this run would make, from the inputs and what was read. Pure and
 * deterministic; with no remote change since the last run it is empty. Problems found here
 * (unknown groups, missing test information …) stop the run before its first write.
 */
import type { Settings } from '../inputs.js';
import type { RemoteState } from '../read/state.js';
import type { GroupTarget, TesterInfo } from '../model.js';
import { label } from '../model.js';
import type { Plan } from './steps.js';
import { planGroupTargets } from './group-targets.js';
import { planNotes, planTestInformation } from './notes.js';
import { planReview } from './review.js';

export type { GroupTarget } from '../model.js';
export type { Plan, Problem, Step } from './steps.js';

/**
 * Testers per group-side relationship request (`POST /v1/betaGroups/{id}/relationships/betaTesters`).
 * How many Apple accepts is not known: searched (December 2026) and found no limit anywhere —
 * - Apple's spec 4.4.1 has no `maxItems` at all (BetaGroupBetaTestersLinkagesRequest.data is a
 *   plain array); Apple's documentation pages found say only "one or more" testers;
 * - the asc CLI sends the whole list in one request (rorkai/App-Store-Connect-CLI,
 *   internal/asc/client.go `AddBetaTestersToGroup`), as do fastlane (spaceship
 *   `post_bulk_beta_tester_assignments`) and expo (`createBulkBetaTesterAssignmentsAsync` with all
 *   admins); no issue thread in those projects reports a batch refused for its size;
 * - the one ceiling found is 10,000 external testers per app (deltachat/deltachat-ios#44).
 * So 500 is a choice, not Apple's number: large enough that 250 testers take one request, small
 * enough to keep a body near 30 KB (about 60 bytes per tester). A 4xx other than 409 on a batch
 * is answered by halving it (apply/testers.ts). New testers go one `POST /v1/betaTesters` each,
 * carrying all their groups.
 */
export const TESTER_BATCH = 500;

function planCompliance(settings: Settings, state: RemoteState, plan: Plan): void {
  const wanted = settings.usesNonExemptEncryption;
  const current = state.build?.usesNonExemptEncryption;
  if (wanted === undefined || wanted === current) return;
  if (current !== undefined) {
    plan.problems.push({
      input: 'uses-non-exempt-encryption',
      message: `Build ${state.build ? label(state.build) : ''} already answers export compliance with ${current}; Apple does not allow changing the answer of a build.`,
    });
    return;
  }
  plan.steps.push({ kind: 'export-compliance', value: wanted });
}

function planTesters(settings: Settings, state: RemoteState, targets: GroupTarget[], plan: Plan): void {
  if (settings.testers.length === 0) return;
  const external = targets.filter((g) => !g.internal);
  if (external.length === 0) {
    plan.problems.push({
      input: 'testers',
      message:
        'Testers are given but every group in "groups" is internal; internal groups take App Store Connect users, so testers are invited into external groups only.',
    });
    return;
  }
  const missingByGroup = new Map<string, TesterInfo[]>();
  for (const entry of settings.testers) {
    const existing = state.testers.get(entry.email.toLowerCase());
    if (!existing) {
      plan.testers.create.push(entry);
      plan.steps.push({ kind: 'create-tester', tester: entry, groups: external });
      continue;
    }
    const missing = external.filter((g) => g.created || !existing.groupIds.has(g.key));
    if (missing.length === 0) plan.testers.alreadyPresent.push(entry);
    else plan.testers.addExisting.push(existing);
    for (const g of missing) missingByGroup.set(g.key, [...(missingByGroup.get(g.key) ?? []), existing]);
  }
  for (const group of external) {
    const testers = missingByGroup.get(group.key) ?? [];
    if (testers.length > 0) plan.steps.push({ kind: 'add-testers', group, testers });
  }
}

/** notify-testers: false turns automatic notification off; true relies on it, or sends one notification when this run gives the build to a group. */
function planNotification(settings: Settings, state: RemoteState, plan: Plan): void {
  const auto = state.detail?.autoNotifyEnabled;
  if (settings.notifyTesters === false && auto !== false) plan.steps.push({ kind: 'auto-notify', value: false });
  if (settings.notifyTesters === true && auto === false && plan.steps.some((s) => s.kind === 'add-build'))
    plan.steps.push({ kind: 'notify' });
}

export function makePlan(settings: Settings, state: RemoteState): Plan {
  const plan: Plan = {
    steps: [],
    problems: [],
    groups: [],
    testers: { create: [], addExisting: [], alreadyPresent: [] },
    notes: {},
    review: { wanted: false },
    warnings: [],
  };
  planCompliance(settings, state, plan);
  if (settings.notifyTesters === false) planNotification(settings, state, plan);
  planTestInformation(settings, state, plan);
  planNotes(settings, state, plan);
  plan.groups = planGroupTargets(settings, state, plan);
  planTesters(settings, state, plan.groups, plan);
  planReview(settings, state, plan);
  if (settings.notifyTesters === true) planNotification(settings, state, plan);
  if (
    (settings.usesNonExemptEncryption ?? state.build?.usesNonExemptEncryption) === undefined &&
    !plan.review.wanted &&
    state.build
  ) {
    plan.warnings.push(
      `Build ${label(state.build)} has no export compliance answer: testers cannot install it until it is given (uses-non-exempt-encryption).`,
    );
  }
  return plan;
}
