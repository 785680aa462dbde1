/**
 * Seeding an app's price schedule and availability. An app without a `pricing` entry has
 * neither, as a new app in App Store Connect has neither until its Pricing and Availability page
 * is filled in.
 */
import type { EmulatorState } from '../../store/state.js';
import type { Linkage, Seed } from '../../types.js';
import { findAppRecord } from '../testflight/upload.js';

export type { SeedPricing } from './seed-types.js';

/** Territory codes (Apple's TerritoryCode, ISO 3166 alpha-3), the emulator's own short list. */
// prettier-ignore
export const SOME_TERRITORIES = [
  'USA', 'GBR', 'DEU', 'FRA', 'JPN', 'CAN', 'AUS', 'ITA', 'ESP', 'NLD', 'SWE', 'NOR', 'DNK', 'FIN', 'CHE',
  'AUT', 'BEL', 'IRL', 'PRT', 'POL', 'CZE', 'HUN', 'GRC', 'TUR', 'ISR', 'ARE', 'SAU', 'IND', 'CHN', 'HKG',
  'TWN', 'KOR', 'SGP', 'MYS', 'THA', 'VNM', 'IDN', 'PHL', 'NZL', 'MEX', 'BRA', 'ARG', 'CHL', 'COL', 'PER',
  'ZAF', 'EGY', 'NGA', 'KEN', 'MAR', 'UKR', 'ROU', 'BGR', 'HRV', 'SVN', 'SVK', 'LTU', 'LVA', 'EST', 'ISL',
] as const;

export function seedPricing(state: EmulatorState, seed: Seed): void {
  for (const p of seed.pricing ?? []) {
    const app = findAppRecord(state, p.app);
    const base = p.baseTerritory ?? 'USA';
    if (p.price !== false) {
      const price = state.create('appPrices', {
        attributes: { manual: true, startDate: undefined, endDate: undefined },
        relationships: {
          appPricePoint: { type: 'appPricePoints', id: `${app.id}-${base}-0` },
          territory: { type: 'territories', id: base },
        },
      });
      state.create('appPriceSchedules', {
        id: app.id,
        relationships: {
          app: { type: 'apps', id: app.id },
          baseTerritory: { type: 'territories', id: base },
          manualPrices: [{ type: 'appPrices', id: price.id }],
          automaticPrices: [],
        },
      });
    }
    if (p.availability === false) continue;
    const rows: Array<[string, boolean]> = [
      ...(p.unavailable ?? []).map((t): [string, boolean] => [t, false]),
      ...(p.available ?? ['USA']).map((t): [string, boolean] => [t, true]),
    ];
    const links: Linkage[] = rows.map(([territory, available]) => {
      const record = state.create('territoryAvailabilities', {
        attributes: {
          available,
          preOrderEnabled: false,
          contentStatuses: [available ? 'AVAILABLE' : 'CANNOT_SELL'],
        },
        relationships: { territory: { type: 'territories', id: territory } },
      });
      return { type: 'territoryAvailabilities', id: record.id };
    });
    state.create('appAvailabilities', {
      id: app.id,
      attributes: { availableInNewTerritories: p.availableInNewTerritories ?? false },
      relationships: { app: { type: 'apps', id: app.id }, territoryAvailabilities: links },
    });
  }
}
