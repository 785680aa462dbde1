import { actionsLogger, connect, readCommonInputs, runAction, systemClock, type ConnectDeps } from '@asc-actions/core';
import { resolveApp } from './read/app.js';
import { applyReplies } from './apply/apply.js';
import { handledIds } from './apply/handled.js';
import { readSettings } from './inputs.js';
import { plan } from './plan/plan.js';
import { readReviews } from './read/reviews.js';
import { countsOf, entriesOf } from './report/entries.js';
import { writeExport } from './report/export.js';
import { failIfIncomplete } from './report/failure.js';
import { notes } from './report/notes.js';
import { writeOutputs } from './report/outputs.js';
import { writeSummary } from './report/summary.js';
import { openMemory } from './read/last-run/memory.js';

/** Replying needs one of these roles (Admin can do everything). */
export const REQUIRED_ROLE = 'Customer Support, App Manager or Marketing';

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
      logger.info(
        `${read.reviews.length} review(s) read in ${read.pages} page(s); ${planned.items.length} matched; ${planned.replies.length} repl(ies) to send.`,
      );
      const applied = common.dryRun
        ? { results: [] }
        : await applyReplies(client, planned.replies, { overwrite: settings.overwriteExisting, logger });
      const entries = entriesOf(planned, applied.results, common.dryRun);
      const counts = countsOf(entries, planned.considered, planned.replies.length);
      writeOutputs(app.name, counts, entries, common.dryRun);
      if (settings.exportTo) writeExport(settings.exportTo, entries);
      const considered = read.reviews.filter((r) => !memory.window.done.has(r.id));
      const summaryNotes = notes(counts, settings.maxReplies, read.capped);
      await writeSummary({
        appName: app.name,
        dryRun: common.dryRun,
        window: memory.describe,
        pages: read.pages,
        read: read.reviews,
        counts,
        entries,
        notes: summaryNotes,
      });
      if (!common.dryRun) await memory.save(read.reviews, handledIds(planned, applied, considered), read.capped);
      failIfIncomplete(applied, counts, logger);
    },
    { requiredRole: REQUIRED_ROLE },
  );
}
