/**
 * Apple's processing codes (`state.errors` / `state.warnings` of a build upload), each shown as
 * one annotation that says what to change. Codes and meanings: docs/evidence/releases.md §1.6 (expo
 * eas-cli PRs #3455, #3456, #3461 and Transporter logs); other codes are shown as Apple gives them.
 */
import { annotate } from '@asc-actions/core';
import type { StateDetail } from '../model.js';

const HINTS: Record<string, string> = {
  '90062': 'Raise CFBundleShortVersionString above the version already approved or released.',
  '90186': 'This version train is closed: raise CFBundleShortVersionString.',
  '90478': 'This version is closed for new builds: raise CFBundleShortVersionString.',
  '90054':
    "The file's CFBundleIdentifier is not the app's bundle ID: check the `app` input and the target's bundle identifier.",
  '90055':
    "The file's CFBundleIdentifier is not the app's bundle ID: check the `app` input and the target's bundle identifier.",
  '90683': 'Add the purpose string (the NS…UsageDescription key Apple names) to the Info.plist.',
  '90725': 'Build with the Xcode and SDK App Store Connect currently requires.',
  '90189': 'This build number was uploaded already: raise CFBundleVersion and build again.',
};

/** "ITMS-90062", "90062" and "STATE_ERROR.90062" all name 90062. */
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
