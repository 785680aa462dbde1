/**
 * The `file` input, checked before anything else: it must end in .ipa or .pkg, lie inside the
 * workspace (its real path; core's repoFile), be a regular file, and not exceed Apple's
 * largest build ("Maximum build file sizes", App Store Connect Help: 4 GB uncompressed for iOS,
 * tvOS and visionOS apps, 200 GB for macOS; a compressed .ipa is smaller than its app, so a file
 * over the limit cannot be a valid build).
 */
import { basename } from 'node:path';
import { InputError, repoFile } from '@asc-actions/core';
import type { BuildFile, FileKind, Platform } from '../model.js';

const GB = 1024 ** 3;
export const MAX_BUILD_BYTES: Record<Platform, number> = {
  IOS: 4 * GB,
  TV_OS: 4 * GB,
  VISION_OS: 4 * GB,
  MAC_OS: 200 * 1000 ** 3,
};

function fail(shown: string, what: string): never {
  throw new InputError(`Input "file" names ${JSON.stringify(shown)}: ${what}`, { input: 'file' });
}

/** By the name alone, before the disk is touched: .ipa or .pkg. */
export function buildKind(given: string): FileKind {
  if (/\.ipa$/i.test(given)) return 'ipa';
  if (/\.pkg$/i.test(given)) return 'pkg';
  return fail(given, 'expected an .ipa (iOS, tvOS, visionOS) or a .pkg (macOS) file.');
}

/** Through core's workspace file check (real path inside GITHUB_WORKSPACE, a regular file, the build cap). */
export function locateBuildFile(given: string, kind: FileKind): BuildFile {
  const file = repoFile(given, { input: 'file', kind: 'build' });
  if (file.size === 0) fail(file.shown, 'it is empty.');
  return {
    path: file.path,
    shown: file.shown,
    fileName: basename(file.path),
    size: file.size,
    kind,
    uti: kind === 'ipa' ? 'com.apple.ipa' : 'com.apple.pkg',
  };
}

/** Apple's size limit for the platform. */
export function checkBuildSize(file: BuildFile, platform: Platform): void {
  const max = MAX_BUILD_BYTES[platform];
  if (file.size > max)
    fail(
      file.shown,
      `it has ${file.size} bytes, more than App Store Connect takes for ${platform} (${max} bytes; see "Maximum build file sizes" in App Store Connect Help).`,
    );
}
