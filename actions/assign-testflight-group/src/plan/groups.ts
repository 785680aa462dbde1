/** Beta groups named in the `groups` input, matched by id or exact name (pure). */
export interface GroupInfo {
  id: string;
  name: string;
  internal: boolean;
  /** Internal groups may see every build without being given one. */
  allBuilds: boolean;
  /** The build is in the group already. */
  hasBuild: boolean;
  /** Member tester ids, when read (only for groups that receive testers). */
  testerIds?: Set<string>;
}

export interface GroupResolution {
  found: GroupInfo[];
  /** References that match no group. */
  missing: string[];
}

export function resolveGroups(refs: readonly string[], groups: readonly GroupInfo[]): GroupResolution {
  const found: GroupInfo[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const group = groups.find((g) => g.id === ref) ?? groups.find((g) => g.name === ref);
    if (!group) {
      if (!missing.includes(ref)) missing.push(ref);
    } else if (!found.includes(group)) {
      found.push(group);
    }
  }
  return { found, missing };
}

/** Whether the build goes to beta review: asked for, or ('auto') when any group is external. */
export function wantsReview(submit: 'auto' | boolean, resolution: GroupResolution, createMissing: boolean): boolean {
  if (submit !== 'auto') return submit;
  return resolution.found.some((g) => !g.internal) || (createMissing && resolution.missing.length > 0);
}
