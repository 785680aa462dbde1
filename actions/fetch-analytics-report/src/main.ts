/** Wiring only: inputs → app and report request → reports and instances → fetch (cache first) → output files → outputs and job summary. */
import { join } from 'node:path';
import {
  actionsCache,
  actionsLogger,
  connect,
  readCommonInputs,
  runAction,
  systemClock,
  type CacheStore,
  type ConnectDeps,
  type Logger,
} from '@asc-actions/core';
import { createRequest } from './apply/create-request.js';
import { fetchMissing } from './apply/fetch-instances.js';
import { commit, discard, writeReport, type PendingFile } from './apply/write-output.js';
import { readSettings } from './inputs.js';
import type { ReportOutcome, Settings } from './model.js';
import { planRequest } from './plan/request-step.js';
import { pickWinners, unionColumns, winningInstances } from './plan/winners.js';
import { resolveAppId } from './read/app.js';
import { wantedReports, reportInstances } from './read/reports.js';
import { granularityWarning } from './read/granularity-check.js';
import { findRequests } from './read/request.js';
import { SegmentCache } from './read/segment-cache.js';
import { Funnel } from './report/funnel.js';
import { writeJobSummary } from './report/job-summary.js';
import { writeOutputs } from './report/outputs.js';
import { buildSummary } from './report/summary.js';

export interface RunDeps extends ConnectDeps {
  /** Default: the Actions cache, when `cache` is true. */
  cache?: CacheStore;
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const appLabel = (s: Settings, appId: string): string => (s.app === appId ? appId : `${s.app} (${appId})`);
const targetOf = (s: Settings, name: string): string =>
  s.outputIsFile ? s.outputPath : join(s.outputPath, `${slug(name)}.${s.outputFormat}`);

async function firstRun(
  client: Parameters<typeof createRequest>[0],
  s: Settings,
  appId: string,
  replacing: string[],
  logger: Logger,
): Promise<void> {
  const accessType = s.snapshot ? 'ONE_TIME_SNAPSHOT' : 'ONGOING';
  const notes = replacing.length
    ? [
        `Apple stopped the previous ${accessType} request for inactivity (stoppedDueToInactivity); a new one replaces it.`,
      ]
    : [];
  for (const note of notes) logger.warning(note);
  if (s.dryRun) {
    logger.info(
      `dry-run: would create an ${accessType} analytics report request for app ${appId}; nothing was created or written.`,
    );
    return writeOutputs({ state: 'dry-run' }, '', 0, 0);
  }
  const id = await createRequest(client, appId, accessType);
  logger.info(
    `Created the ${accessType} analytics report request ${id} for app ${appId}. Apple needs a day or more (24–48 hours) to produce the first reports; the next run fetches them.`,
  );
  const summary = buildSummary('requested', appLabel(s, appId), s.granularity, [], new Funnel(), notes);
  writeOutputs(summary, '', 0, 0);
  await writeJobSummary(summary, []);
}

export async function run(deps: RunDeps = {}): Promise<void> {
  await runAction(
    'fetch-analytics-report',
    async () => {
      const common = readCommonInputs();
      const clock = deps.clock ?? systemClock;
      const logger = deps.logger ?? actionsLogger();
      const s = readSettings(clock.now(), common.dryRun);
      const { client } = connect(common, { ...deps, clock, logger });
      const appId = await resolveAppId(client, s.app);
      const step = planRequest(await findRequests(client, appId, s.snapshot ? 'ONE_TIME_SNAPSHOT' : 'ONGOING'));
      if (step.kind === 'create') return firstRun(client, s, appId, step.replacing, logger);
      const store = s.cache ? (deps.cache ?? actionsCache(logger)) : undefined;
      const funnel = new Funnel();
      const outcomes: ReportOutcome[] = [];
      const pending: PendingFile[] = [];
      const caches: Array<{ cache: SegmentCache; listed: string[] }> = [];
      try {
        for (const report of await wantedReports(client, step.id, s.reports)) {
          const instances = await reportInstances(client, report.id, s.granularity, s.from, s.to);
          const granularity = instances.length ? undefined : await granularityWarning(client, report, s.granularity);
          if (granularity) logger.warning(granularity);
          const cache = new SegmentCache(appId, report, s.granularity, store);
          await cache.restore();
          const fromCache = instances.filter((i) => cache.instances.has(i.id)).length;
          if (s.dryRun) {
            logger.info(
              `dry-run: ${report.name}: ${instances.length} instance(s), ${instances.length - fromCache} to download, ${fromCache} in the cache.`,
            );
            continue;
          }
          const downloaded = await fetchMissing(client, report, instances, cache);
          const fetched = instances.map((i) => cache.instances.get(i.id)!);
          const winners = pickWinners(fetched);
          const columns = unionColumns(fetched);
          const outcome: ReportOutcome = {
            report,
            state: fetched.length ? 'available' : 'not-available-yet',
            instances: fetched,
            winners,
            downloaded,
            fromCache,
            rows: 0,
            columns,
            missingColumns: [],
          };
          if (fetched.length) {
            const file = await writeReport(
              targetOf(s, report.name),
              s.outputFormat,
              report.name,
              winningInstances(fetched, winners),
              winners,
              columns,
              (f) => cache.path(f),
              funnel,
            );
            pending.push(file);
            outcome.path = file.target;
            outcome.rows = file.rows;
          }
          outcomes.push(outcome);
          caches.push({ cache, listed: instances.map((i) => i.id) });
        }
        if (s.dryRun) return writeOutputs({ state: 'dry-run' }, '', 0, 0);
        commit(pending);
      } catch (error) {
        discard(pending);
        throw error;
      }
      for (const { cache, listed } of caches) await cache.save(listed);
      const state = outcomes.some((o) => o.state === 'available') ? 'available' : 'not-available-yet';
      const summary = buildSummary(state, appLabel(s, appId), s.granularity, outcomes, funnel, []);
      const paths = pending.map((p) => p.target);
      const rows = outcomes.reduce((a, o) => a + o.rows, 0);
      const instances = outcomes.reduce((a, o) => a + o.instances.length, 0);
      const downloads = outcomes.reduce((a, o) => a + o.downloaded, 0);
      logger.info(
        `${state}: ${rows} row(s) from ${instances} instance(s); ${downloads} segment(s) downloaded, ${client.stats.sent} request(s) in all.`,
      );
      writeOutputs(summary, paths.length === 1 ? paths[0]! : paths.length ? s.outputPath : '', rows, instances);
      await writeJobSummary(summary, paths);
    },
    { requiredRole: 'Sales and Reports or Finance (Admin for the first run, which creates the report request)' },
  );
}
