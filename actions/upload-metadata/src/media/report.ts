/** Screenshots and previews in the log, the `media` output and the job summary, per locale and display type. */
import { escapeHtml, setOutputs, summary, type Logger } from '@asc-actions/core';
import type { MediaSetResult } from './apply.js';
import type { MediaPlan, MediaSetPlan } from './model.js';

export interface MediaRow {
  kind: string;
  locale: string;
  displayType: string;
  kept: string[];
  uploaded: string[];
  replaced: string[];
  deleted: string[];
  reordered: boolean;
  setDeleted: boolean;
  failed: string[];
}

function rowOf(set: MediaSetPlan, result?: MediaSetResult): MediaRow {
  const failedNames = new Set(result?.uploaded.filter((u) => u.error).map((u) => u.fileName));
  const replacedNames = set.replaced.map((r) => r.local.fileName);
  return {
    kind: set.kind,
    locale: set.locale,
    displayType: set.displayType,
    kept: set.kept.map((k) => k.fileName),
    uploaded: set.upload.map((u) => u.fileName).filter((n) => !failedNames.has(n)),
    replaced: replacedNames.filter((n) => !failedNames.has(n)),
    deleted: set.deleted.map((d) => d.fileName),
    reordered: result ? result.reordered : set.reorder,
    setDeleted: set.deleteSet,
    failed: [...(result?.error ? [result.error] : []), ...(result?.uploaded.filter((u) => u.error).map((u) => `${u.fileName}: ${u.error}`) ?? [])],
  };
}

export function mediaRows(plan: MediaPlan, results?: MediaSetResult[]): MediaRow[] {
  return plan.sets.map((set) => rowOf(set, results?.find((r) => r.set === set)));
}

const counts = (r: MediaRow) =>
  [
    r.kept.length && `${r.kept.length} kept`,
    r.uploaded.length && `${r.uploaded.length} uploaded`,
    r.replaced.length && `${r.replaced.length} replaced`,
    r.deleted.length && `${r.deleted.length} deleted`,
    r.reordered && 'reordered',
    r.setDeleted && 'set deleted',
    r.failed.length && `${r.failed.length} failed`,
  ].filter(Boolean).join(', ');

export function logMedia(rows: MediaRow[], missing: string[], logger: Logger): void {
  logger.info(`Screenshots and previews: ${rows.length} set(s).`);
  for (const r of rows) logger.info(`  ${r.locale} ${r.kind} ${r.displayType}: ${counts(r) || 'unchanged'}`);
  for (const locale of missing) logger.warning(`${locale}: screenshots or previews in the repository, but the version has no ${locale} localization; nothing uploaded there.`);
}

export function writeMediaOutput(rows: MediaRow[], dryRun: boolean): void {
  const totals = { uploaded: 0, replaced: 0, deleted: 0, kept: 0, reordered: 0 };
  for (const r of rows) {
    totals.uploaded += r.uploaded.length;
    totals.replaced += r.replaced.length;
    totals.deleted += r.deleted.length;
    totals.kept += r.kept.length;
    totals.reordered += r.reordered ? 1 : 0;
  }
  setOutputs({ media: JSON.stringify({ dryRun, totals, sets: rows }) });
}

const cell = (names: string[]) => escapeHtml(names.join(', '));

export async function writeMediaSummary(rows: MediaRow[], missing: string[], dryRun: boolean): Promise<void> {
  summary.addHeading(`Screenshots and previews: ${dryRun ? 'plan (dry run)' : 'applied'}`, 3);
  if (rows.length === 0) summary.addRaw('<p>No screenshot or preview sets to sync.</p>', true);
  else {
    const header = ['Locale', 'Kind', 'Display type', 'Kept', 'Uploaded', 'Replaced', 'Deleted', 'Reordered', 'Failed'].map((h) => ({ data: h, header: true }));
    const body = rows.map((r) => [
      escapeHtml(r.locale), r.kind, escapeHtml(r.displayType), cell(r.kept), cell(r.uploaded), cell(r.replaced),
      r.setDeleted ? `${cell(r.deleted)} (set deleted)` : cell(r.deleted), r.reordered ? 'yes' : '', cell(r.failed),
    ]);
    summary.addTable([header, ...body]);
  }
  if (missing.length) summary.addRaw(`<p>No version localization for ${escapeHtml(missing.join(', '))}: media there was not uploaded.</p>`, true);
  await summary.write();
}
