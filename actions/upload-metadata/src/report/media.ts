/** Screenshots and previews in the log, the `media` output and the job summary, per locale and display type. */
import { escapeHtml, setOutputs, summary, type Logger } from '@asc-actions/core';
import type { MediaSetResult } from '../apply/media/apply-media.js';
import type { MediaPlan, MediaSetPlan } from '../model/media.js';

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
    failed: [
      ...(result?.error ? [result.error] : []),
      ...(result?.uploaded.filter((u) => u.error).map((u) => `${u.fileName}: ${u.error}`) ?? []),
    ],
  };
}

export function mediaRows(plan: MediaPlan, results?: MediaSetResult[]): MediaRow[] {
  return plan.sets.map((set) =>
    rowOf(
      set,
      results?.find((r) => r.set === set),
    ),
  );
}

/** Column and log words: a dry run says what it would do, never what it did. */
const WORDS = {
  done: {
    uploaded: 'uploaded',
    replaced: 'replaced',
    deleted: 'deleted',
    reordered: 'reordered',
    setDeleted: 'set deleted',
  },
  planned: {
    uploaded: 'would upload',
    replaced: 'would replace',
    deleted: 'would delete',
    reordered: 'would reorder',
    setDeleted: 'would delete the set',
  },
};

const counts = (r: MediaRow, dryRun: boolean) => {
  const w = dryRun ? WORDS.planned : WORDS.done;
  const n = (count: number, word: string) => count && (dryRun ? `${word} ${count}` : `${count} ${word}`);
  return [
    r.kept.length && `${r.kept.length} kept`,
    n(r.uploaded.length, w.uploaded),
    n(r.replaced.length, w.replaced),
    n(r.deleted.length, w.deleted),
    r.reordered && w.reordered,
    r.setDeleted && w.setDeleted,
    r.failed.length && `${r.failed.length} failed`,
  ]
    .filter(Boolean)
    .join(', ');
};

export function logMedia(rows: MediaRow[], missing: string[], logger: Logger, dryRun: boolean): void {
  logger.info(`Screenshots and previews${dryRun ? ' (dry run: nothing is sent)' : ''}: ${rows.length} set(s).`);
  for (const r of rows) logger.info(`  ${r.locale} ${r.kind} ${r.displayType}: ${counts(r, dryRun) || 'unchanged'}`);
  for (const locale of missing)
    logger.warning(
      `${locale}: screenshots or previews in the repository, but the version has no ${locale} localization; nothing ${dryRun ? 'would be' : 'was'} uploaded there.`,
    );
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
    const w = dryRun ? WORDS.planned : WORDS.done;
    const title = (word: string) => word[0]!.toUpperCase() + word.slice(1);
    const header = [
      'Locale',
      'Kind',
      'Display type',
      'Kept',
      title(w.uploaded),
      title(w.replaced),
      title(w.deleted),
      title(w.reordered),
      'Failed',
    ].map((h) => ({ data: h, header: true }));
    const body = rows.map((r) => [
      escapeHtml(r.locale),
      r.kind,
      escapeHtml(r.displayType),
      cell(r.kept),
      cell(r.uploaded),
      cell(r.replaced),
      r.setDeleted ? `${cell(r.deleted)} (${w.setDeleted})` : cell(r.deleted),
      r.reordered ? 'yes' : '',
      cell(r.failed),
    ]);
    summary.addTable([header, ...body]);
  }
  if (missing.length)
    summary.addRaw(
      `<p>No version localization for ${escapeHtml(missing.join(', '))}: media there ${dryRun ? 'would not be' : 'was not'} uploaded.</p>`,
      true,
    );
  await summary.write();
}
