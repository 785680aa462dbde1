/**
 * Apple's processing codes (`state.errors` / `state.warnings` of a build upload), each shown as
 * one annotation that says what to change; other codes are shown as Apple gives them. The API
 * spells a code "90186" or "STATE_ERROR.VALIDATION_ERROR.90186" (altool's log of the Build Upload
 * API, openfoodfacts/smooth-app#3608); Transporter e-mails say "ITMS-90186".
 *
 * Each code's meaning was checked against Apple's own message as quoted in public threads
 * (quoted here in short; the threads carry the full text):
 * - 90062 "This bundle is invalid. The value for key CFBundleShortVersionString [1.0.4] in the
 *   Info.plist file must contain a higher version than that of the previously approved version
 *   [1.0.4]." — fastlane/fastlane#20807, openfoodfacts/smooth-app#2745.
 * - 90186 "Invalid Pre-Release Train. The train version '1.0.4' is closed for new build
 *   submissions" — fastlane/fastlane#20807, coliff/web-dev-pro#88 (Apple's e-mail). Usually
 *   together with 90062, once that version was approved.
 * - 90478 "Invalid Version. The build with the version “2.20.170928” can’t be imported because a
 *   later version has been closed for new build submissions. Choose a different version number."
 *   — stdworkflow.com/762 (Apple's e-mail). A *later* version is closed, not this one.
 * - 90054 "This bundle is invalid. The bundle identifier cannot be changed from the previous
 *   version. If you want to change your bundle identifier, you will need to create a new
 *   application …" — fastlane/fastlane#21028.
 * - 90055 "This bundle is invalid. The bundle identifier cannot be changed from the current value,
 *   'com.foo.FooApp'. If you want to change your bundle identifier, you will need to create a new
 *   application in iTunes Connect." — fastlane/fastlane#5592 (expo/eas-cli#3455 treats both as
 *   "the file's bundle id is not the selected app's").
 * - 90683 "Missing purpose string in Info.plist - Your app’s code references one or more APIs that
 *   access sensitive user data … The Info.plist file for the “Runner.app” bundle should contain a
 *   NSLocationAlwaysAndWhenInUseUsageDescription key with a user-facing purpose string … If you’re
 *   using external libraries or SDKs, they may reference APIs that require a purpose string." —
 *   digitalfabrik/entitlementcard#1219, digitalfabrik/lunes-app#1112 (sent as a warning there:
 *   "Although delivery was successful …").
 * - 90725 "SDK version issue - This app was built with the iOS 18.5 SDK. Starting April 2026, all
 *   iOS and iPadOS apps must be built with the iOS 26 SDK or later, included in Xcode 26 or later"
 *   — SharezoneApp/sharezone-app#2021, humhub/app#159 (a warning until the date, then an error:
 *   solar2d/demo-app-store-automation#10).
 * - 90189 "Redundant Binary Upload. You've already uploaded a build with build number '23' for
 *   version number '0.5'. Make sure you increment the build string before you upload your app to
 *   App Store Connect." — microsoft/app-store-vsts-extension#95, fastlane/fastlane#18154.
 */
import { annotate } from '@asc-actions/core';
import type { StateDetail } from '../model.js';

const BUNDLE_ID =
  "The file's CFBundleIdentifier is not this app's bundle ID, and an app's bundle ID cannot change: check the `app` input and the target's bundle identifier (another bundle ID needs its own app record).";

const HINTS: Record<string, string> = {
  '90062': 'Raise CFBundleShortVersionString above the version App Store Connect approved last.',
  '90186': "This version's train is closed (the version was approved): raise CFBundleShortVersionString.",
  '90478': 'A later version is closed for new builds: raise CFBundleShortVersionString above it.',
  '90054': BUNDLE_ID,
  '90055': BUNDLE_ID,
  '90683':
    'Add the purpose string Apple names (the NS…UsageDescription key) to the Info.plist; it is required even when only a library references the API.',
  '90725':
    'Build with the Xcode and SDK Apple names in the message (App Store Connect refuses older SDKs after the date).',
  '90189': 'This build number was uploaded already for this version: raise CFBundleVersion and build again.',
};

/** "ITMS-90062", "90062" and "STATE_ERROR.VALIDATION_ERROR.90062" all name 90062. */
export function codeNumber(code: string | undefined): string | undefined {
  return /(\d{5})/.exec(code ?? '')?.[1];
}

export function hintFor(code: string | undefined): string | undefined {
  const n = codeNumber(code);
  return n ? HINTS[n] : undefined;
}

export function annotateDetails(level: 'error' | 'warning', details: StateDetail[], label: string): void {
  for (const d of details) {
    const hint = hintFor(d.code);
    const text = [d.description?.trim() || 'No description given.', hint].filter(Boolean).join(' ');
    annotate(level, text, {
      title: `${label}: App Store Connect ${level === 'error' ? 'rejected the build' : 'warns'} (${d.code ?? 'no code'})`,
    });
  }
}
