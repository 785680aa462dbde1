/**
 * The one place that reads this action's inputs, into a typed Settings. Everything is checked
 * before anything is asked or written: report names (with "did you mean"), the granularity the
 * reports are made in, dates within Apple's 35-day retention, an output path inside the
 * workspace or RUNNER_TEMP (core's writeTarget). `resolveSettings` turns raw strings into Settings
 * or one InputError; it reads the file system only to check the output path.
 */
import { extname } from 'node:path';
import {
  ANALYTICS_CATEGORIES,
  ANALYTICS_GRANULARITIES,
  InputError,
  inputs,
  writeTarget,
  type AnalyticsCategory,
  type AnalyticsGranularity,
} from '@asc-actions/core';
import { KNOWN_REPORTS, defaultReports, knownReport, suggestReport } from './catalog.js';
import type { OutputFormat, ReportWanted, Settings } from './model.js';

export const RETENTION_DAYS = 35;
const DAY = 86_400_000;
const FORMATS: readonly OutputFormat[] = ['csv', 'json', 'jsonl'];

export type RawInputs = Record<
  'app' | 'report' | 'granularity' | 'date' | 'from' | 'to' | 'output-path' | 'output-format',
  string
> & { snapshot: boolean; cache: boolean; dryRun: boolean };

const shown = (v: string): string => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function parseReports(text: string, granularity: AnalyticsGranularity): ReportWanted[] {
  const items = text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const wanted: ReportWanted[] = [];
  for (const item of items.length ? items : defaultReports(granularity)) {
    const category = ANALYTICS_CATEGORIES.find((c) => c === item.toUpperCase().replace(/[\s-]+/g, '_'));
    if (category) {
      wanted.push({ kind: 'category', category });
      continue;
    }
    const known = knownReport(item);
    if (!known) {
      const near = suggestReport(item, [...KNOWN_REPORTS.map((r) => r.name), ...ANALYTICS_CATEGORIES]);
      if (near)
        throw new InputError(`Input "report": unknown report ${shown(item)}. Did you mean "${near}"?`, {
          input: 'report',
        });
      // A report Apple may have added since: checked against Apple's list of the request's reports.
      wanted.push({ kind: 'name', name: item.replace(/\s+/g, ' ') });
      continue;
    }
    if (!known.granularities.includes(granularity)) {
      throw new InputError(
        `Input "granularity": ${shown(known.name)} is made only ${known.granularities.join(', ')}, not ${granularity}.`,
        { input: 'granularity' },
      );
    }
    wanted.push({ kind: 'name', name: known.name });
  }
  return wanted.filter((w, i) => wanted.findIndex((x) => JSON.stringify(x) === JSON.stringify(w)) === i);
}

function day(input: string, value: string, now: number, oldest: string): string {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isoDay(Date.parse(`${v}T00:00:00Z`)) !== v) {
    throw new InputError(`Input "${input}" must be a processing date as YYYY-MM-DD; got ${shown(value)}.`, { input });
  }
  if (v > isoDay(now))
    throw new InputError(`Input "${input}": ${v} is in the future (today is ${isoDay(now)} UTC).`, { input });
  if (v < oldest) {
    throw new InputError(
      `Input "${input}": ${v} is over Apple's retention: report instances are kept ${RETENTION_DAYS} days, so the oldest processing date is ${oldest}. For older data, run once with snapshot: true (a one-time snapshot, at most once a month).`,
      { input },
    );
  }
  return v;
}

export function resolveSettings(
  raw: RawInputs,
  now: number,
  workspace: string,
  env: NodeJS.ProcessEnv = process.env,
): Settings {
  const app = raw.app.trim();
  if (!app)
    throw new InputError('Input "app" is required: the app\'s Apple ID (digits) or its bundle id.', { input: 'app' });
  if (!/^(\d+|[A-Za-z0-9.-]+)$/.test(app))
    throw new InputError(`Input "app" must be an Apple ID (digits) or a bundle id; got ${shown(app)}.`, {
      input: 'app',
    });
  const g = raw.granularity.trim().toUpperCase() || 'DAILY';
  const granularity = ANALYTICS_GRANULARITIES.find((x) => x === g);
  if (!granularity)
    throw new InputError(
      `Input "granularity" must be one of ${ANALYTICS_GRANULARITIES.join(', ')}; got ${shown(raw.granularity)}.`,
      { input: 'granularity' },
    );
  const reports = parseReports(raw.report, granularity);
  const oldest = isoDay(now - RETENTION_DAYS * DAY);
  if (raw.date && (raw.from || raw.to))
    throw new InputError('Input "date" is one processing date; use either it or from/to.', { input: 'date' });
  const from = raw.date
    ? day('date', raw.date, now, oldest)
    : raw.from
      ? day('from', raw.from, now, oldest)
      : undefined;
  const to = raw.date ? from : raw.to ? day('to', raw.to, now, oldest) : undefined;
  if (from && to && to < from) throw new InputError(`Input "to" (${to}) is before "from" (${from}).`, { input: 'to' });
  const pathText = raw['output-path'].trim() || 'analytics';
  const ext = extname(pathText).slice(1).toLowerCase();
  const fmt = raw['output-format'].trim().toLowerCase() || (FORMATS.includes(ext as OutputFormat) ? ext : 'csv');
  const outputFormat = FORMATS.find((f) => f === fmt);
  if (!outputFormat)
    throw new InputError(
      `Input "output-format" must be one of ${FORMATS.join(', ')}; got ${shown(raw['output-format'])}.`,
      { input: 'output-format' },
    );
  const outputIsFile = FORMATS.includes(ext as OutputFormat);
  const single = reports.length === 1 && reports[0]!.kind === 'name';
  if (outputIsFile && !single) {
    throw new InputError(
      `Input "output-path": ${shown(pathText)} is one file, but several reports are asked for (one file each): give a folder.`,
      { input: 'output-path' },
    );
  }
  return {
    app,
    reports,
    granularity,
    from,
    to,
    snapshot: raw.snapshot,
    // Core's rule for every file an action writes: inside the workspace or RUNNER_TEMP, never
    // through a symlink (each report's file is checked again when it is opened).
    outputPath: writeTarget(pathText, { input: 'output-path', workspace, env, folder: !outputIsFile }),
    outputIsFile,
    outputFormat,
    cache: raw.cache,
    dryRun: raw.dryRun,
  };
}

const NAMES = ['app', 'report', 'granularity', 'date', 'from', 'to', 'output-path', 'output-format'] as const;

export function readSettings(now: number, dryRun: boolean, env: NodeJS.ProcessEnv = process.env): Settings {
  const text = Object.fromEntries(
    NAMES.map((n) => [n, n === 'report' ? inputs.list(n).join('\n') : (inputs.optional(n) ?? '')]),
  ) as Record<(typeof NAMES)[number], string>;
  const raw: RawInputs = {
    ...text,
    snapshot: inputs.boolean('snapshot', false),
    cache: inputs.boolean('cache', true),
    dryRun,
  };
  return resolveSettings(raw, now, env.GITHUB_WORKSPACE || process.cwd(), env);
}

export type { AnalyticsCategory };
