/**
 * The plan: every write this run would make, from the inputs and what was read. Pure and
 * deterministic; with no remote change since the last run it is empty. Problems found here
 * (unknown groups, missing test information …) stop the run before its first write.
 */
import { didYouMean } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { RemoteState, TesterInfo } from '../read/state.js';
import type { TesterEntry } from '../inputs/testers.js';
import { resolveGroups } from './groups.js';
import { label } from '../model.js';
import { missingForReview } from './readiness.js';

/** Testers per relationship call (Apple publishes no maximum; 100 keeps a refused batch small). */
export const TESTER_BATCH = 100;

export interface GroupTarget {
  /** The group's id, or `new:<name>` for a group this run creates. */
  key: string;
  name: string;
  internal: boolean;
  created: boolean;
  /** The build was already in the group (or the internal group sees all builds). */
  hadBuild: boolean;
}

export type Step =
  | { kind: 'export-compliance'; value: boolean }
  | { kind: 'auto-notify'; value: boolean }
  | { kind: 'create-notes'; locale: string; text: string }
  | { kind: 'update-notes'; id: string; locale: string; text: string }
  | { kind: 'create-group'; group: GroupTarget }
  | { kind: 'add-build'; group: GroupTarget }
  | { kind: 'create-tester'; tester: TesterEntry; groups: GroupTarget[] }
  | { kind: 'add-testers'; group: GroupTarget; testers: TesterInfo[] }
  | { kind: 'expire-build'; buildId: string; buildNumber: string }
  | { kind: 'submit' };

export interface Problem {
  input?: string;
  message: string;
}

export interface Plan {
  steps: Step[];
  problems: Problem[];
  groups: GroupTarget[];
  testers: { create: TesterEntry[]; addExisting: TesterInfo[]; alreadyPresent: TesterEntry[] };
  review: { wanted: boolean; existingState?: string };
  warnings: string[];
}

function groupTargets(settings: Settings, state: RemoteState, plan: Plan): GroupTarget[] {
  const resolution = resolveGroups(settings.groups, state.groups);
  const targets: GroupTarget[] = resolution.found.map((g) => ({ key: g.id, name: g.name, internal: g.internal, created: false, hadBuild: g.hasBuild || (g.internal && g.allBuilds) }));
  if (resolution.missing.length > 0 && !settings.createMissingGroups) {
    const known = state.groups.map((g) => `${g.name} (${g.internal ? 'internal' : 'external'}, ${g.id})`).join('; ') || 'none';
    const guesses = resolution.missing.map((m) => didYouMean(m, state.groups.map((g) => g.name))).join('');
    plan.problems.push({ input: 'groups', message: `No beta group ${resolution.missing.map((m) => JSON.stringify(m)).join(', ')} in ${state.app.name}; its groups are: ${known}.${guesses} Set create-missing-groups: true to create them.` });
  }
  if (settings.createMissingGroups) {
    for (const name of resolution.missing) targets.push({ key: `new:${name}`, name, internal: false, created: true, hadBuild: false });
  }
  return targets;
}

function planNotes(settings: Settings, state: RemoteState, plan: Plan): void {
  for (const [locale, text] of Object.entries(settings.testNotes)) {
    const existing = state.notes.find((n) => n.locale === locale);
    if (!existing) plan.steps.push({ kind: 'create-notes', locale, text });
    else if ((existing.whatsNew ?? '').trim() !== text) plan.steps.push({ kind: 'update-notes', id: existing.id, locale, text });
  }
}

function planCompliance(settings: Settings, state: RemoteState, plan: Plan): void {
  const wanted = settings.usesNonExemptEncryption;
  const current = state.build?.usesNonExemptEncryption;
  if (wanted === undefined || wanted === current) return;
  if (current !== undefined) {
    plan.problems.push({ input: 'uses-non-exempt-encryption', message: `Build ${state.build ? label(state.build) : ''} already answers export compliance with ${current}; Apple does not allow changing the answer of a build.` });
    return;
  }
  plan.steps.push({ kind: 'export-compliance', value: wanted });
}

function planGroups(targets: GroupTarget[], plan: Plan): void {
  for (const group of targets) {
    if (group.created) plan.steps.push({ kind: 'create-group', group });
    if (!group.hadBuild) plan.steps.push({ kind: 'add-build', group });
  }
}

function planTesters(settings: Settings, state: RemoteState, targets: GroupTarget[], plan: Plan): void {
  if (settings.testers.length === 0) return;
  const external = targets.filter((g) => !g.internal);
  if (external.length === 0) {
    plan.problems.push({ input: 'testers', message: 'Testers are given but every group in "groups" is internal; internal groups take App Store Connect users, so testers are invited into external groups only.' });
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
    const missing = external.filter((g) => g.created || !state.groups.find((x) => x.id === g.key)?.testerIds?.has(existing.id));
    if (missing.length === 0) plan.testers.alreadyPresent.push(entry);
    else plan.testers.addExisting.push(existing);
    for (const g of missing) missingByGroup.set(g.key, [...(missingByGroup.get(g.key) ?? []), existing]);
  }
  for (const group of external) {
    const testers = missingByGroup.get(group.key) ?? [];
    for (let i = 0; i < testers.length; i += TESTER_BATCH) plan.steps.push({ kind: 'add-testers', group, testers: testers.slice(i, i + TESTER_BATCH) });
  }
}

function planReview(settings: Settings, state: RemoteState, plan: Plan): void {
  const review = state.review;
  plan.review = { wanted: review !== undefined, existingState: review?.submission?.state };
  if (!review || review.submission) return;
  const compliance = state.build ? (settings.usesNonExemptEncryption ?? state.build.usesNonExemptEncryption) : (settings.usesNonExemptEncryption ?? 'unknown');
  const notesLocales = [...new Set([...state.notes.filter((n) => (n.whatsNew ?? '').trim() !== '').map((n) => n.locale), ...Object.keys(settings.testNotes)])];
  const missing = missingForReview({ review, primaryLocale: state.app.primaryLocale, compliance, notesLocales });
  if (missing.length > 0) {
    plan.problems.push({ message: `Build cannot be submitted for beta review; App Store Connect is missing ${missing.length} item${missing.length === 1 ? '' : 's'}:\n${missing.map((m) => `  - ${m}`).join('\n')}` });
  }
  for (const other of review.othersInReview) {
    if (other.state === 'WAITING_FOR_REVIEW' && settings.expireBuildWaitingForReview) {
      plan.steps.push({ kind: 'expire-build', buildId: other.id, buildNumber: other.buildNumber });
    } else {
      const fix = other.state === 'WAITING_FOR_REVIEW' ? 'set expire-build-waiting-for-review: true to expire it' : 'wait until its review ends';
      plan.problems.push({ input: 'expire-build-waiting-for-review', message: `Build ${other.buildNumber} of this version is ${other.state}; only one build per version can wait for beta review: ${fix}, or set submit-for-beta-review: false.` });
    }
  }
  plan.steps.push({ kind: 'submit' });
}

export function makePlan(settings: Settings, state: RemoteState): Plan {
  const plan: Plan = { steps: [], problems: [], groups: [], testers: { create: [], addExisting: [], alreadyPresent: [] }, review: { wanted: false }, warnings: [] };
  planCompliance(settings, state, plan);
  if (settings.notifyTesters !== undefined && state.detail?.autoNotifyEnabled !== settings.notifyTesters) {
    plan.steps.push({ kind: 'auto-notify', value: settings.notifyTesters });
  }
  planNotes(settings, state, plan);
  plan.groups = groupTargets(settings, state, plan);
  planGroups(plan.groups, plan);
  planTesters(settings, state, plan.groups, plan);
  planReview(settings, state, plan);
  if ((settings.usesNonExemptEncryption ?? state.build?.usesNonExemptEncryption) === undefined && !plan.review.wanted && state.build) {
    plan.warnings.push(`Build ${label(state.build)} has no export compliance answer: testers cannot install it until it is given (uses-non-exempt-encryption).`);
  }
  return plan;
}
