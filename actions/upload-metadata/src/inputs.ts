/** The one place that reads this action's inputs, into a typed settings object. */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  InputError,
  inputs,
  readCommonInputs,
  repoDir,
  type CommonInputs,
  isAppStoreLocale,
  suggestLocale,
  PLATFORMS,
  type Platform,
} from '@asc-actions/core';

export interface Settings {
  common: CommonInputs;
  app: string;
  platform: Platform;
  version?: string;
  createVersion: boolean;
  metadataPath?: string;
  metadataFile?: string;
  /** deliver's age rating JSON (`app_rating_config_path`). */
  ageRatingFile?: string;
  locales: string[];
  editLive: boolean;
  dryRun: boolean;
  failOnWarnings: boolean;
  githubToken?: string;
  /** Screenshots and previews; undefined when neither path is set. */
  media?: MediaSettings;
  /** Where relative paths start and what annotations are relative to (GITHUB_WORKSPACE). */
  workspace: string;
}

export const SYNC_MODES = ['add', 'replace', 'mirror'] as const;

export interface MediaSettings {
  screenshotsPath?: string;
  previewsPath?: string;
  syncMode: (typeof SYNC_MODES)[number];
  processingTimeoutMs: number;
  previewFrameTime?: string;
}

function folderInput(name: string, workspace: string): string | undefined {
  const value = inputs.optional(name)?.trim();
  if (!value) return undefined;
  const path = isAbsolute(value) ? value : resolve(workspace, value);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new InputError(
      `Input "${name}": "${value}" is not a folder (expected <locale>/ folders of ${name === 'previews-path' ? 'MP4/MOV previews' : 'PNG/JPEG screenshots'}).`,
      { input: name },
    );
  }
  // Core's safe reader: the folder's real path must lie inside the workspace.
  repoDir(path, { input: name, workspace });
  return path;
}

function mediaInputs(workspace: string): MediaSettings | undefined {
  const screenshotsPath = folderInput('screenshots-path', workspace);
  const previewsPath = folderInput('previews-path', workspace);
  const syncMode = inputs.enumeration('sync-mode', SYNC_MODES, 'replace');
  const processingTimeoutMs = inputs.duration('processing-timeout', 10 * 60_000);
  const previewFrameTime = inputs.optional('preview-frame-time')?.trim() || undefined;
  if (previewFrameTime && !/^\d\d:\d\d:\d\d:\d\d$/.test(previewFrameTime)) {
    throw new InputError(
      `Input "preview-frame-time" must be a timecode HH:MM:SS:FF such as 00:00:05:00; got "${previewFrameTime.slice(0, 20)}".`,
      { input: 'preview-frame-time' },
    );
  }
  if (!screenshotsPath && !previewsPath) return undefined;
  return { screenshotsPath, previewsPath, syncMode, processingTimeoutMs, previewFrameTime };
}

function localesInput(): string[] {
  const locales = inputs.list('locales');
  for (const locale of locales) {
    if (!isAppStoreLocale(locale)) {
      const guess = suggestLocale(locale);
      throw new InputError(
        `Input "locales": "${locale}" is not an App Store locale${guess ? ` (did you mean ${guess}?)` : ''}.`,
        { input: 'locales' },
      );
    }
  }
  return locales;
}

function versionInput(): string | undefined {
  const version = inputs.optional('version')?.trim();
  if (version !== undefined && !/^\d+(\.\d+){0,2}$/.test(version)) {
    throw new InputError(
      `Input "version" must be a version number such as 1.4 or 1.4.2; got "${version.slice(0, 40)}".`,
      { input: 'version' },
    );
  }
  return version;
}

function sourceInputs(): { metadataPath?: string; metadataFile?: string } {
  const metadataPath = inputs.optional('metadata-path')?.trim();
  const metadataFile = inputs.optional('metadata-file')?.trim();
  if (metadataPath && metadataFile) {
    throw new InputError(
      'Inputs "metadata-path" and "metadata-file" are both set; give one: a fastlane metadata folder or one JSON/YAML file.',
      { input: 'metadata-path' },
    );
  }
  if (!metadataPath && !metadataFile) {
    throw new InputError(
      'Input "metadata-path" or "metadata-file" is required: a fastlane metadata folder (e.g. fastlane/metadata) or one JSON/YAML file.',
      { input: 'metadata-path' },
    );
  }
  return metadataPath ? { metadataPath } : { metadataFile };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const common = readCommonInputs({ env });
  const app = inputs.required('app').trim();
  const settings: Settings = {
    common,
    app,
    platform: inputs.enumeration('platform', PLATFORMS, 'IOS'),
    version: versionInput(),
    createVersion: inputs.boolean('create-version', false),
    ...sourceInputs(),
    ageRatingFile: inputs.optional('age-rating-file')?.trim() || undefined,
    locales: localesInput(),
    editLive: inputs.boolean('edit-live', false),
    dryRun: common.dryRun,
    failOnWarnings: inputs.boolean('fail-on-warnings', false),
    githubToken: inputs.optional('github-token')?.trim() || undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
  settings.media = mediaInputs(settings.workspace);
  if (settings.editLive && settings.createVersion) {
    throw new InputError(
      'Inputs "edit-live" and "create-version" cannot both be true: edit-live edits the live version.',
      { input: 'edit-live' },
    );
  }
  return settings;
}

export function pathTools(workspace: string): { resolve: (path: string) => string; display: (path: string) => string } {
  return {
    resolve: (path) => (isAbsolute(path) ? path : resolve(workspace, path)),
    display: (path) => {
      const rel = relative(workspace, path);
      return rel === '' ? '.' : rel.startsWith('..') ? path : rel.split('\\').join('/');
    },
  };
}
