/**
 * Readiness for App Review (pure): every item App Review needs, each with what fixes it, all
 * reported at once before the first write. The list follows asc's readiness check
 * (description, keywords, support URL, What's New on updates), fastlane's (a build, export
 * compliance) and what Apple's 409 names (age rating, content rights, screenshots, contact);
 * see docs/evidence/releases.md §2.7. Apple's 409 keeps the last word.
 */
import type { AppInfo, BuildInfo, PricingState, ReadinessItem, Settings, VersionInfo } from '../model.js';
import { pricingItems } from './pricing-readiness.js';
import { sameVersion } from '@asc-actions/core';

/** Display types App Review requires, per platform: one of the list with a screenshot. */
export const REQUIRED_SCREENSHOTS: Readonly<Record<string, readonly string[]>> = {
  IOS: ['APP_IPHONE_67', 'APP_IPHONE_65'],
  MAC_OS: ['APP_DESKTOP'],
  TV_OS: ['APP_APPLE_TV'],
  VISION_OS: ['APP_APPLE_VISION_PRO'],
};

export interface ReadinessInput {
  app: AppInfo;
  settings: Settings;
  versionString: string;
  version?: VersionInfo;
  /** The build that will be attached (named by the inputs, or already attached). */
  build?: BuildInfo;
  /** Builds with the named number but another version, to explain a mismatch. */
  otherBuilds: BuildInfo[];
  isUpdate: boolean;
  screenshots?: string[];
  ageRatingDeclared?: boolean;
  pricing?: PricingState;
}

const ok = (item: ReadinessItem['item'], detail: string): ReadinessItem => ({ item, ok: true, detail });
const missing = (item: ReadinessItem['item'], detail: string, fix: string): ReadinessItem => ({
  item,
  ok: false,
  detail,
  fix,
});

function buildItem(r: ReadinessInput): ReadinessItem {
  const b = r.build;
  const choice = r.settings.build;
  const input = choice.kind === 'id' ? 'build-id' : 'build-number';
  if (!b) {
    if (choice.kind === 'attached')
      return missing(
        'build',
        `version ${r.versionString} has no build`,
        "give build-id (upload-build's output) or build-number",
      );
    const others = r.otherBuilds.map((o) => `${o.version ?? '?'} (${o.number})`).join(', ');
    const label = choice.kind === 'number' ? `build ${choice.number}` : `build ${choice.id}`;
    return missing(
      'build',
      `no ${label} of version ${r.versionString}${others ? `; found ${others}` : ''}`,
      `set ${input} to a build of version ${r.versionString}, or version to the build's version`,
    );
  }
  const label = `${b.version ?? '?'} (${b.number})`;
  if (b.version !== undefined && !sameVersion(b.version, r.versionString)) {
    return missing(
      'build',
      `build ${label} is of version ${b.version}, not ${r.versionString}`,
      `set ${input} to a build of version ${r.versionString}, or version to ${b.version}`,
    );
  }
  if (b.expired)
    return missing('build', `build ${label} has expired`, `upload a new build (upload-build) and give its build-id`);
  if (b.processingState !== 'VALID') {
    return missing(
      'build',
      `build ${label} is ${b.processingState ?? 'not processed'}`,
      b.processingState === 'PROCESSING'
        ? 'wait for processing to finish (upload-build waits with wait-for-processing), then run again'
        : 'upload a new build (upload-build)',
    );
  }
  return ok('build', `${label}, processed`);
}

function complianceItem(r: ReadinessInput): ReadinessItem {
  if (r.build?.usesNonExemptEncryption !== undefined)
    return ok('export-compliance', `answered (uses non-exempt encryption: ${String(r.build.usesNonExemptEncryption)})`);
  if (r.settings.usesNonExemptEncryption !== undefined)
    return ok(
      'export-compliance',
      `will be set from uses-non-exempt-encryption: ${String(r.settings.usesNonExemptEncryption)}`,
    );
  return missing(
    'export-compliance',
    "the build's export compliance is not answered",
    'set uses-non-exempt-encryption: false (or true), or ITSAppUsesNonExemptEncryption in Info.plist',
  );
}

function localizationItems(r: ReadinessInput): ReadinessItem[] {
  const locs = r.version?.localizations ?? [];
  const fields: Array<[ReadinessItem['item'], 'description' | 'keywords' | 'supportUrl' | 'whatsNew', string]> = [
    ['description', 'description', 'description.txt'],
    ['keywords', 'keywords', 'keywords.txt'],
    ['support-url', 'supportUrl', 'support_url.txt'],
    ...(r.isUpdate ? [['whats-new', 'whatsNew', 'release_notes.txt'] as ['whats-new', 'whatsNew', string]] : []),
  ];
  return fields.map(([item, field, file]) => {
    if (locs.length === 0)
      return missing(
        item,
        `version ${r.versionString} has no localizations`,
        `run upload-metadata with version: ${r.versionString} (metadata/<locale>/${file})`,
      );
    const without = locs.filter((l) => !(l[field] ?? '').trim()).map((l) => l.locale);
    if (without.length === 0) return ok(item, `set for ${locs.length} locale(s)`);
    return missing(
      item,
      `missing for ${without.join(', ')}`,
      `run upload-metadata with ${without.map((l) => `${l}/${file}`).join(', ')}`,
    );
  });
}

function screenshotItem(r: ReadinessInput): ReadinessItem {
  const wanted = REQUIRED_SCREENSHOTS[r.settings.platform] ?? [];
  const locale = r.app.primaryLocale ?? 'the primary locale';
  if (r.screenshots === undefined)
    return missing(
      'screenshots',
      `no localization to hold screenshots`,
      `run upload-metadata with screenshots for ${wanted.join(' or ')} in ${locale}`,
    );
  const found = r.screenshots.filter((t) => wanted.includes(t));
  if (found.length > 0) return ok('screenshots', `${found.join(', ')} in ${locale}`);
  return missing(
    'screenshots',
    `no ${wanted.join(' or ')} screenshots in ${locale}`,
    `run upload-metadata with screenshots (${wanted[0]}) in ${locale}`,
  );
}

function reviewContactItem(r: ReadinessInput): ReadinessItem {
  const c = r.version?.reviewContact ?? {};
  const names: Record<string, string> = {
    firstName: 'first_name',
    lastName: 'last_name',
    phone: 'phone_number',
    email: 'email_address',
  };
  const without = Object.keys(names).filter((k) => !(c[k] ?? '').trim());
  if (without.length === 0) return ok('review-contact', `${c.firstName} ${c.lastName}, ${c.email}`);
  return missing(
    'review-contact',
    `App Review contact lacks ${without.join(', ')}`,
    `run upload-metadata with review_information/${without.map((k) => `${names[k]}.txt`).join(', ')}`,
  );
}

export function readiness(r: ReadinessInput): ReadinessItem[] {
  return [
    buildItem(r),
    complianceItem(r),
    ...localizationItems(r),
    screenshotItem(r),
    r.ageRatingDeclared
      ? ok('age-rating', 'declared')
      : missing(
          'age-rating',
          r.ageRatingDeclared === undefined
            ? 'the app has no app info to read'
            : 'the age rating questionnaire is not answered',
          'answer it in App Store Connect → App Information → Age Rating',
        ),
    reviewContactItem(r),
    r.app.contentRights
      ? ok('content-rights', r.app.contentRights)
      : missing('content-rights', 'not declared', 'declare it in App Store Connect → App Information → Content Rights'),
    ...pricingItems(r.pricing),
  ];
}
