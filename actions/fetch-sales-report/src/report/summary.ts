/**
 * The `summary` output: one JSON object with the run's facts. Money is per currency (never
 * added across currencies), rounded to cents; units are net (refunds subtract). Keys are
 * sorted so that the same reports always give the same bytes.
 */
import type { Outcome, ReportState } from '../model.js';
import type { Processed } from './export.js';
import type { ReportSettings } from '../inputs/settings.js';
import { Amount, unitsNumber } from '../read/parse/numbers.js';
import { PRODUCT_TYPES, type UnitClass } from './classes.js';
import { bucketJson, mapJson, moneyJson } from './totals.js';

/**
 * `not-available-yet` when any report is not out yet; otherwise `available` when at least one
 * report had rows (days without sales in a range are facts, listed per date), else `no-sales`.
 */
export type Status = ReportState;

export function overallStatus(outcomes: Outcome[]): Status {
  if (outcomes.some((o) => o.state === 'not-available-yet')) return 'not-available-yet';
  return outcomes.some((o) => o.state === 'available') ? 'available' : 'no-sales';
}

export interface SummaryJson {
  status: Status;
  vendorNumber: string;
  reportType: string;
  reportSubType?: string;
  frequency: string;
  regionCode?: string;
  version?: string;
  versionSwitches: Array<{ from: string; to: string }>;
  dates: Array<{ date: string; state: ReportState; source: 'api' | 'cache'; rows?: number; version?: string }>;
  rows: number;
  proceedsByCurrency: Record<string, number>;
  unitsByProductType: Record<string, number>;
  unitsByClass: Record<UnitClass, number>;
  unknownProductTypes: string[];
  territories: Record<string, { rows: number; units: number; proceedsByCurrency: Record<string, number> }>;
  days: Record<string, { rows: number; units: number; proceedsByCurrency: Record<string, number> }>;
  refunds: { rows: number; units: number; proceedsByCurrency: Record<string, number> };
  units: number;
  events?: Record<string, number>;
  totals?: Record<string, number>;
  /** Finance: Σ Extended Partner Share per currency as Apple computed it. */
  extendedPartnerShareByCurrency?: Record<string, number>;
  notes: string[];
}

/** Finance reports carry Apple's own per-row totals: they must agree with units × per-unit share. */
function crossCheck(p: Processed): string[] {
  const notes: string[] = [];
  const proceeds = p.totals.all.proceeds;
  for (const [currency, extended] of p.totals.extended) {
    const ours = proceeds.get(currency) ?? new Amount();
    if (Math.abs(extended.cents() - ours.cents()) > 1) {
      notes.push(
        `${currency}: Apple's Extended Partner Share adds up to ${extended.toNumber()}, Quantity × Partner Share to ${ours.toNumber()}.`,
      );
    }
  }
  return notes;
}

export function buildSummary(
  settings: ReportSettings,
  outcomes: Outcome[],
  processed: Processed,
  versionSwitches: Array<{ from: string; to: string }>,
): SummaryJson {
  const t = processed.totals;
  const all = t.all;
  const productTypes = t.productTypes;
  const unknown = [...productTypes.keys()].filter((k) => !PRODUCT_TYPES[k]).sort();
  const notes = [...processed.notes, ...crossCheck(processed)];
  if (unknown.length)
    notes.push(`Product Type Identifiers not in Apple's table, counted as "other": ${unknown.join(', ')}.`);
  const versions = [...new Set(outcomes.map((o) => o.version).filter((v): v is string => v !== undefined))];
  return {
    status: overallStatus(outcomes),
    vendorNumber: settings.vendorNumber,
    reportType: settings.reportType,
    ...(settings.reportSubType ? { reportSubType: settings.reportSubType } : {}),
    frequency: settings.finance ? 'MONTHLY' : settings.period,
    ...(settings.regionCode ? { regionCode: settings.regionCode } : {}),
    ...(versions.length ? { version: versions.join(', ') } : {}),
    versionSwitches,
    dates: outcomes.map((o) => ({
      date: o.date,
      state: o.state,
      source: o.source,
      ...(o.state === 'available' ? { rows: processed.rowsByDate.get(o.date) ?? 0 } : {}),
      ...(o.version ? { version: o.version } : {}),
    })),
    rows: processed.rows,
    proceedsByCurrency: moneyJson(all.proceeds),
    unitsByProductType: mapJson(productTypes, unitsNumber),
    unitsByClass: t.unitsByClass(),
    unknownProductTypes: unknown,
    territories: mapJson(t.territories, bucketJson),
    days: mapJson(t.days, bucketJson),
    refunds: bucketJson(t.refunds),
    units: unitsNumber(all.units),
    ...(t.counts.size ? { events: mapJson(t.counts, unitsNumber) } : {}),
    ...(t.sums.size ? { totals: mapJson(t.sums, unitsNumber) } : {}),
    ...(t.extended.size ? { extendedPartnerShareByCurrency: moneyJson(t.extended) } : {}),
    notes,
  };
}
