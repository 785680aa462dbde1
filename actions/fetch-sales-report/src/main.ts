import {
  actionsCache,
  actionsLogger,
  annotate,
  AscError,
  connect,
  readCommonInputs,
  runAction,
  setOutputs,
  systemClock,
  type CacheStore,
  type ConnectDeps,
  type Logger,
} from '@asc-actions/core';
import { fetchAll } from './read/fetch-all.js';
import { describeReport, VersionState, type Outcome } from './read/fetch-report.js';
import { ReportCache } from './read/report-cache.js';
import { readOptions, type Options } from './inputs.js';
import { processReports } from './report/export.js';
import { buildSummary } from './report/summary.js';
import { writeJobSummary } from './report/job-summary.js';

export interface RunDeps extends ConnectDeps {
  /** Default: the Actions cache (`actionsCache`), when `cache` is true. */
  cache?: CacheStore;
  /** Between two asks for a report that is not out yet (default 10 minutes). */
  pollMs?: number;
}

const POLL_MS = 10 * 60_000;

/** A report the workflow asked to fail on (`fail-if-missing: true`). */
export class MissingReportError extends AscError {}

function missingText(outcomes: Outcome[], options: Options): string {
  return outcomes
    .filter((o) => o.state !== 'available')
    .map(
      (o) =>
        `${describeReport(options, o.date)}: ${o.state === 'no-sales' ? 'no sales (Apple: "There were no sales for the date specified")' : 'not published yet'}`,
    )
    .join('; ');
}

function dryRun(options: Options, cache: ReportCache, logger: Logger): void {
  for (const date of options.dates)
    logger.info(`would fetch ${describeReport(options, date)} (cache key ${cache.key(date, options.startVersion)})`);
  logger.info(`would write ${options.outputPath} (${options.outputFormat}); dry-run: nothing was fetched or written.`);
  setOutputs({ status: 'dry-run', 'report-path': '', rows: 0 });
}

/** Wiring only: inputs → fetch (cache first) → parse into totals and the output file → outputs and job summary. */
export async function run(deps: RunDeps = {}): Promise<void> {
  await runAction(
    'fetch-sales-report',
    async () => {
      const common = readCommonInputs();
      const clock = deps.clock ?? systemClock;
      const logger = deps.logger ?? actionsLogger();
      const options = readOptions(clock.now());
      const cache = new ReportCache(options, options.cache ? (deps.cache ?? actionsCache(logger)) : undefined);
      if (common.dryRun) return dryRun(options, cache, logger);
      const { client } = connect(common, { ...deps, clock, logger });
      const version = new VersionState(options.startVersion, options.version !== 'auto');
      const waitUntil = options.waitMs > 0 ? clock.now() + options.waitMs : undefined;
      const fetched = await fetchAll(
        { client, clock, logger, settings: options, version, waitUntil, pollMs: deps.pollMs ?? POLL_MS },
        cache,
        options.dates,
      );
      const missing = missingText(fetched.outcomes, options);
      if (missing && options.failIfMissing)
        throw new MissingReportError(`Missing reports (fail-if-missing is true): ${missing}.`);
      if (missing) annotate('notice', missing);
      const processed = await processReports(fetched.outcomes, options, true);
      const result = buildSummary(options, fetched.outcomes, processed, version.switches);
      logger.info(
        `${processed.rows} row(s) from ${fetched.outcomes.length} report date(s): ${fetched.cacheHits} from the cache, ${client.stats.sent} request(s) to Apple.`,
      );
      setOutputs({
        status: result.status,
        'report-path': processed.path ?? '',
        rows: processed.rows,
        version: result.version ?? '',
        summary: JSON.stringify(result),
      });
      await writeJobSummary(result, { path: processed.path, format: options.outputFormat });
    },
    { requiredRole: 'Sales (Finance for FINANCIAL and FINANCE_DETAIL reports)' },
  );
}
