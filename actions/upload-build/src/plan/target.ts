/**
 * Pure: the inputs and what the file says → the platform, version, build number and app to
 * upload for. Where both speak they must agree (Apple validates the Info.plist inside the file,
 * not the numbers declared: docs/evidence/releases.md §1.5), so a disagreement fails here, naming both.
 */
import { InputError, sameVersion } from '@asc-actions/core';
import type { Settings } from '../inputs.js';
import type { BuildFile, BundleInfo, FileKind, Platform } from '../model.js';

export interface Wanted {
  /** Bundle id or Apple ID to look up. */
  app: string;
  appFromFile: boolean;
  /** The file's CFBundleIdentifier, when it has one (checked against the app found). */
  fileBundleId?: string;
  platform: Platform;
  version: string;
  buildNumber: string;
}

const isAppleId = (ref: string): boolean => /^\d+$/.test(ref);

/** The platform: the input, or by the file's kind; a .pkg is macOS and an .ipa is not. */
export function platformOf(settings: Settings, file: { kind: FileKind; shown: string }): Platform {
  const platform = settings.platform ?? (file.kind === 'pkg' ? 'MAC_OS' : 'IOS');
  if (file.kind === 'pkg' && platform !== 'MAC_OS')
    throw new InputError(
      `Input "platform" is ${platform}, but ${file.shown} is a .pkg, which is a macOS build (MAC_OS).`,
      { input: 'platform' },
    );
  if (file.kind === 'ipa' && platform === 'MAC_OS')
    throw new InputError(
      `Input "platform" is MAC_OS, but ${file.shown} is an .ipa; macOS builds are uploaded as .pkg.`,
      { input: 'platform' },
    );
  return platform;
}

function agreed(
  input: 'version' | 'build-number',
  key: string,
  given: string | undefined,
  inFile: string | undefined,
  info: BundleInfo | undefined,
  file: BuildFile,
): string {
  if (info && inFile === undefined) {
    throw new InputError(
      `Input "file": ${info.plistPath} in ${file.shown} has no ${key}; App Store Connect rejects a build without it. Set it in the app target's Info.plist and build again.`,
      { input: 'file' },
    );
  }
  if (given !== undefined && inFile !== undefined && !sameVersion(given, inFile)) {
    throw new InputError(
      `Input "${input}" is ${given}, but ${info?.plistPath ?? 'the file'} says ${key} ${inFile}. Apple reads the file, not the input: leave "${input}" empty or build the app with ${given}.`,
      { input },
    );
  }
  const value = inFile ?? given;
  if (value === undefined)
    throw new InputError(`Input "${input}" is required for ${file.shown}: a .pkg's ${key} is not read from the file.`, {
      input,
    });
  return value;
}

export function resolveWanted(
  settings: Settings,
  file: BuildFile,
  info: BundleInfo | undefined,
  platform: Platform,
): Wanted {
  const version = agreed('version', 'CFBundleShortVersionString', settings.version, info?.version, info, file);
  const buildNumber = agreed('build-number', 'CFBundleVersion', settings.buildNumber, info?.buildNumber, info, file);
  if (info && !info.bundleId)
    throw new InputError(
      `Input "file": ${info.plistPath} in ${file.shown} has no CFBundleIdentifier; App Store Connect rejects a build without it.`,
      { input: 'file' },
    );
  if (settings.app && !isAppleId(settings.app) && info?.bundleId && settings.app !== info.bundleId) {
    throw new InputError(
      `Input "app" is ${settings.app}, but ${info.plistPath} says CFBundleIdentifier ${info.bundleId}. Apple rejects a build whose bundle id is not the app's (90054/90055).`,
      { input: 'app' },
    );
  }
  const app = settings.app ?? info?.bundleId;
  if (!app)
    throw new InputError(`Input "app" is required for ${file.shown}: a .pkg's bundle id is not read from the file.`, {
      input: 'app',
    });
  return { app, appFromFile: settings.app === undefined, fileBundleId: info?.bundleId, platform, version, buildNumber };
}

/** After the app is found by Apple ID: the file's bundle id must be the app's. */
export function checkAppBundle(wanted: Wanted, appBundleId: string, appName: string): void {
  if (wanted.fileBundleId && appBundleId && wanted.fileBundleId !== appBundleId) {
    throw new InputError(
      `Input "app" is ${wanted.app} (${appName}, bundle ID ${appBundleId}), but the file's CFBundleIdentifier is ${wanted.fileBundleId}. Apple rejects a build whose bundle id is not the app's (90054/90055).`,
      { input: 'app' },
    );
  }
}
