/**
 * What App Review checks when a version is added to a review submission. Apple answers a
 * version that is not ready with 409 `STATE_ERROR.ENTITY_STATE_INVALID` "appStoreVersions with
 * id '…' is not in valid state." and lists every problem in `meta.associatedErrors`, keyed by
 * the resource path (asc's test fixture `internal/cli/cmdtest/review_items_associated_errors_test.go`;
 * docs/evidence/releases.md §2.7, moderate). The list of checks is asc's readiness list
 * (`internal/cli/shared/submit_readiness.go`: description, keywords, support URL, What's New on
 * updates) plus what asc's error hints name (age rating, content rights) and what fastlane
 * requires (a build, export compliance). The codes in `associatedErrors` are the emulator's own.
 */
import type { EmulatorState } from '../../store/state.js';
import type { ResourceRecord } from '../../types.js';
import { AppleError } from '../../jsonapi/errors.js';
import { childrenOf, related } from '../app-store/links.js';

type Problem = { code: string; detail: string };

const RELEASED = [
  'READY_FOR_DISTRIBUTION',
  'REPLACED_WITH_NEW_VERSION',
  'DEVELOPER_REMOVED_FROM_SALE',
  'REMOVED_FROM_SALE',
];
/** Display types a version must have screenshots of, per platform (one of the list). */
export const REQUIRED_SCREENSHOTS: Readonly<Record<string, readonly string[]>> = {
  IOS: ['APP_IPHONE_67', 'APP_IPHONE_65'],
  MAC_OS: ['APP_DESKTOP'],
  TV_OS: ['APP_APPLE_TV'],
  VISION_OS: ['APP_APPLE_VISION_PRO'],
};
/** The age rating questions that have no default (an undeclared rating leaves them null). */
export const AGE_RATING_QUESTIONS = [
  'violenceCartoonOrFantasy',
  'violenceRealistic',
  'profanityOrCrudeHumor',
  'sexualContentOrNudity',
  'gamblingSimulated',
  'horrorOrFearThemes',
];

export function isUpdate(state: EmulatorState, version: ResourceRecord): boolean {
  return childrenOf(state, 'appStoreVersions', 'app', state.relatedId(version, 'app') ?? '').some(
    (v) =>
      v.id !== version.id &&
      v.attributes.platform === version.attributes.platform &&
      RELEASED.includes(String(v.attributes.appVersionState)),
  );
}

function buildProblems(state: EmulatorState, version: ResourceRecord): Problem[] {
  const build = related(state, version, 'build', 'builds');
  if (!build) return [{ code: 'BUILD_REQUIRED', detail: 'You must choose a build for this version.' }];
  const out: Problem[] = [];
  if (build.attributes.processingState !== 'VALID')
    out.push({ code: 'BUILD_NOT_PROCESSED', detail: `Build '${build.id}' has not finished processing.` });
  if (build.attributes.usesNonExemptEncryption === undefined)
    out.push({ code: 'EXPORT_COMPLIANCE_REQUIRED', detail: 'Export compliance information is missing for the build.' });
  return out;
}

function localizationProblems(state: EmulatorState, version: ResourceRecord): Problem[] {
  const update = isUpdate(state, version);
  const out: Problem[] = [];
  for (const loc of childrenOf(state, 'appStoreVersionLocalizations', 'appStoreVersion', version.id)) {
    const fields = ['description', 'keywords', 'supportUrl', ...(update ? ['whatsNew'] : [])];
    for (const field of fields) {
      if (!String(loc.attributes[field] ?? '').trim())
        out.push({
          code: 'ATTRIBUTE.REQUIRED',
          detail: `'${field}' is required for locale ${String(loc.attributes.locale)}.`,
        });
    }
  }
  return out;
}

function screenshotProblems(state: EmulatorState, version: ResourceRecord): Problem[] {
  const app = related(state, version, 'app', 'apps');
  const locs = childrenOf(state, 'appStoreVersionLocalizations', 'appStoreVersion', version.id);
  const primary = locs.find((l) => l.attributes.locale === app?.attributes.primaryLocale) ?? locs[0];
  const wanted = REQUIRED_SCREENSHOTS[String(version.attributes.platform)] ?? [];
  const sets = primary ? childrenOf(state, 'appScreenshotSets', 'appStoreVersionLocalization', primary.id) : [];
  const ok = sets.some(
    (s) =>
      wanted.includes(String(s.attributes.screenshotDisplayType)) && state.relatedIds(s, 'appScreenshots').length > 0,
  );
  return ok ? [] : [{ code: 'SCREENSHOT_REQUIRED', detail: `Screenshots are required for ${wanted.join(' or ')}.` }];
}

function appProblems(state: EmulatorState, version: ResourceRecord): Problem[] {
  const app = related(state, version, 'app', 'apps');
  const out: Problem[] = [];
  if (!app?.attributes.contentRightsDeclaration)
    out.push({ code: 'CONTENT_RIGHTS_REQUIRED', detail: 'The content rights declaration is required.' });
  const infos = childrenOf(state, 'appInfos', 'app', app?.id ?? '');
  const info = infos.find((i) => i.attributes.state !== 'READY_FOR_DISTRIBUTION') ?? infos[0];
  const rating = info && related(state, info, 'ageRatingDeclaration', 'ageRatingDeclarations');
  if (!rating || AGE_RATING_QUESTIONS.some((q) => rating.attributes[q] === undefined))
    out.push({ code: 'AGE_RATING_REQUIRED', detail: 'The age rating must be declared.' });
  return out;
}

/**
 * A price and at least one territory (App Store Connect's Pricing and Availability page). asc's
 * readiness check treats a missing price schedule, a missing availability and no available
 * territory as blocking (rorkai/App-Store-Connect-CLI internal/validation/pricing_availability.go);
 * the codes are the emulator's own.
 */
function pricingProblems(state: EmulatorState, version: ResourceRecord): Problem[] {
  const appId = state.relatedId(version, 'app') ?? '';
  const schedule = state.get('appPriceSchedules', appId);
  const availability = state.get('appAvailabilities', appId);
  const out: Problem[] = [];
  if (!schedule || state.relatedIds(schedule, 'manualPrices').length === 0)
    out.push({ code: 'PRICE_REQUIRED', detail: 'You must choose a price for the app.' });
  const available = (availability ? state.relatedIds(availability, 'territoryAvailabilities') : []).some(
    (id) => state.get('territoryAvailabilities', id)?.attributes.available === true,
  );
  if (!available)
    out.push({ code: 'AVAILABILITY_REQUIRED', detail: 'The app must be available in at least one territory.' });
  return out;
}

function reviewDetailProblems(state: EmulatorState, version: ResourceRecord): Problem[] {
  const detail = related(state, version, 'appStoreReviewDetail', 'appStoreReviewDetails');
  const missing = ['contactFirstName', 'contactLastName', 'contactPhone', 'contactEmail'].filter(
    (f) => !String(detail?.attributes[f] ?? '').trim(),
  );
  return missing.length
    ? [{ code: 'REVIEW_CONTACT_REQUIRED', detail: `App Review contact information is missing: ${missing.join(', ')}.` }]
    : [];
}

/** Throws Apple's 409 with every problem when the version cannot go to App Review. */
export function checkVersionReady(state: EmulatorState, version: ResourceRecord): void {
  const problems = [
    ...buildProblems(state, version),
    ...localizationProblems(state, version),
    ...screenshotProblems(state, version),
    ...appProblems(state, version),
    ...reviewDetailProblems(state, version),
    ...pricingProblems(state, version),
  ];
  if (problems.length === 0) return;
  throw new AppleError(409, [
    {
      status: '409',
      code: 'STATE_ERROR.ENTITY_STATE_INVALID',
      title: 'The request cannot be fulfilled because of the state of another resource.',
      detail: `appStoreVersions with id '${version.id}' is not in valid state.`,
      meta: {
        associatedErrors: {
          [`/v1/appStoreVersions/${version.id}`]: problems.map((p) => ({ code: p.code, detail: p.detail })),
        },
      },
    },
  ]);
}
