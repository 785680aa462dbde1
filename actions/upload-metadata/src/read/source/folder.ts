/**
 * Reads fastlane's metadata layout: `<locale>/<field>.txt`, `default/`, `review_information/`,
 * and the non-localized files at the root (`copyright.txt`, `primary_category.txt` …). The
 * folder may hold per-platform subfolders (`metadata/ios`, `metadata/macos`).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  InputError,
  didYouMean,
  listRepoDir,
  readRepoText,
  type RepoDirEntry,
  isAppStoreLocale,
  looksLikeLocale,
  suggestLocale,
} from '@asc-actions/core';
import {
  CATEGORY_FIELDS,
  COPYRIGHT,
  REVIEW_FIELDS,
  type GlobalKey,
  type ReviewKey,
} from '../../model/app-wide-fields.js';
import { LOCALIZED_FIELDS, type LocalizedKey } from '../../model/fields.js';
import type { Finding } from '../../model/findings.js';
import { emptySource, type MetadataSource, type SourceValue } from '../../model/source.js';
import { readFieldText } from './text.js';

export interface ReadContext {
  /** Workspace-relative form of an absolute path, for messages and annotations. */
  display(path: string): string;
  platform: string;
  /** The `locales` input: only these locale folders are read and checked (empty: all). */
  locales?: readonly string[];
}

const selected = (ctx: ReadContext, locale: string): boolean => !ctx.locales?.length || ctx.locales.includes(locale);

const PLATFORM_FOLDERS: Record<string, string[]> = {
  IOS: ['ios'],
  MAC_OS: ['macos', 'osx'],
  TV_OS: ['tvos', 'appletvos'],
  VISION_OS: ['visionos'],
};
const UNMANAGED = ['trade_representative_contact_information'];
const GLOBAL_NAMES: readonly GlobalKey[] = [COPYRIGHT.key, ...CATEGORY_FIELDS.map((f) => f.key)];

/** A folder's entries through core's safe reader: symlinks followed only while they stay in the workspace. */
function entries(dir: string): RepoDirEntry[] {
  return listRepoDir(dir, { input: 'metadata-path' });
}

/** `metadata/` holding `ios/` and `macos/` (and no locale folders): the platform's subfolder. */
function platformFolder(root: string, ctx: ReadContext, findings: Finding[]): string {
  const names = entries(root)
    .filter((e) => e.isDirectory)
    .map((e) => e.name);
  if (names.some((n) => isAppStoreLocale(n) || n === 'default')) return root;
  const sub = (PLATFORM_FOLDERS[ctx.platform] ?? []).find((n) => names.includes(n));
  if (!sub) return root;
  const dir = join(root, sub);
  findings.push({
    level: 'notice',
    code: 'platform-folder',
    message: `Reading ${ctx.display(dir)} for platform ${ctx.platform}.`,
    file: ctx.display(dir),
  });
  return dir;
}

function readValue(
  path: string,
  ctx: ReadContext,
  findings: Finding[],
  where: { locale?: string; field?: string },
): SourceValue | undefined {
  const file = ctx.display(path);
  // Core's safe reader: inside the workspace, a regular file, at most 64 KB, UTF-8 text.
  const read = readRepoText(path, { input: 'metadata-path', kind: 'text' });
  const text = readFieldText(read.bom ? `\uFEFF${read.text}` : read.text, file, where);
  findings.push(...text.findings);
  return text.value === undefined ? undefined : { value: text.value, file, line: 1 };
}

function unknownFile(path: string, known: readonly string[], ctx: ReadContext, findings: Finding[]): void {
  const name = path.split('/').pop()!;
  if (!name.endsWith('.txt')) {
    findings.push({
      level: 'warning',
      code: 'ignored-file',
      message: `${ctx.display(path)} is not a metadata text file; it was ignored.`,
      file: ctx.display(path),
    });
    return;
  }
  // Real trees carry files that are not deliver fields (a screenshot tool's screenshots_text.txt,
  // notes): deliver reads only the names it knows, so these are warnings, not errors.
  const names = known.map((k) => `${k}.txt`);
  const hint = didYouMean(name, names) || ` Field files here are ${names.join(', ')}.`;
  findings.push({
    level: 'warning',
    code: 'unknown-file',
    message: `${ctx.display(path)}: "${name}" is not a field upload-metadata knows; it was ignored.${hint}`,
    file: ctx.display(path),
    line: 1,
  });
}

/** The `.txt` fields of one folder whose names are in `known`. */
function readFields<K extends string>(
  dir: string,
  known: readonly K[],
  ctx: ReadContext,
  findings: Finding[],
  locale?: string,
): Partial<Record<K, SourceValue>> {
  const values: Partial<Record<K, SourceValue>> = {};
  for (const entry of entries(dir)) {
    const path = join(dir, entry.name);
    const key = entry.name.endsWith('.txt') ? known.find((k) => `${k}.txt` === entry.name) : undefined;
    if (entry.isDirectory) {
      findings.push({
        level: 'warning',
        code: 'ignored-folder',
        message: `${ctx.display(path)} is a folder inside a metadata folder; it was ignored.`,
        file: ctx.display(path),
      });
    } else if (key !== undefined) {
      const value = readValue(path, ctx, findings, { locale, field: key });
      if (value) values[key] = value;
    } else {
      unknownFile(path, known, ctx, findings);
    }
  }
  return values;
}

function readDirectory(source: MetadataSource, dir: string, name: string, ctx: ReadContext): void {
  const path = join(dir, name);
  const display = ctx.display(path);
  const localized = LOCALIZED_FIELDS.map((f) => f.key);
  if (name === 'default') source.defaults = readFields<LocalizedKey>(path, localized, ctx, source.findings, 'default');
  else if (name === 'review_information') {
    source.review = readFields<ReviewKey>(
      path,
      REVIEW_FIELDS.map((f) => f.key),
      ctx,
      source.findings,
    );
    source.blankReview = REVIEW_FIELDS.map((f) => f.key).filter(
      (key) => !source.review[key] && existsSync(join(path, `${key}.txt`)),
    );
  } else if (UNMANAGED.includes(name)) {
    source.findings.push({
      level: 'warning',
      code: 'unmanaged',
      message: `${display} is not uploaded by upload-metadata (no App Store Connect API for it); it was ignored.`,
      file: display,
    });
  } else if (isAppStoreLocale(name)) {
    source.hadLocales = true;
    if (selected(ctx, name))
      source.locales.set(name, readFields<LocalizedKey>(path, localized, ctx, source.findings, name));
  } else if (looksLikeLocale(name)) {
    if (ctx.locales?.length) return; // not a selected locale either: not this run's business

    const guess = suggestLocale(name);
    const hint = guess ? ` Did you mean ${guess}?` : '';
    source.findings.push({
      level: 'warning',
      code: 'unknown-locale',
      message: `${display}: "${name}" is not an App Store locale; the folder was skipped.${hint}`,
      file: display,
      locale: name,
    });
  } else {
    source.findings.push({
      level: 'warning',
      code: 'ignored-folder',
      message: `${display} is not a locale folder; it was ignored.`,
      file: display,
    });
  }
}

export function readFolder(root: string, ctx: ReadContext): MetadataSource {
  if (!existsSync(root))
    throw new InputError(`Input "metadata-path": ${ctx.display(root)} does not exist.`, { input: 'metadata-path' });
  if (!statSync(root).isDirectory())
    throw new InputError(
      `Input "metadata-path": ${ctx.display(root)} is not a folder (use metadata-file for a JSON or YAML file).`,
      { input: 'metadata-path' },
    );
  const findings: Finding[] = [];
  const dir = platformFolder(root, ctx, findings);
  const source = emptySource('folder', ctx.display(dir));
  source.findings.push(...findings);
  for (const entry of entries(dir)) {
    const key = GLOBAL_NAMES.find((k) => `${k}.txt` === entry.name);
    if (entry.isDirectory) readDirectory(source, dir, entry.name, ctx);
    else if (key !== undefined) {
      const value = readValue(join(dir, entry.name), ctx, source.findings, { field: key });
      if (value) source.global[key] = value;
    } else unknownFile(join(dir, entry.name), GLOBAL_NAMES, ctx, source.findings);
  }
  return source;
}
