/**
 * After the writes, read back what matters and compare: the build is in every group it was put
 * in, What to Test says what was asked, the build has its review submission (one read of the
 * build with those included), and every tester is in every external group (the e-mail lookup with
 * groups included). Only areas this run wrote to are read (a no-op rerun reads none).
 */
import type { Settings } from '../inputs.js';
import type { Plan } from '../plan/plan.js';
import { readBuildLinks } from '../read/build-links.js';
import { readTesters } from '../read/state.js';
import { groupId, type ApplyState } from './context.js';

export interface ReadBack {
  mismatches: string[];
  reviewState?: string;
}

function touched(plan: Plan, kinds: string[]): boolean {
  return plan.steps.some((s) => kinds.includes(s.kind));
}

async function checkTesters(s: ApplyState, settings: Settings, plan: Plan, out: string[]): Promise<void> {
  if (!touched(plan, ['create-tester', 'add-testers', 'create-group'])) return;
  const now = await readTesters(
    s.client,
    settings.testers.map((t) => t.email),
  );
  for (const g of plan.groups.filter((x) => !x.internal)) {
    const id = groupId(s, g);
    const missing = settings.testers.filter((t) => !now.get(t.email.toLowerCase())?.groupIds.has(id));
    if (missing.length > 0)
      out.push(
        `${missing.length} tester(s) are not in group "${g.name}" (${missing
          .slice(0, 5)
          .map((t) => t.email)
          .join(', ')})`,
      );
  }
}

export async function readBack(s: ApplyState, settings: Settings, appId: string, plan: Plan): Promise<ReadBack> {
  const mismatches: string[] = [];
  let reviewState = plan.review.existingState;
  if (touched(plan, ['add-build', 'create-group', 'create-notes', 'update-notes', 'submit'])) {
    const links = await readBuildLinks(s.client, appId, s.buildId);
    for (const g of plan.groups.filter((x) => !x.hadBuild))
      if (!links.groupIds.has(groupId(s, g))) mismatches.push(`the build is not in group "${g.name}"`);
    if (touched(plan, ['create-notes', 'update-notes'])) {
      for (const [locale, text] of Object.entries(plan.notes)) {
        if (links.notes.find((n) => n.locale === locale)?.whatsNew !== text)
          mismatches.push(`What to Test (${locale}) does not read as set`);
      }
    }
    if (touched(plan, ['submit'])) {
      reviewState = links.submission?.state;
      if (!links.submission) mismatches.push('the build has no beta review submission');
    }
  }
  await checkTesters(s, settings, plan, mismatches);
  return { mismatches, reviewState };
}
