import {
  actionsCache,
  actionsLogger,
  connect,
  readCommonInputs,
  runAction,
  systemClock,
  type CacheStore,
  type ConnectDeps,
} from '@asc-actions/core';
import { readSettings } from './inputs.js';
import { fetchAll } from './read/fetch-all.js';
import { VersionState } from './read/fetch-report.js';
import { ReportCache } from './read/report-cache.js';
import { reportDryRun } from './report/dry-run.js';
import { processReports } from './report/export.js';
import { reportMissing } from './report/failure.js';
import { writeJobSummary } from './report/job-summary.js';
import { writeOutputs } from './report/outputs.js';
import { buildSummary } from './report/summary.js';

export interface RunDeps extends ConnectDeps {
  /** Default: the Actions cache (`actionsCache`), when `cache` is true. */
  cache?: CacheStore;
  /** Between two asks for a report that is not out yet (default 10 minutes). */
  pollMs?: number;
}

const POLL_MS = 10 * 60_000;

/** Wiring only: inputs → read (cache first, then Apple) → parse into totals and the export → outputs and job summary. */
export async function run(deps: RunDeps = {}): Promise<void> {
  await runAction(
    'fetch-sales-report',
    async () => {
      const common = readCommonInputs();
      const clock = deps.clock ?? systemClock;
      const logger = deps.logger ?? actionsLogger();
      const settings = readSettings(clock.now());
      const cache = new ReportCache(settings, settings.cache ? (deps.cache ?? actionsCache(logger)) : undefined);
      if (common.dryRun) return reportDryRun(settings, cache, logger);
      const { client } = connect(common, { ...deps, clock, logger });
      const version = new VersionState(settings.startVersion, settings.version !== 'auto');
      const waitUntil = settings.waitMs > 0 ? clock.now() + settings.waitMs : undefined;
      const fetched = await fetchAll(
        { client, clock, logger, settings, version, waitUntil, pollMs: deps.pollMs ?? POLL_MS },
        cache,
        settings.dates,
      );
      reportMissing(fetched.outcomes, settings);
      const processed = await processReports(fetched.outcomes, settings, true);
      const result = buildSummary(settings, fetched.outcomes, processed, version.switches);
      logger.info(
        `${processed.rows} row(s) from ${fetched.outcomes.length} report date(s): ${fetched.cacheHits} from the cache, ${client.stats.sent} request(s) to Apple.`,
      );
      writeOutputs(result, processed);
      await writeJobSummary(result, { path: processed.path, format: settings.outputFormat });
    },
    { requiredRole: 'Sales (Finance for FINANCIAL and FINANCE_DETAIL reports)' },
  );
}
