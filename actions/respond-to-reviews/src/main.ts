import { AscError, actionsLogger, connect, readCommonInputs, runAction, systemClock, type ConnectDeps, type Logger } from '@asc-actions/core';
import { resolveApp } from './app.js';
import { applyReplies, type ApplyResult } from './apply.js';
import { readSettings } from './inputs.js';
import { plan, type Plan } from './plan.js';
import { readReviews } from './read.js';
import { countsOf, entriesOf, type Counts } from './report/entries.js';
import { writeExport } from './report/export.js';
import { writeOutputs } from './report/outputs.js';
import { writeSummary } from './report/summary.js';
import { openMemory } from './state/memory.js';

/** Replying needs one of these roles (Admin can do everything). */
export const REQUIRED_ROLE = 'Customer Support, App Manager or Marketing';

/** Reviews decided for good: everything considered except what waits for a later run. */
function handledIds(p: Plan, applied: ApplyResult, considered: readonly { id: string }[]): Set<string> {
  const open = new Set([
    ...p.items.filter((i) => i.action === 'deferred').map((i) => i.review.id),
    ...applied.results.filter((r) => r.outcome === 'failed' || r.outcome === 'not-attempted').map((r) => r.item.review.id),
  ]);
  return new Set(considered.map((r) => r.id).filter((id) => !open.has(id)));
}

function notes(counts: Counts, maxReplies: number, capped: boolean): string[] {
  const out: string[] = [];
  if (counts.deferred > 0) out.push(`${counts.deferred} matched review(s) wait for a later run: max-replies is ${maxReplies}.`);
  if (counts.failed > 0) out.push(`${counts.failed} reply(ies) were not sent or not confirmed; the next run checks those reviews again before answering.`);
  if (capped) out.push('Reading stopped at the page cap; older reviews are left for a later run.');
  return out;
}

function finish(applied: ApplyResult, counts: Counts, logger: Logger): void {
  if (applied.stopped !== undefined) {
    logger.warning(`Stopped after ${counts.replied} of ${counts.planned} replies; the others were not sent (see the job summary).`);
    throw applied.stopped;
  }
  if (counts.failed > 0) throw new AscError(`${counts.failed} of ${counts.planned} replies failed or could not be confirmed (see the job summary); the next run checks them again.`);
}

/** Wiring: inputs → app → window → read → plan → apply (unless dry-run) → outputs, summary, export, state. */
export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction(
    'respond-to-reviews',
    async () => {
      const common = readCommonInputs();
      const now = (deps.clock ?? systemClock).now();
      const settings = readSettings({ now, workspace: process.env.GITHUB_WORKSPACE || process.cwd() });
      const logger = deps.logger ?? actionsLogger();
      const { client } = connect(common, { ...deps, logger });
      const app = await resolveApp(client, settings.app);
      const memory = await openMemory({ settings, appId: app.id, env: process.env, now, logger });
      const read = await readReviews(client, app.id, settings, memory.window.fromMs, logger);
      const planned = plan(read.reviews, { ...settings, now, appName: app.name, done: memory.window.done });
      logger.info(`${read.reviews.length} review(s) read in ${read.pages} page(s); ${planned.items.length} matched; ${planned.replies.length} repl(ies) to send.`);
      const applied = common.dryRun ? { results: [] } : await applyReplies(client, planned.replies, { overwrite: settings.overwriteExisting, logger });
      const entries = entriesOf(planned, applied.results, common.dryRun);
      const counts = countsOf(entries, planned.considered, planned.replies.length);
      writeOutputs(app.name, counts, entries, common.dryRun);
      if (settings.exportTo) writeExport(settings.exportTo, entries);
      const considered = read.reviews.filter((r) => !memory.window.done.has(r.id));
      const summaryNotes = notes(counts, settings.maxReplies, read.capped);
      await writeSummary({ appName: app.name, dryRun: common.dryRun, window: memory.describe, pages: read.pages, read: read.reviews, counts, entries, notes: summaryNotes });
      if (!common.dryRun) await memory.save(read.reviews, handledIds(planned, applied, considered), read.capped);
      finish(applied, counts, logger);
    },
    { requiredRole: REQUIRED_ROLE },
  );
}
