/**
 * Pricing and availability, read for App Review readiness (nothing here writes: prices and
 * territories are set on App Store Connect's Pricing and Availability page). Each answer costs
 * one request in the common case: the schedule with at most one manual price included, the
 * availability with up to 50 territories included; only when none of those 50 is available and
 * Apple lists more are the rest paged (200 a page) until one is.
 *
 * An app never priced or made available: Apple answers 404, or 200 with `data: null` (public
 * clients report both; see the emulator's resources/pricing/): both read as "none".
 */
import { NotFoundError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import { linkedIds } from './documents.js';
import type { AppAvailabilityV2Response, AppPriceScheduleResponse, TerritoryAvailability } from './generated/index.js';

async function orNone<T>(read: Promise<{ data: { data?: T | null } }>): Promise<T | undefined> {
  try {
    return (await read).data.data ?? undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/** Whether the app has a price schedule holding a manual price (a free app's price is a price too). */
export async function hasAppPrice(client: AscClient, appId: string): Promise<boolean> {
  const schedule = await orNone(
    client.get<AppPriceScheduleResponse>(`/v1/apps/${encodeURIComponent(appId)}/appPriceSchedule`, {
      include: ['manualPrices'],
      'fields[appPriceSchedules]': ['manualPrices'],
      'fields[appPrices]': ['manual'],
      'limit[manualPrices]': 1,
    }),
  );
  return schedule !== undefined && linkedIds(schedule.relationships?.manualPrices).length > 0;
}

export type AppAvailabilitySummary =
  | { kind: 'none' }
  /** `available`: whether at least one territory is available. */
  | { kind: 'set'; available: boolean };

const isAvailable = (item: unknown): boolean =>
  (item as TerritoryAvailability).type === 'territoryAvailabilities' &&
  (item as TerritoryAvailability).attributes?.available === true;

/** Whether the app has availability set, and whether it is available in at least one territory. */
export async function readAppAvailability(client: AscClient, appId: string): Promise<AppAvailabilitySummary> {
  let doc: AppAvailabilityV2Response | undefined;
  try {
    doc = (
      await client.get<AppAvailabilityV2Response>(`/v1/apps/${encodeURIComponent(appId)}/appAvailabilityV2`, {
        include: ['territoryAvailabilities'],
        'fields[appAvailabilities]': ['territoryAvailabilities'],
        'fields[territoryAvailabilities]': ['available'],
        'limit[territoryAvailabilities]': 50,
      })
    ).data;
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: 'none' };
    throw error;
  }
  const availability = doc?.data ?? undefined;
  if (!availability) return { kind: 'none' };
  const included: unknown[] = doc.included ?? [];
  if (included.some(isAvailable)) return { kind: 'set', available: true };
  const rel = availability.relationships?.territoryAvailabilities;
  const total = rel?.meta?.paging?.total;
  if (total === undefined || total <= linkedIds(rel).length) return { kind: 'set', available: false };
  const path = `/v2/appAvailabilities/${encodeURIComponent(availability.id)}/territoryAvailabilities`;
  for await (const page of client.paginatePages<TerritoryAvailability>(path, {
    'fields[territoryAvailabilities]': ['available'],
    limit: 200,
  }))
    if ((page.data ?? []).some(isAvailable)) return { kind: 'set', available: true };
  return { kind: 'set', available: false };
}
