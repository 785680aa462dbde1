/**
 * An app ready for App Review, for tests and benches: "Review Notes" with a live 2.0 and an
 * editable 2.1 on iOS (two locales filled in, What's New included, screenshots, App Review
 * contact), a processed 2.1 build with export compliance answered, the age rating declared and
 * the content rights declaration given, a price and three territories. Options take pieces away
 * to make it not ready.
 */
import type { Seed } from '../types.js';
import type { SeedBuild, TestFlightSeed } from '../resources/testflight/seed-types.js';
import type { SeedAppStoreVersion } from '../resources/app-store/seed-types.js';
import { SOME_TERRITORIES } from '../resources/pricing/seed.js';

export const REVIEW_APP_ID = '1650000001';
export const REVIEW_BUNDLE_ID = 'com.example.review';

export interface ReviewReadyOptions {
  /** Extra builds (the seed has 2.1 (100), processed, compliance answered). */
  builds?: SeedBuild[];
  /** Changes to the editable version 2.1. */
  version?: Partial<SeedAppStoreVersion>;
  /** No released version before 2.1: a first version (no What's New, no phased release). */
  firstVersion?: boolean;
  /** Leave out the age rating / content rights. */
  noAgeRating?: boolean;
  noContentRights?: boolean;
  /** No price schedule (the app was never priced). */
  noPrice?: boolean;
  /** Availability listing only territories the app is not available in (more than one page of the include). */
  noTerritory?: boolean;
  /** Uploaded this long before `now` (default one hour). */
  now?: number;
}

const locales = (whatsNew: boolean) => ({
  'en-US': {
    description: 'Review Notes keeps notes.',
    keywords: 'notes,review',
    supportUrl: 'https://example.com/support',
    ...(whatsNew ? { whatsNew: 'Faster sync.' } : {}),
  },
  'de-DE': {
    description: 'Review Notes hält Notizen.',
    keywords: 'notizen',
    supportUrl: 'https://example.com/de/support',
    ...(whatsNew ? { whatsNew: 'Schneller.' } : {}),
  },
});

export const AGE_RATING_NONE: Record<string, unknown> = {
  violenceCartoonOrFantasy: 'NONE',
  violenceRealistic: 'NONE',
  profanityOrCrudeHumor: 'NONE',
  sexualContentOrNudity: 'NONE',
  gamblingSimulated: 'NONE',
  horrorOrFearThemes: 'NONE',
  gambling: false,
  unrestrictedWebAccess: false,
};

export const REVIEW_CONTACT = {
  contactFirstName: 'Dana',
  contactLastName: 'Example',
  contactPhone: '+1 555 0100',
  contactEmail: 'review@example.com',
  demoAccountRequired: false,
};

export function reviewReadySeed(options: ReviewReadyOptions = {}): Seed & TestFlightSeed {
  const uploaded = new Date((options.now ?? Date.parse('2026-11-26T12:00:00Z')) - 3_600_000).toISOString();
  const first = options.firstVersion === true;
  const builds: SeedBuild[] = [
    { app: REVIEW_APP_ID, version: '2.1', buildNumber: '100', uploadedDate: uploaded, usesNonExemptEncryption: false },
    ...(options.builds ?? []),
  ];
  const editable: SeedAppStoreVersion = {
    versionString: '2.1',
    state: 'PREPARE_FOR_SUBMISSION',
    localizations: locales(!first),
    reviewDetail: REVIEW_CONTACT,
    screenshots: { APP_IPHONE_67: 3 },
    ...options.version,
  };
  return {
    apps: [
      {
        id: REVIEW_APP_ID,
        name: 'Review Notes',
        bundleId: REVIEW_BUNDLE_ID,
        primaryLocale: 'en-US',
        attributes: {
          contentRightsDeclaration: options.noContentRights ? undefined : 'DOES_NOT_USE_THIRD_PARTY_CONTENT',
        },
      },
    ],
    builds,
    pricing: [
      {
        app: REVIEW_APP_ID,
        price: !options.noPrice,
        ...(options.noTerritory
          ? { available: [], unavailable: [...SOME_TERRITORIES] }
          : { available: ['USA', 'GBR', 'DEU'] }),
      },
    ],
    appStore: [
      {
        app: REVIEW_APP_ID,
        appInfos: [
          {
            state: first ? 'PREPARE_FOR_SUBMISSION' : 'READY_FOR_DISTRIBUTION',
            categories: { primaryCategory: 'PRODUCTIVITY' },
            localizations: { 'en-US': { name: 'Review Notes' } },
            ...(options.noAgeRating ? {} : { ageRating: AGE_RATING_NONE }),
          },
        ],
        versions: [
          ...(first
            ? []
            : [
                {
                  versionString: '2.0',
                  state: 'READY_FOR_DISTRIBUTION',
                  localizations: locales(true),
                  reviewDetail: REVIEW_CONTACT,
                },
              ]),
          editable,
        ],
      },
    ],
  };
}
