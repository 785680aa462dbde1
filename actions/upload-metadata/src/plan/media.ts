/**
 * Pure: what to do per locale and display type so App Store Connect holds the repo's files in
 * the repo's order. Files match by MD5 (`sourceFileChecksum`); a file whose name is on App Store
 * Connect with other content is replaced; a remote copy that never finished processing (FAILED)
 * or that duplicates another is never counted as kept.
 */
import type {
  LocalMedia,
  LocalSet,
  MediaKind,
  MediaPlan,
  MediaSetPlan,
  RemoteAsset,
  RemoteSet,
  SyncMode,
} from '../model/media.js';

export interface MediaPlanInput {
  local: LocalMedia;
  remote: RemoteSet[];
  /** locale → version localization id. */
  localizations: Record<string, string>;
  mode: SyncMode;
}

const usable = (a: RemoteAsset) => a.state !== 'FAILED';

function sameOrder(current: string[], wanted: string[]): boolean {
  return current.length === wanted.length && current.every((id, i) => id === wanted[i]);
}

function planSet(
  local: LocalSet | undefined,
  remote: RemoteSet | undefined,
  base: { kind: MediaKind; locale: string; displayType: string; localizationId: string },
  mode: SyncMode,
): MediaSetPlan {
  const pool = [...(remote?.assets ?? [])];
  const take = (match: (a: RemoteAsset) => boolean): RemoteAsset | undefined => {
    const i = pool.findIndex(match);
    return i < 0 ? undefined : pool.splice(i, 1)[0];
  };
  const plan: MediaSetPlan = {
    ...base,
    setId: remote?.id,
    kept: [],
    upload: [],
    replaced: [],
    deleted: [],
    reorder: false,
    order: [],
    deleteSet: false,
  };
  for (const file of local?.files ?? []) {
    const same = take((a) => usable(a) && a.checksum === file.md5);
    if (same) {
      plan.kept.push(same);
      plan.order.push({ fileName: file.fileName, md5: file.md5, remoteId: same.id });
      continue;
    }
    const named = take((a) => a.fileName === file.fileName);
    if (named) plan.replaced.push({ remote: named, local: file });
    else plan.upload.push(file);
    plan.order.push({ fileName: file.fileName, md5: file.md5 });
  }
  // What is left: broken copies always go; extras go unless the mode is add.
  for (const extra of pool) {
    const duplicate = plan.kept.some((k) => k.checksum === extra.checksum);
    if (mode !== 'add' || !usable(extra) || duplicate) plan.deleted.push(extra);
    else {
      plan.kept.push(extra);
      plan.order.push({ fileName: extra.fileName, remoteId: extra.id });
    }
  }
  if (!local && mode === 'mirror' && remote) plan.deleteSet = true;
  // App Store Connect appends uploads after what it keeps: reorder when that is not the repo's order.
  const token = (o: MediaSetPlan['order'][number]) => o.remoteId ?? `new:${o.fileName}`;
  const wanted = plan.order.map(token);
  const keptIds = new Set(plan.kept.map((k) => k.id));
  const predicted = [
    ...(remote?.assets ?? []).filter((a) => keptIds.has(a.id)).map((a) => a.id),
    ...plan.order.filter((o) => !o.remoteId).map(token),
  ];
  plan.reorder = !plan.deleteSet && !sameOrder(predicted, wanted);
  return plan;
}

export function planMedia(input: MediaPlanInput): MediaPlan {
  const sets: MediaSetPlan[] = [];
  const missing = new Set<string>();
  const key = (s: { kind: string; locale: string; displayType: string }) => `${s.kind}/${s.locale}/${s.displayType}`;
  const remoteByKey = new Map(input.remote.map((r) => [key(r), r]));
  for (const local of input.local.sets) {
    const localizationId = input.localizations[local.locale];
    if (!localizationId) {
      missing.add(local.locale);
      continue;
    }
    sets.push(
      planSet(
        local,
        remoteByKey.get(key(local)),
        { kind: local.kind, locale: local.locale, displayType: local.displayType, localizationId },
        input.mode,
      ),
    );
  }
  const localKeys = new Set(input.local.sets.map(key));
  for (const remote of input.remote) {
    if (localKeys.has(key(remote)) || !input.local.locales[remote.kind].includes(remote.locale)) continue;
    if (input.mode === 'mirror') sets.push(planSet(undefined, remote, remote, 'mirror'));
  }
  sets.sort(
    (a, b) =>
      a.locale.localeCompare(b.locale) || a.kind.localeCompare(b.kind) || a.displayType.localeCompare(b.displayType),
  );
  return { sets, missingLocalizations: [...missing].sort() };
}
