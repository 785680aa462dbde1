/**
 * Reads screenshots (`<locale>/*.png|jpg`, `<locale>/iMessage/…`, `<locale>/appleTV/…`,
 * `<locale>/<DISPLAY_TYPE>/…`) and previews (`<locale>/*.mp4|mov`, `<locale>/<PREVIEW_TYPE>/…`),
 * ordered by file name, and validates every file before anything is written: format, pixel
 * size, at most 10 screenshots and 3 previews per set, 15–30 s and ≤ 500 MB per preview.
 */
import { InputError, listRepoDir, repoFile, type FileKind, isAppStoreLocale, type Logger } from '@asc-actions/core';
import { pathTools, type Settings } from '../../inputs.js';
import {
  candidatesForFolder,
  displayTypesFor,
  PREVIEW_TYPES,
  previewSizesOf,
  previewTypesFor,
  sizesOf,
} from '../../model/display-types.js';
import { md5File } from './files.js';
import type { LocalAsset, LocalMedia, LocalSet, MediaKind } from '../../model/media.js';
import { probeImage, probeMovie } from './probe.js';

export const MAX_SCREENSHOTS = 10;
export const MAX_PREVIEWS = 3;
export const MAX_PREVIEW_BYTES = 500 * 1024 * 1024;

export interface MediaPaths {
  screenshotsPath?: string;
  previewsPath?: string;
  locales: string[];
  display(path: string): string;
}

interface Found {
  locale: string;
  folder?: string;
  path: string;
  fileName: string;
}

/**
 * Folders are listed through core's safe reader (symlinks followed only inside the workspace),
 * and every file is checked by it (regular, inside the workspace, under Apple's size limit)
 * before it is probed, hashed or uploaded: from then on the file's real path is used.
 */
function listFiles(
  root: string,
  pattern: RegExp,
  wanted: string[],
  input: string,
): { found: Found[]; locales: string[]; problems: string[] } {
  const found: Found[] = [];
  const problems: string[] = [];
  const locales: string[] = [];
  for (const { name: locale, path: dir, isDirectory } of listRepoDir(root, { input })) {
    if (!isDirectory) continue;
    if (!isAppStoreLocale(locale)) {
      problems.push(`${locale}/: not an App Store locale (folder skipped)`);
      continue;
    }
    if (wanted.length && !wanted.includes(locale)) continue;
    locales.push(locale);
    for (const entry of listRepoDir(dir, { input })) {
      if (entry.isDirectory) {
        for (const inner of listRepoDir(entry.path, { input }))
          if (pattern.test(inner.name))
            found.push({ locale, folder: entry.name, path: inner.path, fileName: inner.name });
      } else if (pattern.test(entry.name)) found.push({ locale, path: entry.path, fileName: entry.name });
    }
  }
  return { found, locales, problems };
}

/** The checked file (its real path and size), or undefined with the refusal added to `errors`. */
function checked(f: Found, kind: FileKind, errors: string[]): { path: string; size: number } | undefined {
  try {
    return repoFile(f.path, { input: kind === 'image' ? 'screenshots-path' : 'previews-path', kind });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errors.push(error.message.replace(/^Input "[^"]+": /, ''));
    return undefined;
  }
}

function addTo(
  sets: Map<string, LocalSet>,
  kind: MediaKind,
  locale: string,
  displayType: string,
  asset: LocalAsset,
): LocalSet {
  const key = `${kind}/${locale}/${displayType}`;
  const set = sets.get(key) ?? { kind, locale, displayType, files: [] };
  set.files.push(asset);
  sets.set(key, set);
  return set;
}

async function screenshot(f: Found, paths: MediaPaths, sets: Map<string, LocalSet>, errors: string[]): Promise<void> {
  const display = paths.display(f.path);
  const file = checked(f, 'image', errors);
  if (!file) return;
  const image = await probeImage(file.path);
  if (!image) return void errors.push(`${display}: not a PNG or JPEG image that can be read.`);
  const candidates = candidatesForFolder(f.folder);
  if (f.folder && candidates.length === 0)
    return void errors.push(`${display}: folder "${f.folder}" is not iMessage, appleTV or a screenshot display type.`);
  const types = displayTypesFor(image.width, image.height, candidates);
  if (types.length !== 1) {
    const accepted = [...new Set(candidates.flatMap(sizesOf))].join(', ');
    const why =
      types.length === 0
        ? `${image.width}×${image.height} is not an App Store screenshot size${f.folder ? ` for ${f.folder}` : ''}; accepted sizes: ${accepted}`
        : `${image.width}×${image.height} fits ${types.join(' and ')}: put it in a folder named after one of them`;
    return void errors.push(`${display}: ${why}.`);
  }
  addTo(sets, 'screenshot', f.locale, types[0]!, {
    fileName: f.fileName,
    path: file.path,
    display,
    size: file.size,
    md5: await md5File(file.path),
    width: image.width,
    height: image.height,
  });
}

async function preview(f: Found, paths: MediaPaths, sets: Map<string, LocalSet>, errors: string[]): Promise<void> {
  const display = paths.display(f.path);
  const file = checked(f, 'video', errors);
  if (!file) return;
  const size = file.size;
  if (size > MAX_PREVIEW_BYTES)
    return void errors.push(`${display}: ${(size / 1048576).toFixed(0)} MB is over the 500 MB limit for app previews.`);
  const movie = await probeMovie(file.path, size);
  if (movie?.durationSeconds !== undefined && (movie.durationSeconds < 15 || movie.durationSeconds > 30)) {
    return void errors.push(
      `${display}: ${movie.durationSeconds.toFixed(1)} s; app previews must be 15 to 30 seconds long.`,
    );
  }
  const folderType = f.folder?.toUpperCase();
  if (folderType && !(PREVIEW_TYPES as readonly string[]).includes(folderType))
    return void errors.push(`${display}: folder "${f.folder}" is not a preview type (${PREVIEW_TYPES.join(', ')}).`);
  let type = folderType;
  if (!type) {
    const types = movie?.width && movie.height ? previewTypesFor(movie.width, movie.height) : [];
    if (types.length !== 1) {
      const size = movie?.width ? `${movie.width}×${movie.height}` : 'its size could not be read';
      return void errors.push(
        `${display}: ${size} ${types.length > 1 ? `fits ${types.join(', ')}` : 'is not an app preview size'}: put it in a folder named after its preview type.`,
      );
    }
    type = types[0]!;
  } else if (movie?.width && movie.height && !previewSizesOf(type).includes(`${movie.width}×${movie.height}`)) {
    return void errors.push(
      `${display}: ${movie.width}×${movie.height} is not a ${type} preview size; accepted: ${previewSizesOf(type).join(', ')}.`,
    );
  }
  addTo(sets, 'preview', f.locale, type, {
    fileName: f.fileName,
    path: file.path,
    display,
    size,
    md5: await md5File(file.path),
    durationSeconds: movie?.durationSeconds,
    width: movie?.width,
    height: movie?.height,
  });
}

function checkCounts(sets: LocalSet[], errors: string[]): void {
  for (const set of sets) {
    const max = set.kind === 'screenshot' ? MAX_SCREENSHOTS : MAX_PREVIEWS;
    if (set.files.length > max) {
      errors.push(
        `${set.files[max]!.display}: ${set.locale} ${set.displayType} has ${set.files.length} ${set.kind}s; App Store Connect takes at most ${max} per set.`,
      );
    }
  }
}

/** Every screenshot and preview, validated and hashed; one InputError naming every bad file. */
export async function readLocalMedia(paths: MediaPaths): Promise<{ media: LocalMedia; skipped: string[] }> {
  const sets = new Map<string, LocalSet>();
  const errors: string[] = [];
  const skipped: string[] = [];
  const locales: Record<MediaKind, string[]> = { screenshot: [], preview: [] };
  const kinds: Array<[MediaKind, string | undefined, RegExp, typeof screenshot]> = [
    ['screenshot', paths.screenshotsPath, /\.(png|jpe?g)$/i, screenshot],
    ['preview', paths.previewsPath, /\.(mp4|mov|m4v)$/i, preview],
  ];
  for (const [kind, root, pattern, read] of kinds) {
    if (!root) continue;
    const listed = listFiles(
      root,
      pattern,
      paths.locales,
      kind === 'screenshot' ? 'screenshots-path' : 'previews-path',
    );
    locales[kind] = listed.locales;
    skipped.push(...listed.problems.map((p) => `${paths.display(root)}/${p}`));
    for (const f of listed.found) await read(f, paths, sets, errors);
  }
  checkCounts([...sets.values()], errors);
  if (errors.length > 0) {
    const input =
      errors.some((e) => /\.(mp4|mov|m4v)/i.test(e)) && !errors.some((e) => /\.(png|jpe?g)/i.test(e))
        ? 'previews-path'
        : 'screenshots-path';
    throw new InputError(
      `${errors.length === 1 ? 'A media file is' : `${errors.length} media files are`} not accepted (nothing was uploaded):\n${errors.map((e) => `  - ${e}`).join('\n')}`,
      { input },
    );
  }
  return { media: { locales, sets: [...sets.values()] }, skipped };
}

/** Screenshots and previews are read, hashed and validated before anything is written. */
export async function readMedia(settings: Settings, logger: Logger): Promise<LocalMedia | undefined> {
  if (!settings.media) return undefined;
  const { media, skipped } = await readLocalMedia({
    ...settings.media,
    locales: settings.locales,
    display: pathTools(settings.workspace).display,
  });
  for (const s of skipped) logger.warning(s);
  return media;
}
