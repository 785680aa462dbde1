/**
 * The action's inputs, checked before anything is fetched or written: the combination of type,
 * subtype and frequency Apple offers, the date format per frequency, dates that can exist, the
 * output. Pure: `resolveSettings(raw, now)` gives the settings or throws one InputError naming
 * the input, what it expected and what is allowed.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { InputError, acceptedValues, didYouMean, writeTarget } from '@asc-actions/core';
import {
  combinationsOf,
  FREQUENCIES,
  frequenciesOf,
  isFinance,
  newestKnownVersion,
  REPORT_TYPES,
  subtypesOf,
  SUBTYPES,
  type Frequency,
  type ReportType,
  type SubType,
} from '../catalog.js';
import { resolveDates } from './dates.js';
import type { Period } from '../model.js';

/** Inputs as the runner hands them over (empty string: not given). */
export type RawInputs = Record<
  | 'vendor-number'
  | 'report-type'
  | 'report-subtype'
  | 'frequency'
  | 'report-date'
  | 'from'
  | 'to'
  | 'version'
  | 'region-code'
  | 'output-path'
  | 'output-format',
  string
>;

export type OutputFormat = 'tsv' | 'csv' | 'json';

export interface ReportSettings {
  vendorNumber: string;
  reportType: ReportType;
  finance: boolean;
  /** Sales and Trends only. */
  reportSubType?: SubType;
  period: Period;
  regionCode?: string;
  /** Report dates in order; more than one for a range. */
  dates: string[];
  range: boolean;
  /** `auto` or a pinned version such as `1_3` (sales reports; finance reports have none). */
  version: string;
  /** The version asked for first: the pinned one, or the newest this action knows. */
  startVersion?: string;
  outputPath: string;
  outputFormat: OutputFormat;
}

const shown = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[], defaultValue?: T): T {
  const match = allowed.find((a) => a === value.trim().toUpperCase());
  if (!match)
    throw new InputError(
      `Input "${input}" must be one of ${acceptedValues(allowed, defaultValue)}; got ${shown(value)}.${didYouMean(value.trim(), allowed)}`,
      { input },
    );
  return match;
}

function vendorNumber(raw: RawInputs): string {
  const value = raw['vendor-number'].trim();
  if (!/^\d{1,12}$/.test(value)) {
    const got = value === '' ? 'it was empty' : `got ${shown(value)}`;
    throw new InputError(
      `Input "vendor-number" must be your vendor number, digits only (App Store Connect → Payments and Financial Reports); ${got}.`,
      { input: 'vendor-number' },
    );
  }
  return value;
}

function financeParts(raw: RawInputs, type: ReportType): Pick<ReportSettings, 'period' | 'regionCode' | 'version'> {
  if (raw['report-subtype'].trim())
    throw new InputError(
      `Input "report-subtype" does not apply to ${type} reports (finance reports have no subtype); leave it empty.`,
      { input: 'report-subtype' },
    );
  const frequency = raw.frequency.trim().toUpperCase();
  if (frequency && frequency !== 'MONTHLY')
    throw new InputError(
      `Input "frequency" must be empty or MONTHLY for ${type} reports (one report per fiscal month); got ${shown(raw.frequency)}.`,
      { input: 'frequency' },
    );
  const version = raw.version.trim().toLowerCase();
  if (version && version !== 'auto')
    throw new InputError(
      `Input "version" does not apply to ${type} reports (finance reports have no version); leave it empty or auto.`,
      { input: 'version' },
    );
  let region = raw['region-code'].trim().toUpperCase();
  if (type === 'FINANCE_DETAIL') region ||= 'Z1';
  if (!region)
    throw new InputError(
      'Input "region-code" is required for FINANCIAL reports: a two-character region code such as US, EU, JP, or ZZ for all regions consolidated.',
      { input: 'region-code' },
    );
  if (!/^[A-Z0-9]{2}$/.test(region))
    throw new InputError(
      `Input "region-code" must be a two-character region code such as US, EU or ZZ; got ${shown(raw['region-code'])}.`,
      { input: 'region-code' },
    );
  if (type === 'FINANCE_DETAIL' && region !== 'Z1')
    throw new InputError(
      `Input "region-code" must be Z1 (or empty) for FINANCE_DETAIL reports, which Apple issues for region Z1 only; got ${shown(raw['region-code'])}.`,
      { input: 'region-code' },
    );
  return { period: 'FISCAL_MONTH', regionCode: region, version: 'auto' };
}

function subtypeOf(raw: RawInputs, type: ReportType): SubType {
  const offered = subtypesOf(type);
  if (!raw['report-subtype'].trim()) {
    if (offered.length === 1) return offered[0]!;
    throw new InputError(`Input "report-subtype" is required for ${type} reports: one of ${offered.join(', ')}.`, {
      input: 'report-subtype',
    });
  }
  const subtype = oneOf('report-subtype', raw['report-subtype'], SUBTYPES);
  if (!offered.includes(subtype))
    throw new InputError(
      `Input "report-subtype" ${subtype} is not offered for ${type} reports; Apple offers ${offered.join(', ')}.`,
      { input: 'report-subtype' },
    );
  return subtype;
}

function frequencyOf(raw: RawInputs, type: ReportType, subtype: SubType): Frequency {
  const offered = frequenciesOf(type, subtype);
  if (!raw.frequency.trim()) {
    if (offered.includes('DAILY')) return 'DAILY';
    if (offered.length === 1) return offered[0]!;
    throw new InputError(
      `Input "frequency" is required for ${type} ${subtype} reports: one of ${offered.join(', ')}.`,
      { input: 'frequency' },
    );
  }
  const frequency = oneOf('frequency', raw.frequency, FREQUENCIES, 'DAILY');
  if (!offered.includes(frequency)) {
    throw new InputError(
      `Input "frequency" ${frequency} is not offered for ${type} ${subtype} reports; Apple offers ${offered.join(', ')} (all ${type} combinations: ${combinationsOf(type)}).`,
      { input: 'frequency' },
    );
  }
  return frequency;
}

function versionOf(raw: RawInputs): string {
  const version = raw.version.trim() || 'auto';
  if (version.toLowerCase() === 'auto') return 'auto';
  if (!/^\d+_\d+$/.test(version))
    throw new InputError(
      `Input "version" must be auto or a report version such as 1_0 or 1_3; got ${shown(raw.version)}.`,
      { input: 'version' },
    );
  return version;
}

function salesParts(
  raw: RawInputs,
  type: ReportType,
): Pick<ReportSettings, 'period' | 'reportSubType' | 'version' | 'startVersion'> {
  if (raw['region-code'].trim())
    throw new InputError(
      `Input "region-code" applies to FINANCIAL and FINANCE_DETAIL reports only; leave it empty for ${type}.`,
      { input: 'region-code' },
    );
  const reportSubType = subtypeOf(raw, type);
  const frequency = frequencyOf(raw, type, reportSubType);
  const version = versionOf(raw);
  const startVersion = version === 'auto' ? newestKnownVersion(type, reportSubType, frequency) : version;
  return { period: frequency, reportSubType, version, startVersion };
}

const EXTENSIONS: Record<string, OutputFormat> = { '.tsv': 'tsv', '.txt': 'tsv', '.csv': 'csv', '.json': 'json' };

function output(raw: RawInputs, stem: string, cwd: string): Pick<ReportSettings, 'outputPath' | 'outputFormat'> {
  const given = raw['output-path'].trim();
  const byExtension = given ? EXTENSIONS[extname(given).toLowerCase()] : undefined;
  const format = raw['output-format'].trim()
    ? (oneOf(
        'output-format',
        raw['output-format'].toLowerCase(),
        ['TSV', 'CSV', 'JSON'] as const,
        (byExtension ?? 'tsv').toUpperCase() as Uppercase<OutputFormat>,
      ).toLowerCase() as OutputFormat)
    : (byExtension ?? 'tsv');
  if (byExtension && byExtension !== format && !(byExtension === 'tsv' && extname(given).toLowerCase() === '.txt')) {
    throw new InputError(
      `Input "output-format" is ${format} but "output-path" ends in ${extname(given)}; make them agree.`,
      { input: 'output-format' },
    );
  }
  let path = given ? resolve(cwd, given) : join(cwd, `${stem}.${format}`);
  if (given.endsWith('/') || (existsSync(path) && statSync(path).isDirectory())) path = join(path, `${stem}.${format}`);
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory())
        throw new InputError(`Input "output-path" puts the file under ${dir}, which is a file, not a folder.`, {
          input: 'output-path',
        });
      break;
    }
    if (dirname(dir) === dir) break;
  }
  // Core's check, before any request: inside the workspace or RUNNER_TEMP, never through a symlink.
  return { outputPath: writeTarget(path, { input: 'output-path', workspace: cwd }), outputFormat: format };
}

export function resolveSettings(raw: RawInputs, nowMs: number, cwd = process.cwd()): ReportSettings {
  const vendor = vendorNumber(raw);
  const reportType = oneOf('report-type', raw['report-type'] || 'SALES', REPORT_TYPES, 'SALES');
  const finance = isFinance(reportType);
  const parts = finance ? financeParts(raw, reportType) : salesParts(raw, reportType);
  const { dates, range } = resolveDates(raw, parts.period, nowMs);
  const when = range ? `${dates[0]}_to_${dates.at(-1)}` : dates[0]!;
  const kind =
    'regionCode' in parts
      ? `${reportType}_${parts.regionCode}`
      : `${reportType}_${'reportSubType' in parts ? parts.reportSubType : ''}_${parts.period}`;
  return {
    vendorNumber: vendor,
    reportType,
    finance,
    ...parts,
    dates,
    range,
    ...output(raw, `${kind}_${vendor}_${when}`, cwd),
  };
}
