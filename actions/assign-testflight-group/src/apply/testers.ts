/**
 * Testers: new ones are created with all their groups in one request each (Apple has no batch
 * create); existing ones join groups in batched relationship calls. "Already exists" (409) is
 * never a failure: the tester is read back and reconciled, and a batch refused because someone
 * is already in the group is re-read and resent with only the missing.
 */
import {
  ConflictError,
  addTestersToBetaGroup,
  createBetaTester,
  findBetaTestersByEmail,
  listBetaGroupTesterIds,
} from '@asc-actions/core';
import type { GroupTarget, Step } from '../plan/plan.js';
import type { TesterInfo } from '../read/state.js';
import { groupId, type ApplyState } from './context.js';
import { inPool } from '../read/pool.js';

/** Invitations sent at once (each is one request). */
const INVITE_WIDTH = 4;

type CreateStep = Extract<Step, { kind: 'create-tester' }>;

async function invite(s: ApplyState, step: CreateStep): Promise<void> {
  const key = step.tester.email.toLowerCase();
  try {
    const created = await createBetaTester(s.client, step.tester, step.groups.map((g) => groupId(s, g)), { safeToRetry: true });
    s.testers.set(key, { id: created.id, email: step.tester.email });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const [found] = await findBetaTestersByEmail(s.client, [step.tester.email]);
    if (!found) throw error;
    s.logger.info(`${step.tester.email} already exists in App Store Connect (409): adding the existing tester to the groups instead.`);
    const tester = { id: found.id, email: step.tester.email };
    s.testers.set(key, tester);
    s.reconcile.push(tester);
  }
}

export async function inviteTesters(s: ApplyState, steps: CreateStep[], onDone: (step: CreateStep) => void): Promise<void> {
  await inPool(steps, INVITE_WIDTH, async (step) => {
    await invite(s, step);
    onDone(step);
  });
}

/** Adds testers to a group; a 409 (someone already in) is re-read and only the missing resent. */
export async function addToGroup(s: ApplyState, group: GroupTarget, testers: TesterInfo[]): Promise<void> {
  const id = groupId(s, group);
  try {
    await addTestersToBetaGroup(s.client, id, testers.map((t) => t.id), { safeToRetry: true });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const members = new Set(await listBetaGroupTesterIds(s.client, id));
    const missing = testers.filter((t) => !members.has(t.id));
    s.logger.info(`${group.name}: ${testers.length - missing.length} of ${testers.length} testers were already in the group (409); adding the other ${missing.length}.`);
    if (missing.length > 0) await addTestersToBetaGroup(s.client, id, missing.map((t) => t.id), { safeToRetry: true });
  }
}

/** Testers that turned out to exist: put them in every external group they are not in yet. */
export async function reconcile(s: ApplyState, groups: GroupTarget[]): Promise<void> {
  if (s.reconcile.length === 0) return;
  for (const group of groups.filter((g) => !g.internal)) {
    const members = new Set(await listBetaGroupTesterIds(s.client, groupId(s, group)));
    const missing = s.reconcile.filter((t) => !members.has(t.id));
    if (missing.length > 0) await addToGroup(s, group, missing);
  }
}
