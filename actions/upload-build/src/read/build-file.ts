/**
 * The `file` input, checked before anything else: it must lie inside the workspace (its real
 * path, symlinks resolved), be a regular file, end in .ipa or .pkg, and not exceed Apple's
 * largest build ("Maximum build file sizes", App Store Connect Help: 4 GB uncompressed for iOS,
 * tvOS and visionOS apps, 200 GB for macOS; a compressed .ipa is smaller than its app, so a file
 * over the limit cannot be a valid build).
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '@asc-actions/core';
import type { BuildFile, Platform } from '../model.js';

const GB = 1024 ** 3;
export const MAX_BUILD_BYTES: Record<Platform, number> = { IOS: 4 * GB, TV_OS: 4 * GB, VISION_OS: 4 * GB, MAC_OS: 200 * 1000 ** 3 };

function fail(shown: string, what: string): never {
  throw new InputError(`Input "file" names ${JSON.stringify(shown)}: ${what}`, { input: 'file' });
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export function workspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return realpathSync(env.GITHUB_WORKSPACE || process.cwd());
}

export function locateBuildFile(shown: string, root: string): BuildFile {
  const kind = /\.ipa$/i.test(shown) ? 'ipa' : /\.pkg$/i.test(shown) ? 'pkg' : undefined;
  let real: string;
  try {
    real = realpathSync(resolve(root, shown));
  } catch (e) {
    return fail(shown, `it does not exist (${(e as NodeJS.ErrnoException).code ?? 'unreadable'}). Build the app first, or fix the path (relative to the workspace).`);
  }
  if (!inside(root, real)) fail(shown, 'it lies outside the workspace; only files inside GITHUB_WORKSPACE are uploaded.');
  const stat = statSync(real);
  if (stat.isDirectory()) fail(shown, 'it is a folder; expected the .ipa (or .pkg) file that xcodebuild -exportArchive wrote.');
  if (!stat.isFile()) fail(shown, 'it is not a regular file.');
  if (!kind) fail(shown, 'expected an .ipa (iOS, tvOS, visionOS) or a .pkg (macOS) file.');
  if (stat.size === 0) fail(shown, 'it is empty.');
  return { path: real, shown, fileName: basename(real), size: stat.size, kind, uti: kind === 'ipa' ? 'com.apple.ipa' : 'com.apple.pkg' };
}

/** Apple's size limit for the platform, checked once the platform is known. */
export function checkBuildSize(file: BuildFile, platform: Platform): void {
  const max = MAX_BUILD_BYTES[platform];
  if (file.size > max) fail(file.shown, `it has ${file.size} bytes, more than App Store Connect takes for ${platform} (${max} bytes; see "Maximum build file sizes" in App Store Connect Help).`);
}
