/** `dry-run: true`: what would be fetched (and under which cache key) and written; nothing is. */
import { setOutputs, type Logger } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import { describeReport } from '../read/fetch-report.js';
import type { ReportCache } from '../read/report-cache.js';

export function reportDryRun(settings: Settings, cache: ReportCache, logger: Logger): void {
  for (const date of settings.dates)
    logger.info(`would fetch ${describeReport(settings, date)} (cache key ${cache.key(date, settings.startVersion)})`);
  logger.info(
    `would write ${settings.outputPath} (${settings.outputFormat}); dry-run: nothing was fetched or written.`,
  );
  setOutputs({ status: 'dry-run', 'report-path': '', rows: 0 });
}
