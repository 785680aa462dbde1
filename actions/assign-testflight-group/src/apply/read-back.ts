/**
 * After the writes, read back what matters and compare: the build is in every group it was put
 * in, every tester is in every external group, What to Test says what was asked, and the build
 * has its review submission. Only areas this run wrote to are read (a no-op rerun reads none).
 */
import { listBetaAppReviewSubmissions, listBetaBuildLocalizations, listBetaGroupTesterIds, listBetaGroups } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { Plan } from '../plan/plan.js';
import { groupId, type ApplyState } from './context.js';
import { inPool } from '../read/pool.js';

export interface ReadBack {
  mismatches: string[];
  reviewState?: string;
}

function touched(plan: Plan, kinds: string[]): boolean {
  return plan.steps.some((s) => kinds.includes(s.kind));
}

async function checkGroups(s: ApplyState, appId: string, plan: Plan, out: string[]): Promise<void> {
  if (!touched(plan, ['add-build', 'create-group'])) return;
  const having = new Set((await listBetaGroups(s.client, appId, { 'filter[builds]': [s.buildId], 'fields[betaGroups]': ['name'] })).map((g) => g.id));
  for (const g of plan.groups.filter((x) => !x.hadBuild)) if (!having.has(groupId(s, g))) out.push(`the build is not in group "${g.name}"`);
}

async function checkTesters(s: ApplyState, settings: Settings, plan: Plan, out: string[]): Promise<void> {
  if (!touched(plan, ['create-tester', 'add-testers', 'create-group'])) return;
  await inPool(plan.groups.filter((x) => !x.internal), 4, async (g) => {
    const members = new Set(await listBetaGroupTesterIds(s.client, groupId(s, g)));
    const missing = settings.testers.filter((t) => !members.has(s.testers.get(t.email.toLowerCase())?.id ?? ''));
    if (missing.length > 0) out.push(`${missing.length} tester(s) are not in group "${g.name}" (${missing.slice(0, 5).map((t) => t.email).join(', ')})`);
  });
}

async function checkNotes(s: ApplyState, settings: Settings, plan: Plan, out: string[]): Promise<void> {
  if (!touched(plan, ['create-notes', 'update-notes'])) return;
  const notes = await listBetaBuildLocalizations(s.client, s.buildId);
  for (const [locale, text] of Object.entries(settings.testNotes)) {
    if (notes.find((n) => n.attributes?.locale === locale)?.attributes?.whatsNew !== text) out.push(`What to Test (${locale}) does not read as set`);
  }
}

export async function readBack(s: ApplyState, settings: Settings, appId: string, plan: Plan): Promise<ReadBack> {
  const mismatches: string[] = [];
  await checkGroups(s, appId, plan, mismatches);
  await checkTesters(s, settings, plan, mismatches);
  await checkNotes(s, settings, plan, mismatches);
  let reviewState = plan.review.existingState;
  if (touched(plan, ['submit'])) {
    const [submission] = await listBetaAppReviewSubmissions(s.client, [s.buildId]);
    reviewState = submission?.attributes?.betaReviewState;
    if (!submission) mismatches.push('the build has no beta review submission');
  }
  return { mismatches, reviewState };
}
