/**
 * The one place that reads this action's inputs (besides the common ones). Everything — the
 * testers CSV and the test notes file included — is checked here, before the first request.
 */
import { InputError, inputs, readCommonInputs, readRepoText, type CommonInputs } from '@asc-actions/core';
import { parseTesterCsv, parseTesterLines, uniqueTesters, type TesterEntry } from './inputs/testers.js';
import { parseTestNotes } from './inputs/notes.js';

export const PLATFORMS = ['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface Settings {
  common: CommonInputs;
  /** Bundle id or Apple id. */
  app: string;
  buildNumber?: string;
  version?: string;
  platform: Platform;
  /** Names or ids, as given. */
  groups: string[];
  createMissingGroups: boolean;
  testers: TesterEntry[];
  /** Locale → What to Test. */
  testNotes: Record<string, string>;
  waitForProcessing: boolean;
  processingTimeoutMs: number;
  /** 'auto': when any group is external. */
  submitForBetaReview: 'auto' | boolean;
  usesNonExemptEncryption?: boolean;
  notifyTesters?: boolean;
  expireBuildWaitingForReview: boolean;
  dryRun: boolean;
}

/** An optional boolean: undefined when empty. */
function maybeBoolean(name: string): boolean | undefined {
  return inputs.optional(name) === undefined ? undefined : inputs.boolean(name, false);
}

function lines(name: string): string[] {
  return inputs
    .multiline(name)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** A file named by an input, through core's safe reader: inside the workspace, regular, ≤ 1 MB, UTF-8 text. */
function readFile(input: string, workspace: string): { path: string; shown: string; text: string } {
  return readRepoText(inputs.required(input).trim(), { input, kind: 'data', workspace });
}

function exclusive(a: string, b: string): void {
  if (inputs.optional(a) !== undefined && inputs.optional(b) !== undefined) {
    throw new InputError(`Inputs "${a}" and "${b}" are both set; give one of them.`, { input: b });
  }
}

function readTesters(workspace: string): TesterEntry[] {
  exclusive('testers', 'testers-file');
  if (inputs.optional('testers-file') !== undefined) {
    const file = readFile('testers-file', workspace);
    return uniqueTesters(parseTesterCsv(file.text, file.shown));
  }
  return uniqueTesters(parseTesterLines(inputs.multiline('testers')));
}

function readNotes(workspace: string): Record<string, string> {
  exclusive('test-notes', 'test-notes-file');
  if (inputs.optional('test-notes-file') !== undefined) {
    const file = readFile('test-notes-file', workspace);
    return parseTestNotes(file.text, { input: 'test-notes-file', file: file.shown });
  }
  const text = inputs.multiline('test-notes');
  return text.trim() === '' ? {} : parseTestNotes(text, { input: 'test-notes' });
}

function readSubmit(): 'auto' | boolean {
  return inputs.booleanOr('submit-for-beta-review', ['auto'], 'auto');
}

function readVersionish(name: string): string | undefined {
  const value = inputs.optional(name)?.trim();
  if (value !== undefined && !/^\d+(\.\d+)*$/.test(value)) {
    throw new InputError(`Input "${name}" must be numbers separated by dots (e.g. 42, 1.2 or 1.2.0); got ${JSON.stringify(value)}.`, { input: name });
  }
  return value;
}

export function readSettings(workspace: string = process.env.GITHUB_WORKSPACE ?? process.cwd()): Settings {
  const common = readCommonInputs();
  const app = inputs.required('app').trim();
  const settings: Settings = {
    common,
    app,
    buildNumber: readVersionish('build-number'),
    version: readVersionish('version'),
    platform: inputs.enumeration('platform', PLATFORMS, 'IOS'),
    groups: lines('groups'),
    createMissingGroups: inputs.boolean('create-missing-groups', false),
    testers: readTesters(workspace),
    testNotes: readNotes(workspace),
    waitForProcessing: inputs.boolean('wait-for-processing', true),
    processingTimeoutMs: inputs.duration('processing-timeout', 60 * 60_000),
    submitForBetaReview: readSubmit(),
    usesNonExemptEncryption: maybeBoolean('uses-non-exempt-encryption'),
    notifyTesters: maybeBoolean('notify-testers'),
    expireBuildWaitingForReview: inputs.boolean('expire-build-waiting-for-review', false),
    dryRun: common.dryRun,
  };
  if (settings.testers.length > 0 && settings.groups.length === 0) {
    throw new InputError('Testers are given but no groups: testers are invited into the external groups listed in "groups".', { input: 'groups' });
  }
  return settings;
}
