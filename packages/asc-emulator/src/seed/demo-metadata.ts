/**
 * Store metadata for the demo seed ("Demo Notes": a live 1.4 and an editable 1.5 on iOS, two
 * locales) and a builder of apps with many locales for tests and benches.
 */
import type { SeedAppStore, SeedAttributes } from '../resources/app-store/seed-types.js';
import { APP_STORE_LOCALES } from '../resources/app-store/rules.js';

const DEMO_REVIEW = {
  contactFirstName: 'Dana',
  contactLastName: 'Example',
  contactPhone: '+1 555 0100',
  contactEmail: 'review@example.com',
  demoAccountRequired: false,
  notes: 'No login needed.',
};

function demoVersionLocalizations(whatsNew: boolean): Record<string, SeedAttributes> {
  return {
    'en-US': {
      description: 'Demo Notes keeps your notes in sync.',
      keywords: 'notes,sync,markdown',
      supportUrl: 'https://example.com/support',
      ...(whatsNew ? { whatsNew: 'Bug fixes.' } : {}),
    },
    'de-DE': {
      description: 'Demo Notes hält deine Notizen synchron.',
      keywords: 'notizen,sync',
      supportUrl: 'https://example.com/de/support',
    },
  };
}

/** The demo app's metadata; `appId` is the seeded app's id. */
export function demoAppStore(appId: string): SeedAppStore[] {
  const infoLocalizations = {
    'en-US': { name: 'Demo Notes', subtitle: 'Notes that sync', privacyPolicyUrl: 'https://example.com/privacy' },
    'de-DE': { name: 'Demo Notizen', privacyPolicyUrl: 'https://example.com/de/privacy' },
  };
  return [
    {
      app: appId,
      appInfos: [
        {
          state: 'READY_FOR_DISTRIBUTION',
          categories: { primaryCategory: 'PRODUCTIVITY' },
          localizations: infoLocalizations,
        },
        {
          state: 'PREPARE_FOR_SUBMISSION',
          categories: { primaryCategory: 'PRODUCTIVITY' },
          localizations: infoLocalizations,
        },
      ],
      versions: [
        {
          versionString: '1.4',
          state: 'READY_FOR_DISTRIBUTION',
          copyright: '2025 Example Inc.',
          localizations: demoVersionLocalizations(true),
          reviewDetail: DEMO_REVIEW,
        },
        {
          versionString: '1.5',
          state: 'PREPARE_FOR_SUBMISSION',
          copyright: '2025 Example Inc.',
          localizations: demoVersionLocalizations(false),
          reviewDetail: DEMO_REVIEW,
        },
      ],
    },
  ];
}

export interface AppStoreFixtureOptions {
  /** How many locales (the first n of Apple's 50, en-US first). */
  locales: number;
  /** State of the one version; default PREPARE_FOR_SUBMISSION. */
  state?: string;
  versionString?: string;
  /** Add a released version before it (default true), so what's new is accepted. */
  withLiveVersion?: boolean;
  platform?: string;
}

/** Locales in a stable order, en-US first. */
export function fixtureLocales(n: number): string[] {
  return ['en-US', ...APP_STORE_LOCALES.filter((l) => l !== 'en-US')].slice(0, n);
}

/** An app with `locales` localizations of both kinds, every field filled with "v1" text. */
export function appStoreFixture(appId: string, options: AppStoreFixtureOptions): SeedAppStore {
  const locales = fixtureLocales(options.locales);
  const infos = Object.fromEntries(
    locales.map((l) => [
      l,
      { name: `App ${l}`, subtitle: 'Subtitle v1', privacyPolicyUrl: 'https://example.com/privacy' },
    ]),
  );
  const versionLocs = Object.fromEntries(
    locales.map((l) => [
      l,
      {
        description: `Description v1 (${l})`,
        keywords: 'alpha,beta',
        supportUrl: 'https://example.com/support',
        promotionalText: 'Promo v1',
      },
    ]),
  );
  const platform = options.platform ?? 'IOS';
  const live = options.withLiveVersion ?? true;
  return {
    app: appId,
    appInfos: [
      { state: 'PREPARE_FOR_SUBMISSION', categories: { primaryCategory: 'PRODUCTIVITY' }, localizations: infos },
    ],
    versions: [
      ...(live
        ? [{ platform, versionString: '1.0', state: 'READY_FOR_DISTRIBUTION', localizations: versionLocs }]
        : []),
      {
        platform,
        versionString: options.versionString ?? '1.1',
        state: options.state ?? 'PREPARE_FOR_SUBMISSION',
        copyright: '2025 Example',
        localizations: versionLocs,
      },
    ],
  };
}
