/** The one place that reads this action's inputs (checked in inputs/settings.ts). */
import { InputError, inputs } from '@asc-actions/core';
import { resolveSettings, type RawInputs, type ReportSettings } from './inputs/settings.js';

export interface Settings extends ReportSettings {
  /** Poll until a report is out, at most this long (0: do not wait). */
  waitMs: number;
  failIfMissing: boolean;
  cache: boolean;
}

const RAW_NAMES: Array<keyof RawInputs> = [
  'vendor-number',
  'report-type',
  'report-subtype',
  'frequency',
  'report-date',
  'from',
  'to',
  'version',
  'region-code',
  'output-path',
  'output-format',
];

/** A GitHub job runs at most six hours; waiting longer than that is a mistake. */
const MAX_WAIT_MS = 6 * 3_600_000;

function waitMs(): number {
  const value = inputs.optional('wait-until-available')?.trim().toLowerCase();
  if (value === undefined || value === 'false' || value === 'no') return 0;
  const ms = inputs.duration('wait-until-available', 0);
  if (ms > MAX_WAIT_MS)
    throw new InputError(
      `Input "wait-until-available" must be at most 6h (a job's limit); got ${JSON.stringify(value)}.`,
      { input: 'wait-until-available' },
    );
  return ms;
}

export function readSettings(nowMs: number): Settings {
  const raw = Object.fromEntries(RAW_NAMES.map((name) => [name, inputs.optional(name) ?? ''])) as RawInputs;
  const settings = resolveSettings(raw, nowMs, process.env.GITHUB_WORKSPACE || process.cwd());
  return {
    ...settings,
    waitMs: waitMs(),
    failIfMissing: inputs.boolean('fail-if-missing', false),
    cache: inputs.boolean('cache', true),
  };
}
