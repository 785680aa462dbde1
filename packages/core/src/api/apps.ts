/** Apps: `GET /v1/apps`, `GET /v1/apps/{id}`. */
import { NotFoundError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import type { App, AppsGetCollectionQuery, AppsGetInstanceQuery, AppsGetInstanceResponse } from './generated/index.js';

export interface ListOptions {
  /** Stop after this many items (the caller's cap on pagination). */
  maxItems?: number;
}

/** Every app the key can see that matches `query` (`limit` defaults to the maximum, 200). */
export async function listApps(
  client: AscClient,
  query: AppsGetCollectionQuery = {},
  options: ListOptions = {},
): Promise<App[]> {
  const apps: App[] = [];
  for await (const app of client.paginate<App>('/v1/apps', { limit: 200, ...query }, options)) apps.push(app);
  return apps;
}

export async function getApp(client: AscClient, id: string, query: AppsGetInstanceQuery = {}): Promise<App> {
  const response = await client.get<AppsGetInstanceResponse>(`/v1/apps/${encodeURIComponent(id)}`, query);
  return response.data.data;
}

/** Apple's app ids are numeric (the "Apple ID" on the app's page); anything else is a bundle id. */
export function isAppId(value: string): boolean {
  return /^\d+$/.test(value);
}

/**
 * The app with this Apple ID or bundle ID, or undefined when the key sees no such app.
 * The bundle id is compared exactly: the filter is matched again here rather than trusting
 * the server's matching rules.
 */
export async function findApp(client: AscClient, idOrBundleId: string): Promise<App | undefined> {
  const wanted = idOrBundleId.trim();
  if (isAppId(wanted)) {
    try {
      return await getApp(client, wanted);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
  const apps = await listApps(client, { 'filter[bundleId]': [wanted] });
  return apps.find((app) => app.attributes?.bundleId === wanted);
}
