import type { Plan } from '../plan/plan.js';
import type { ApplyResult } from './apply.js';

/** Reviews decided for good: everything considered except what waits for a later run. */
export function handledIds(p: Plan, applied: ApplyResult, considered: readonly { id: string }[]): Set<string> {
  const open = new Set([
    ...p.items.filter((i) => i.action === 'deferred').map((i) => i.review.id),
    ...applied.results
      .filter((r) => r.outcome === 'failed' || r.outcome === 'not-attempted')
      .map((r) => r.item.review.id),
  ]);
  return new Set(considered.map((r) => r.id).filter((id) => !open.has(id)));
}
