/** The app's report requests of the access type this run uses. */
import { listAnalyticsReportRequests, type AnalyticsAccessType, type AscClient } from '@asc-actions/core';

export interface FoundRequests {
  /** The request that is producing reports (not stopped), if any. */
  active?: string;
  /** Requests Apple stopped for inactivity. */
  stopped: string[];
}

export async function findRequests(
  client: AscClient,
  appId: string,
  accessType: AnalyticsAccessType,
): Promise<FoundRequests> {
  const requests = await listAnalyticsReportRequests(client, appId, accessType);
  const mine = requests.filter((r) => (r.attributes?.accessType ?? accessType) === accessType);
  return {
    active: mine.find((r) => r.attributes?.stoppedDueToInactivity !== true)?.id,
    stopped: mine.filter((r) => r.attributes?.stoppedDueToInactivity === true).map((r) => r.id),
  };
}
