/**
 * The demo seed of `npm start` and the e2e workflow (the CLI's default): the demo seed plus what
 * App Review needs for Demo Notes 1.5, so the demo pipeline ends at "Waiting for Review": a
 * processed 1.5 (50) build, iPhone screenshots on 1.5's en-US, the age rating and the content
 * rights declared, What's New filled in (so submit-for-review also succeeds on its own, as
 * GitHub's local-action test runs it). And "Demo Tasks" 2.1, approved with a manual release and
 * an INACTIVE phased release, for release-version. Tests that start the emulator without a seed
 * get the plain demo seed.
 */
import type { Seed } from '../types.js';
import type { TestFlightSeed } from '../resources/testflight/seed-types.js';
import { DEMO_APP_ID, demoSeed } from './demo.js';
import { AGE_RATING_NONE } from './review-ready.js';

export const DEMO_REVIEW_VERSION = '1.5';
export const DEMO_REVIEW_BUILD_NUMBER = '50';
export const DEMO_TASKS_APP_ID = '1600000002';

const tasksLocale = {
  description: 'Demo Tasks keeps lists.',
  keywords: 'tasks,lists',
  supportUrl: 'https://example.com/support',
  whatsNew: 'Reminders.',
};

function withWhatsNew(
  localizations: Record<string, Record<string, string>> | undefined,
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(localizations ?? {}).map(([locale, a]) => [locale, { whatsNew: 'Faster sync.', ...a }]),
  );
}

export function demoPipelineSeed(now: number = Date.now()): Seed & TestFlightSeed {
  const base = demoSeed(now) as Seed & TestFlightSeed;
  return {
    ...base,
    apps: (base.apps ?? []).map((a) =>
      a.id === DEMO_APP_ID
        ? { ...a, attributes: { ...a.attributes, contentRightsDeclaration: 'DOES_NOT_USE_THIRD_PARTY_CONTENT' } }
        : a,
    ),
    // Priced and available (Pricing and Availability is set in App Store Connect, not by an action).
    pricing: [
      ...(base.pricing ?? []),
      { app: DEMO_APP_ID, available: ['USA', 'GBR', 'DEU'] },
      { app: DEMO_TASKS_APP_ID },
    ],
    builds: [
      ...(base.builds ?? []),
      {
        app: DEMO_APP_ID,
        version: DEMO_REVIEW_VERSION,
        buildNumber: DEMO_REVIEW_BUILD_NUMBER,
        uploadedDate: new Date(now - 2 * 3_600_000).toISOString(),
        usesNonExemptEncryption: false,
      },
    ],
    appStore: [
      ...(base.appStore ?? []).map((entry) =>
        entry.app !== DEMO_APP_ID
          ? entry
          : {
              ...entry,
              appInfos: (entry.appInfos ?? []).map((info) => ({ ...info, ageRating: AGE_RATING_NONE })),
              versions: (entry.versions ?? []).map((v) =>
                v.versionString === DEMO_REVIEW_VERSION
                  ? { ...v, screenshots: { APP_IPHONE_67: 3 }, localizations: withWhatsNew(v.localizations) }
                  : v,
              ),
            },
      ),
      {
        app: DEMO_TASKS_APP_ID,
        appInfos: [
          {
            state: 'READY_FOR_DISTRIBUTION',
            categories: { primaryCategory: 'PRODUCTIVITY' },
            localizations: { 'en-US': { name: 'Demo Tasks' } },
            ageRating: AGE_RATING_NONE,
          },
        ],
        versions: [
          { versionString: '2.0', state: 'READY_FOR_DISTRIBUTION', localizations: { 'en-US': tasksLocale } },
          {
            versionString: '2.1',
            state: 'PENDING_DEVELOPER_RELEASE',
            releaseType: 'MANUAL',
            phasedRelease: 'INACTIVE',
            localizations: { 'en-US': tasksLocale },
          },
        ],
      },
    ],
  };
}
