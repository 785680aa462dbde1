/**
 * Testers: new ones are created with all their groups in one request each (Apple has no batch
 * create); existing ones join each group in large batches (Apple documents no maximum). A batch
 * refused with a 4xx other than 409 is halved and resent, in case it was too large. "Already
 * exists" (409) is never a failure: a tester's create is read back by e-mail (with its groups) and
 * reconciled; a batch refused because someone is already in the group is resent without those
 * the e-mail lookup shows in it.
 */
import {
  ConflictError,
  InvalidRequestError,
  mapLimited,
  addTestersToBetaGroup,
  createBetaTester,
  type Logger,
} from '@asc-actions/core';
import type { GroupTarget, Step } from '../plan/plan.js';
import { TESTER_BATCH } from '../plan/plan.js';
import type { TesterInfo } from '../model.js';
import { readTesters } from '../read/state.js';
import { groupId, type ApplyState } from './context.js';

/** Invitations sent at once (each is one request). */
const INVITE_WIDTH = 4;

type CreateStep = Extract<Step, { kind: 'create-tester' }>;

async function invite(s: ApplyState, step: CreateStep): Promise<void> {
  const key = step.tester.email.toLowerCase();
  const groupIds = step.groups.map((g) => groupId(s, g));
  try {
    const created = await createBetaTester(s.client, step.tester, groupIds, { safeToRetry: true });
    s.testers.set(key, { id: created.id, email: step.tester.email, groupIds: new Set(groupIds) });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const found = (await readTesters(s.client, [step.tester.email])).get(key);
    if (!found) throw error;
    s.logger.info(
      `${step.tester.email} already exists in App Store Connect (409): adding the existing tester to the groups instead.`,
    );
    s.testers.set(key, found);
    s.reconcile.push(found);
  }
}

export async function inviteTesters(
  s: ApplyState,
  steps: CreateStep[],
  onDone: (step: CreateStep) => void,
): Promise<void> {
  await mapLimited(steps, INVITE_WIDTH, async (step) => {
    await invite(s, step);
    onDone(step);
  });
}

/** A 4xx that may mean "too many at once" (not a conflict, auth or rate limit). */
function maybeTooLarge(error: unknown): boolean {
  return error instanceof InvalidRequestError && [400, 413, 422].includes(error.status);
}

async function sendBatch(
  s: ApplyState,
  id: string,
  group: GroupTarget,
  testers: TesterInfo[],
  logger: Logger,
): Promise<void> {
  try {
    await addTestersToBetaGroup(
      s.client,
      id,
      testers.map((t) => t.id),
      { safeToRetry: true },
    );
  } catch (error) {
    if (maybeTooLarge(error) && testers.length > 1) {
      const half = Math.ceil(testers.length / 2);
      logger.info(
        `${group.name}: a batch of ${testers.length} testers was refused (${(error as Error).message.slice(0, 120)}); sending it in two halves.`,
      );
      await sendBatch(s, id, group, testers.slice(0, half), logger);
      await sendBatch(s, id, group, testers.slice(half), logger);
      return;
    }
    if (!(error instanceof ConflictError)) throw error;
    const now = await readTesters(
      s.client,
      testers.map((t) => t.email),
    );
    const missing = testers.filter((t) => !now.get(t.email.toLowerCase())?.groupIds.has(id));
    logger.info(
      `${group.name}: ${testers.length - missing.length} of ${testers.length} testers were already in the group (409); adding the other ${missing.length}.`,
    );
    if (missing.length > 0)
      await addTestersToBetaGroup(
        s.client,
        id,
        missing.map((t) => t.id),
        { safeToRetry: true },
      );
  }
}

/** Adds testers to a group in batches of TESTER_BATCH. */
export async function addToGroup(s: ApplyState, group: GroupTarget, testers: TesterInfo[]): Promise<void> {
  const id = groupId(s, group);
  for (let i = 0; i < testers.length; i += TESTER_BATCH)
    await sendBatch(s, id, group, testers.slice(i, i + TESTER_BATCH), s.logger);
  for (const t of testers) t.groupIds.add(id);
}

/** Testers that turned out to exist: put them in every external group they are not in yet. */
export async function reconcile(s: ApplyState, groups: GroupTarget[]): Promise<void> {
  for (const group of groups.filter((g) => !g.internal)) {
    const missing = s.reconcile.filter((t) => !t.groupIds.has(groupId(s, group)));
    if (missing.length > 0) await addToGroup(s, group, missing);
  }
}
