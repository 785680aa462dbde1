/**
 * The groups this run gives the build to (pure): matched by id or name (case-insensitively);
 * unknown names are an error with "did you mean" from the app's groups — the hint to set
 * create-missing-groups comes only when nothing is close. With create-missing-groups, a name that
 * differs from an existing group only in spaces or punctuation is still a typo, never a new group.
 * The build goes to all groups that lack it in one request; internal groups that see every build
 * are left out (Apple answers 422 for them).
 */
import type { Settings } from '../inputs.js';
import type { RemoteState } from '../read/state.js';
import type { GroupTarget } from '../model.js';
import type { Plan } from './steps.js';
import { isLooseDuplicate, resolveGroups } from './groups.js';

const q = (name: string): string => JSON.stringify(name);

export function planGroupTargets(settings: Settings, state: RemoteState, plan: Plan): GroupTarget[] {
  const r = resolveGroups(settings.groups, state.groups);
  const targets: GroupTarget[] = r.found.map((g) => ({
    key: g.id,
    name: g.name,
    internal: g.internal,
    created: false,
    hadBuild: g.hasBuild || (g.internal && g.allBuilds),
  }));
  for (const a of r.ambiguous) {
    const list = a.groups.map((g) => `${q(g.name)} (${g.internal ? 'internal' : 'external'}, id ${g.id})`).join(', ');
    plan.problems.push({
      input: 'groups',
      message: `Group ${q(a.name)} matches ${a.groups.length} groups of ${state.app.name}: ${list}. Give the group's id instead.`,
    });
  }
  for (const m of r.missing) {
    if (m.near.length > 0 && (!settings.createMissingGroups || isLooseDuplicate(m))) {
      plan.problems.push({
        input: 'groups',
        message: `No beta group ${q(m.name)} in ${state.app.name}. Did you mean ${m.near.slice(0, 3).map(q).join(' or ')}?`,
      });
    } else if (!settings.createMissingGroups) {
      const known = state.groups.map((g) => q(g.name)).join(', ') || 'none';
      plan.problems.push({
        input: 'groups',
        message: `No beta group ${q(m.name)} in ${state.app.name} (its groups: ${known}). Set create-missing-groups: true to create it as an external group.`,
      });
    } else {
      targets.push({ key: `new:${m.name}`, name: m.name, internal: false, created: true, hadBuild: false });
    }
  }
  for (const group of targets) if (group.created) plan.steps.push({ kind: 'create-group', group });
  const lacking = targets.filter((g) => !g.hadBuild);
  if (lacking.length > 0) plan.steps.push({ kind: 'add-build', groups: lacking });
  return targets;
}
