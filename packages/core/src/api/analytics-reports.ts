/**
 * Analytics Reports: a report request per app (`ONGOING` or `ONE_TIME_SNAPSHOT`) → its reports
 * (about 150, by category and name) → each report's instances (per granularity and processing
 * date) → each instance's segments (pre-signed `.csv.gz` URLs with an MD5 checksum and size).
 *
 * Roles (Apple, "Downloading Analytics Reports"): only Admin can create or delete a request;
 * Admin, Sales and Reports, and Finance can list and download.
 */
import type { AscClient } from '../http/client.js';
import type { Query } from '../http/types.js';
import type {
  AnalyticsReport,
  AnalyticsReportInstance,
  AnalyticsReportRequest,
  AnalyticsReportSegment,
  AnalyticsReportRequestsCreateInstanceResponse,
} from './generated/index.js';

export type AnalyticsAccessType = 'ONGOING' | 'ONE_TIME_SNAPSHOT';
export type AnalyticsCategory = 'APP_USAGE' | 'APP_STORE_ENGAGEMENT' | 'COMMERCE' | 'FRAMEWORK_USAGE' | 'PERFORMANCE';
export type AnalyticsGranularity = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export const ANALYTICS_CATEGORIES: readonly AnalyticsCategory[] = [
  'APP_STORE_ENGAGEMENT',
  'COMMERCE',
  'APP_USAGE',
  'FRAMEWORK_USAGE',
  'PERFORMANCE',
];
export const ANALYTICS_GRANULARITIES: readonly AnalyticsGranularity[] = ['DAILY', 'WEEKLY', 'MONTHLY'];

async function all<T>(client: AscClient, path: string, query: Query): Promise<T[]> {
  const out: T[] = [];
  for await (const item of client.paginate<T>(path, { limit: 200, ...query })) out.push(item);
  return out;
}

/** The app's report requests of one access type. */
export function listAnalyticsReportRequests(
  client: AscClient,
  appId: string,
  accessType: AnalyticsAccessType,
): Promise<AnalyticsReportRequest[]> {
  return all(client, `/v1/apps/${encodeURIComponent(appId)}/analyticsReportRequests`, {
    'filter[accessType]': [accessType],
  });
}

/** Creates a report request (Admin only). Not retried: the caller re-reads before trying again. */
export async function createAnalyticsReportRequest(
  client: AscClient,
  appId: string,
  accessType: AnalyticsAccessType,
): Promise<AnalyticsReportRequest> {
  const body = {
    data: {
      type: 'analyticsReportRequests',
      attributes: { accessType },
      relationships: { app: { data: { type: 'apps', id: appId } } },
    },
  };
  const response = await client.post<AnalyticsReportRequestsCreateInstanceResponse>(
    '/v1/analyticsReportRequests',
    body,
  );
  return response.data.data;
}

/** A request's reports, narrowed to categories and/or exact names (every page). */
export function listAnalyticsReports(
  client: AscClient,
  requestId: string,
  filter: { categories?: readonly AnalyticsCategory[]; names?: readonly string[] } = {},
): Promise<AnalyticsReport[]> {
  return all(client, `/v1/analyticsReportRequests/${encodeURIComponent(requestId)}/reports`, {
    'filter[category]': filter.categories?.length ? filter.categories : undefined,
    'filter[name]': filter.names?.length ? filter.names : undefined,
  });
}

/** A report's instances of one granularity, optionally for given processing dates. */
export function listAnalyticsReportInstances(
  client: AscClient,
  reportId: string,
  granularity: AnalyticsGranularity,
  processingDates?: readonly string[],
): Promise<AnalyticsReportInstance[]> {
  return all(client, `/v1/analyticsReports/${encodeURIComponent(reportId)}/instances`, {
    'filter[granularity]': [granularity],
    'filter[processingDate]': processingDates?.length ? processingDates : undefined,
  });
}

/** An instance's segments: each a pre-signed URL (valid for minutes) with its MD5 and size. */
export function listAnalyticsReportSegments(client: AscClient, instanceId: string): Promise<AnalyticsReportSegment[]> {
  return all(client, `/v1/analyticsReportInstances/${encodeURIComponent(instanceId)}/segments`, {});
}
