/**
 * The one place that reads this action's inputs (besides the common ones). Everything is
 * checked here, before the first request: a bad input is one clear InputError and no writes.
 */
import { extname } from 'node:path';
import {
  FILE_SIZE_LIMITS,
  formatBytes,
  InputError,
  TERRITORY_HINT,
  checkTerritories,
  inputs,
  parseDuration,
  readRepoText,
  writeTarget,
  type TerritoryCode,
} from '@asc-actions/core';
import { parseRules, type Rule } from './inputs/rules/parse.js';
import { RulesSource } from './inputs/rules/source.js';
import { isProblem, parseRatings } from './inputs/rules/values.js';

export type Since = { kind: 'all' } | { kind: 'last-run' } | { kind: 'date'; ms: number };

export interface ExportTarget {
  /** As written in the input. */
  shown: string;
  path: string;
  format: 'json' | 'csv';
}

export interface Settings {
  app: string;
  rules: Rule[];
  onlyUnanswered: boolean;
  overwriteExisting: boolean;
  maxReplies: number;
  since: Since;
  territories: TerritoryCode[];
  ratings: number[];
  exportTo?: ExportTarget;
  cacheState: boolean;
}

export interface SettingsContext {
  now: number;
  /** Relative paths (rules-file, export-path) are read from here: GITHUB_WORKSPACE or the cwd. */
  workspace: string;
}

export function readSettings(ctx: SettingsContext): Settings {
  const app = inputs.required('app').trim();
  const onlyUnanswered = inputs.boolean('only-unanswered', true);
  const overwriteExisting = inputs.boolean('overwrite-existing', false);
  if (overwriteExisting && onlyUnanswered) {
    throw new InputError(
      'Input "overwrite-existing" is true but "only-unanswered" is true too: only reviews without a reply would be read, so there would be nothing to overwrite. Set only-unanswered: false to replace existing replies.',
      { input: 'overwrite-existing' },
    );
  }
  const cacheState = inputs.boolean('cache-state', true);
  const since = readSince(ctx.now);
  if (since.kind === 'last-run' && !cacheState) {
    throw new InputError(
      'Input "since" is last-run, which is kept in the Actions cache, but "cache-state" is false. Set cache-state: true, or give since a date.',
      { input: 'since' },
    );
  }
  return {
    app,
    rules: readRules(ctx.workspace),
    onlyUnanswered,
    overwriteExisting,
    maxReplies: inputs.integer('max-replies', 20, { min: 0, max: 10_000 }),
    since,
    territories: readTerritories(),
    ratings: readRatings(),
    exportTo: readExport(ctx.workspace),
    cacheState,
  };
}

function readRules(workspace: string): Rule[] {
  const inline = inputs.multiline('rules');
  const file = inputs.optional('rules-file')?.trim();
  if (inline !== '' && file) throw new InputError('Give either "rules" or "rules-file", not both.', { input: 'rules' });
  if (inline === '' && !file)
    throw new InputError('Input "rules" (YAML or JSON) or "rules-file" (a .yml, .yaml or .json file) is required.', {
      input: 'rules',
    });
  if (inline !== '') {
    if (inline.length > FILE_SIZE_LIMITS.data)
      throw new InputError(
        `Input "rules" is ${formatBytes(inline.length)}; at most ${formatBytes(FILE_SIZE_LIMITS.data)} of rules are read.`,
        { input: 'rules' },
      );
    return parseRules(new RulesSource(inline, { input: 'rules' }));
  }
  // Core's safe reader: inside the workspace, a regular file, at most 1 MB, UTF-8 text.
  const read = readRepoText(file!, { input: 'rules-file', kind: 'data', workspace });
  return parseRules(new RulesSource(read.text, { input: 'rules-file', file: read.shown }));
}

/** '' (all reviews), `last-run`, a date (`2026-11-01`), a date-time with offset, or an age (`7d`, `12h`). */
function readSince(now: number): Since {
  const value = (inputs.optional('since') ?? '').trim();
  if (value === '') return { kind: 'all' };
  if (value.toLowerCase() === 'last-run') return { kind: 'last-run' };
  // An age has a unit (`7d`, `12h`, `1d12h`): a bare number is not read as seconds here.
  const age = /[a-z]$/i.test(value) ? parseDuration(value) : undefined;
  let ms = NaN;
  if (age !== undefined) ms = now - age;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) ms = Date.parse(`${value}T00:00:00Z`);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `Input "since" must be last-run, a date (2026-11-01), a date and time with offset (2026-11-01T08:00:00Z) or an age (7d, 12h); got "${value}".`,
      { input: 'since' },
    );
  }
  if (ms > now)
    throw new InputError(`Input "since" (${value}) is in the future: no review would be read.`, { input: 'since' });
  return { kind: 'date', ms };
}

function readTerritories(): TerritoryCode[] {
  const checked = checkTerritories(inputs.list('territories'));
  if (checked.unknown.length > 0)
    throw new InputError(`Input "territories": unknown territory code "${checked.unknown[0]}" (${TERRITORY_HINT}).`, {
      input: 'territories',
    });
  return [...new Set(checked.codes)];
}

function readRatings(): number[] {
  const items = inputs.list('ratings');
  if (items.length === 0) return [];
  const parsed = parseRatings(items);
  if (isProblem(parsed)) throw new InputError(`Input "ratings": ${parsed.problem}.`, { input: 'ratings' });
  return [...parsed].sort();
}

function readExport(workspace: string): ExportTarget | undefined {
  const shown = inputs.optional('export-path')?.trim();
  if (!shown) return undefined;
  const format = extname(shown).toLowerCase().slice(1);
  if (format !== 'json' && format !== 'csv')
    throw new InputError(
      `Input "export-path" must end in .json or .csv (the format is taken from it); got "${shown}".`,
      { input: 'export-path' },
    );
  // Checked before any request: inside the workspace or RUNNER_TEMP, not a symlink, not a folder.
  const path = writeTarget(shown, { input: 'export-path', workspace });
  return { shown, path, format };
}
