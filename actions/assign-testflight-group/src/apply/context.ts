/** What the apply steps share: the client, the plan's group ids as they become known, testers. */
import { ConflictError, NetworkError, ServerError, type AscClient, type Logger } from '@asc-actions/core';
import type { GroupTarget } from '../plan/plan.js';
import type { TesterInfo } from '../model.js';

export interface ApplyState {
  client: AscClient;
  logger: Logger;
  buildId: string;
  /** Group key (id, or `new:<name>`) → id. */
  groupIds: Map<string, string>;
  /** Lower-case e-mail → tester, existing and created. */
  testers: Map<string, TesterInfo>;
  /** Testers whose creation met "already exists": reconciled after the invitations. */
  reconcile: TesterInfo[];
}

export function groupId(s: ApplyState, group: GroupTarget): string {
  const id = s.groupIds.get(group.key);
  if (!id) throw new Error(`beta group ${group.name} has no id yet`);
  return id;
}

/**
 * A create that App Store Connect keys by something (a group's name, a build's locale): when the
 * answer is lost (network, 5xx) or is a 409, look for what an earlier attempt may have made
 * before trying again (at most three attempts), so nothing is created twice.
 */
export async function keyedCreate<T>(
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof NetworkError || error instanceof ServerError))
        throw error;
      const found = await find();
      if (found !== undefined) return found;
      if (error instanceof ConflictError || attempt >= attempts) throw error;
    }
  }
}
