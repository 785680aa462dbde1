/** Puts `seed.appStore` (app infos, versions, localizations, review details) into the store. */
import type { ResourceRecord, Seed } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import type { SeedAppInfo, SeedAppStoreVersion } from './seed-types.js';
import { linkChild } from './links.js';
import { appStoreStateFor } from './version-strings.js';

function findApp(state: EmulatorState, idOrBundleId: string): ResourceRecord {
  const app = state.get('apps', idOrBundleId) ?? state.apps().find((a) => a.attributes.bundleId === idOrBundleId);
  if (!app) throw new Error(`seed: app store metadata names unknown app '${idOrBundleId}'`);
  return app;
}

function seedAppInfo(state: EmulatorState, app: ResourceRecord, seed: SeedAppInfo): void {
  const relationships: ResourceRecord['relationships'] = {
    app: { type: 'apps', id: app.id },
    appInfoLocalizations: [],
  };
  for (const [name, id] of Object.entries(seed.categories ?? {})) {
    if (!state.get('appCategories', id)) throw new Error(`seed: unknown app category '${id}'`);
    relationships[name] = { type: 'appCategories', id };
  }
  const info = state.create('appInfos', { id: seed.id, attributes: { state: seed.state }, relationships });
  linkChild(app, 'appInfos', info);
  for (const [locale, attributes] of Object.entries(seed.localizations ?? {})) {
    const loc = state.create('appInfoLocalizations', {
      attributes: { locale, ...attributes },
      relationships: { appInfo: { type: 'appInfos', id: info.id } },
    });
    linkChild(info, 'appInfoLocalizations', loc);
  }
}

function seedVersion(state: EmulatorState, app: ResourceRecord, seed: SeedAppStoreVersion, index: number): void {
  const version = state.create('appStoreVersions', {
    id: seed.id,
    attributes: {
      platform: seed.platform ?? 'IOS',
      versionString: seed.versionString,
      appVersionState: seed.state,
      appStoreState: appStoreStateFor(seed.state),
      reviewType: 'APP_STORE',
      releaseType: 'AFTER_APPROVAL',
      downloadable: true,
      createdDate: seed.createdDate ?? new Date(Date.UTC(2025, 0, 1 + index * 30)).toISOString(),
      ...(seed.copyright !== undefined ? { copyright: seed.copyright } : {}),
    },
    relationships: { app: { type: 'apps', id: app.id }, appStoreVersionLocalizations: [] },
  });
  linkChild(app, 'appStoreVersions', version);
  for (const [locale, attributes] of Object.entries(seed.localizations ?? {})) {
    const loc = state.create('appStoreVersionLocalizations', {
      attributes: { locale, ...attributes },
      relationships: {
        appStoreVersion: { type: 'appStoreVersions', id: version.id },
        appScreenshotSets: [],
        appPreviewSets: [],
      },
    });
    linkChild(version, 'appStoreVersionLocalizations', loc);
  }
  if (seed.reviewDetail) {
    const detail = state.create('appStoreReviewDetails', {
      attributes: { ...seed.reviewDetail },
      relationships: { appStoreVersion: { type: 'appStoreVersions', id: version.id } },
    });
    version.relationships.appStoreReviewDetail = { type: 'appStoreReviewDetails', id: detail.id };
  }
}

export function seedAppStore(state: EmulatorState, seed: Seed): void {
  for (const entry of seed.appStore ?? []) {
    const app = findApp(state, entry.app);
    for (const info of entry.appInfos ?? []) seedAppInfo(state, app, info);
    (entry.versions ?? []).forEach((v, i) => seedVersion(state, app, v, i));
  }
}
