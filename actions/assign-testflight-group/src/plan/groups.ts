/**
 * Beta groups named in the `groups` input, matched by id or by name, case-insensitively (pure).
 * A name two groups share (ignoring case) is ambiguous; an unknown name gets "did you mean" from
 * the app's groups.
 */
import { nearest } from '@asc-actions/core';

/** Case, spaces, `-` and `_` ignored: `Public-Beta` and `public beta` name one group. */
const looseKey = (name: string): string => name.toLowerCase().replace(/[\s_-]/g, '');

export interface GroupInfo {
  id: string;
  name: string;
  internal: boolean;
  /** Internal groups may see every build without being given one. */
  allBuilds: boolean;
  /** The build is in the group already. */
  hasBuild: boolean;
}

export interface GroupResolution {
  found: GroupInfo[];
  /** References that match no group, with the existing names close to each. */
  missing: Array<{ name: string; near: string[] }>;
  /** References that match several groups. */
  ambiguous: Array<{ name: string; groups: GroupInfo[] }>;
}

export function resolveGroups(refs: readonly string[], groups: readonly GroupInfo[]): GroupResolution {
  const out: GroupResolution = { found: [], missing: [], ambiguous: [] };
  const names = groups.map((g) => g.name);
  for (const ref of refs) {
    const byId = groups.find((g) => g.id === ref);
    const exact = groups.filter((g) => g.name === ref);
    const byName = exact.length > 0 ? exact : groups.filter((g) => g.name.toLowerCase() === ref.toLowerCase());
    const matches = byId ? [byId] : byName;
    if (matches.length > 1) {
      if (!out.ambiguous.some((a) => a.name === ref)) out.ambiguous.push({ name: ref, groups: matches });
    } else if (matches.length === 0) {
      if (!out.missing.some((m) => m.name.toLowerCase() === ref.toLowerCase()))
        out.missing.push({ name: ref, near: [nearest(ref, names)].filter((n): n is string => n !== undefined) });
    } else if (!out.found.includes(matches[0]!)) {
      out.found.push(matches[0]!);
    }
  }
  return out;
}

/** A missing name that differs from an existing group only in spaces or punctuation: a typo, never created. */
export function isLooseDuplicate(missing: { name: string; near: string[] }): boolean {
  return missing.near.some((n) => looseKey(n) === looseKey(missing.name));
}

/** Whether the build goes to beta review: asked for, or ('auto') when any group is external. */
export function wantsReview(submit: 'auto' | boolean, resolution: GroupResolution, createMissing: boolean): boolean {
  if (submit !== 'auto') return submit;
  return resolution.found.some((g) => !g.internal) || (createMissing && resolution.missing.length > 0);
}
