import type { AscClient, Logger } from '@asc-actions/core';
import type { CheckResult } from '../model.js';

interface AppsPage {
  data: Array<{ id: string; attributes?: { name?: string; bundleId?: string } }>;
  meta?: { paging?: { total?: number } };
}

/** Skews above this are reported: tokens are backdated 60 s, so more than that can fail auth. */
const SKEW_WARNING_SECONDS = 60;

/** One authenticated read proves the key id, issuer id, key and clock all work. */
export async function checkCredentials(
  client: AscClient,
  options: { keyType: 'team' | 'individual'; now: () => number; logger?: Logger },
): Promise<CheckResult> {
  const sentAt = options.now();
  const res = await client.get<AppsPage>('/v1/apps', { limit: 1, 'fields[apps]': ['name', 'bundleId'] });
  const receivedAt = options.now();
  const first = res.data.data[0];
  const result: CheckResult = {
    keyType: options.keyType,
    appsVisible: res.data.meta?.paging?.total ?? res.data.data.length,
    firstApp: first ? { id: first.id, name: first.attributes?.name, bundleId: first.attributes?.bundleId } : undefined,
    rateLimit: { limit: client.rateLimit.limit, remaining: client.rateLimit.remaining },
    clockSkewSeconds: clockSkew(res.headers.get('date'), (sentAt + receivedAt) / 2),
    warnings: [],
  };
  if (result.clockSkewSeconds !== undefined && Math.abs(result.clockSkewSeconds) > SKEW_WARNING_SECONDS) {
    result.warnings.push(
      `The runner's clock is ${result.clockSkewSeconds} s off the API's clock; tokens may be refused. Sync the clock (NTP) on self-hosted runners.`,
    );
  }
  if (result.appsVisible === 0)
    result.warnings.push("The key works but sees no apps: check the key's app access in Users and Access.");
  if (
    result.rateLimit.remaining !== undefined &&
    result.rateLimit.limit &&
    result.rateLimit.remaining < result.rateLimit.limit * 0.1
  ) {
    result.warnings.push(
      `Only ${result.rateLimit.remaining} of ${result.rateLimit.limit} requests are left this hour.`,
    );
  }
  for (const w of result.warnings) options.logger?.warning(w);
  return result;
}

/** HTTP dates have one-second resolution, so the skew is rounded to whole seconds. */
function clockSkew(dateHeader: string | null, localMs: number): number | undefined {
  if (!dateHeader) return undefined;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return undefined;
  return Math.round((localMs - server) / 1000);
}
