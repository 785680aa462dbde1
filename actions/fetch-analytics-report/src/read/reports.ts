/**
 * The request's reports the workflow asked for, and their instances. Names are matched to
 * Apple's list case-insensitively; a category takes its Standard reports (Apple: "Download the
 * standard report unless you need the unique fields in the detailed report"), or all of the
 * category's reports where there is no Standard/Detailed pair.
 */
import {
  InputError,
  listAnalyticsReportInstances,
  ANALYTICS_CATEGORIES,
  listAnalyticsReports,
  type AnalyticsGranularity,
  type AscClient,
} from '@asc-actions/core';
import { normalName, suggestReport } from '../catalog.js';
import type { InstanceInfo, ReportInfo, ReportWanted } from '../model.js';

const info = (r: { id: string; attributes?: { name?: string; category?: string } }): ReportInfo => ({
  id: r.id,
  name: r.attributes?.name ?? r.id,
  category: (r.attributes?.category ?? 'APP_USAGE') as ReportInfo['category'],
});

export async function wantedReports(
  client: AscClient,
  requestId: string,
  wanted: ReportWanted[],
): Promise<ReportInfo[]> {
  const categories = [...new Set(wanted.flatMap((w) => (w.kind === 'category' ? [w.category] : [])))];
  const names = wanted.flatMap((w) => (w.kind === 'name' ? [w.name] : []));
  // One listing when only categories are asked for; every report otherwise (names may be of any category).
  const listed = (await listAnalyticsReports(client, requestId, names.length ? {} : { categories })).map(info);
  const out: ReportInfo[] = [];
  for (const w of wanted) {
    if (w.kind === 'name') {
      const match = listed.find((r) => normalName(r.name) === normalName(w.name));
      if (!match) {
        const near = suggestReport(
          w.name,
          listed.map((r) => r.name),
        );
        throw new InputError(
          `Input "report": Apple lists no report ${JSON.stringify(w.name)} for this app${near ? `. Did you mean "${near}"?` : `. Give Apple's report names (such as "App Store Discovery and Engagement Standard") or a category: ${ANALYTICS_CATEGORIES.join(', ')}.`}`,
          { input: 'report' },
        );
      }
      out.push(match);
      continue;
    }
    const inCategory = listed.filter((r) => r.category === w.category);
    const standard = inCategory.filter(
      (r) =>
        !(
          / Detailed$/i.test(r.name) &&
          inCategory.some((s) => normalName(s.name) === normalName(r.name.replace(/ Detailed$/i, ' Standard')))
        ),
    );
    out.push(...standard);
  }
  return out.filter((r, i) => out.findIndex((x) => x.id === r.id) === i);
}

/** Instances of the granularity whose processing date is within [from, to] (all when unset), oldest first. */
export async function reportInstances(
  client: AscClient,
  reportId: string,
  granularity: AnalyticsGranularity,
  from?: string,
  to?: string,
): Promise<InstanceInfo[]> {
  const dates = from && from === to ? [from] : undefined;
  const listed = await listAnalyticsReportInstances(client, reportId, granularity, dates);
  return listed
    .map((i) => ({
      id: i.id,
      processingDate: i.attributes?.processingDate ?? '',
      granularity: i.attributes?.granularity ?? granularity,
    }))
    .filter(
      (i) =>
        /^\d{4}-\d{2}-\d{2}$/.test(i.processingDate) &&
        (!from || i.processingDate >= from) &&
        (!to || i.processingDate <= to),
    )
    .sort((a, b) =>
      a.processingDate < b.processingDate ? -1 : a.processingDate > b.processingDate ? 1 : a.id < b.id ? -1 : 1,
    );
}
