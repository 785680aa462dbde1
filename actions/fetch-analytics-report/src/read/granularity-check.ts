/**
 * Granularity for a report this action does not know by name (catalog.ts checks the known ones
 * at input time): Apple makes some reports daily only (every FRAMEWORK_USAGE page Apple's
 * documentation has reads "Daily"), and asking one for WEEKLY lists no instance, run after run.
 * When a report has none of the wanted granularity at any date but has others over a span long
 * enough that one would have come out (two weeks of daily instances for WEEKLY, about two months
 * for MONTHLY: a new request's first weekly instance follows its first daily ones by a week), the
 * run says so and names what to ask for, instead of reporting `not-available-yet` forever.
 */
import {
  ANALYTICS_GRANULARITIES,
  listAnalyticsReportInstances,
  type AnalyticsGranularity,
  type AscClient,
} from '@asc-actions/core';
import { knownReport } from '../catalog.js';
import type { ReportInfo } from '../model.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** How many days of other instances make a missing granularity telling. */
const ENOUGH_DAYS: Record<AnalyticsGranularity, number> = { DAILY: 0, WEEKLY: 14, MONTHLY: 62 };

/** The warning to show, or undefined (a known report, instances of the wanted granularity exist, or none at all). */
export async function granularityWarning(
  client: AscClient,
  report: ReportInfo,
  wanted: AnalyticsGranularity,
): Promise<string | undefined> {
  if (knownReport(report.name)) return undefined;
  const listed = await Promise.all(
    ANALYTICS_GRANULARITIES.map(async (g) => ({
      g,
      instances: await listAnalyticsReportInstances(client, report.id, g),
    })),
  );
  if (listed.find((l) => l.g === wanted)!.instances.length > 0) return undefined;
  const made = listed
    .map(({ g, instances }) => {
      const dates = instances
        .map((i) => i.attributes?.processingDate ?? '')
        .filter((d) => DATE.test(d))
        .sort();
      return { g, count: dates.length, oldest: dates[0] ?? '', newest: dates.at(-1) ?? '' };
    })
    .filter((l) => l.count > 0);
  const spanDays = Math.max(0, ...made.map((l) => (Date.parse(l.newest) - Date.parse(l.oldest)) / 86_400_000));
  if (made.length === 0 || spanDays < ENOUGH_DAYS[wanted]) return undefined;
  const what = made.map((l) => `${l.count} ${l.g} (${l.oldest} to ${l.newest})`).join(' and ');
  return `${report.name}: Apple has ${what} instance(s) of this report and no ${wanted} one at any date, so it probably does not make this report ${wanted.toLowerCase()}. Set granularity: ${made[0]!.g} to fetch it.`;
}
