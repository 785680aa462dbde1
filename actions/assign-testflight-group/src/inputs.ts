/**
 * The one place that reads this action's inputs (besides the common ones). Everything — the
 * testers CSV and the test notes file included — is checked here, before the first request.
 */
import { InputError, PLATFORMS, inputs, readCommonInputs, readRepoText, type CommonInputs } from '@asc-actions/core';
import { csvCells, parseTesterCsv, parseTesterLines, uniqueTesters, type TesterEntry } from './inputs/testers.js';
import { parseTestNotes, type TestNotes } from './inputs/notes.js';
import { readTestInformation, type TestInformation } from './inputs/test-information.js';

export type Platform = (typeof PLATFORMS)[number];

export interface Settings {
  common: CommonInputs;
  /** Bundle id or Apple id. */
  app: string;
  /** The build's id, handed over by the step that uploaded it: no lookup. */
  buildId?: string;
  buildNumber?: string;
  version?: string;
  platform: Platform;
  /** Names or ids, as given. */
  groups: string[];
  createMissingGroups: boolean;
  testers: TesterEntry[];
  /** What to Test: plain text or locale → text; undefined when not given. */
  testNotes?: TestNotes;
  waitForProcessing: boolean;
  processingTimeoutMs: number;
  /** How long a build number may stay unlisted while newer builds are listed. */
  listingGraceMs: number;
  /** 'auto': when any group is external. */
  submitForBetaReview: 'auto' | boolean;
  usesNonExemptEncryption?: boolean;
  /** true: testers are told (by Apple's automatic notification, or one manual notification); false: automatic notification off. */
  notifyTesters?: boolean;
  expireBuildWaitingForReview: boolean;
  testInformation: TestInformation;
  dryRun: boolean;
}

/** An optional boolean: undefined when empty. */
function maybeBoolean(name: string): boolean | undefined {
  return inputs.optional(name) === undefined ? undefined : inputs.boolean(name, false);
}

/** Group names: one per line, or several on a line separated by commas or semicolons ("…" keeps a comma in a name). */
function readGroups(): string[] {
  const out: string[] = [];
  inputs
    .multiline('groups')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      for (const name of csvCells(line)) {
        if (name === '')
          throw new InputError(
            `Input "groups" line ${i + 1}: an empty group name in ${JSON.stringify(line.slice(0, 80))}; separate names by commas or write one per line.`,
            { input: 'groups' },
          );
        if (!out.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(name);
      }
    });
  return out;
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

function readNotes(workspace: string): TestNotes | undefined {
  exclusive('test-notes', 'test-notes-file');
  if (inputs.optional('test-notes-file') !== undefined) {
    const file = readFile('test-notes-file', workspace);
    return parseTestNotes(file.text, { input: 'test-notes-file', file: file.shown });
  }
  const text = inputs.multiline('test-notes');
  return text.trim() === '' ? undefined : parseTestNotes(text, { input: 'test-notes' });
}

function readSubmit(): 'auto' | boolean {
  return inputs.booleanOr('submit-for-beta-review', ['auto'], 'auto');
}

function readVersionish(name: string): string | undefined {
  const value = inputs.optional(name)?.trim();
  if (value !== undefined && !/^\d+(\.\d+)*$/.test(value)) {
    throw new InputError(
      `Input "${name}" must be numbers separated by dots (e.g. 42, 1.2 or 1.2.0); got ${JSON.stringify(value)}.`,
      { input: name },
    );
  }
  return value;
}

function readBuildId(): string | undefined {
  const value = inputs.optional('build-id')?.trim();
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9-]{1,64}$/.test(value))
    throw new InputError(
      `Input "build-id" must be a build's id (letters, digits and dashes, as upload-build outputs it); got ${JSON.stringify(value.slice(0, 80))}.`,
      { input: 'build-id' },
    );
  exclusive('build-id', 'build-number');
  return value;
}

export function readSettings(workspace: string = process.env.GITHUB_WORKSPACE ?? process.cwd()): Settings {
  const common = readCommonInputs();
  const app = inputs.required('app').trim();
  const settings: Settings = {
    common,
    app,
    buildId: readBuildId(),
    buildNumber: readVersionish('build-number'),
    version: readVersionish('version'),
    platform: inputs.enumeration('platform', PLATFORMS, 'IOS'),
    groups: readGroups(),
    createMissingGroups: inputs.boolean('create-missing-groups', false),
    testers: readTesters(workspace),
    testNotes: readNotes(workspace),
    waitForProcessing: inputs.boolean('wait-for-processing', true),
    processingTimeoutMs: inputs.duration('processing-timeout', 60 * 60_000),
    listingGraceMs: inputs.duration('listing-grace-period', 15 * 60_000),
    submitForBetaReview: readSubmit(),
    usesNonExemptEncryption: maybeBoolean('uses-non-exempt-encryption'),
    notifyTesters: maybeBoolean('notify-testers'),
    expireBuildWaitingForReview: inputs.boolean('expire-build-waiting-for-review', false),
    testInformation: readTestInformation(),
    dryRun: common.dryRun,
  };
  if (settings.testers.length > 0 && settings.groups.length === 0) {
    throw new InputError(
      'Testers are given but no groups: testers are invited into the external groups listed in "groups".',
      { input: 'groups' },
    );
  }
  return settings;
}
