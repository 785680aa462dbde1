/**
 * Reads the app's current metadata in four requests: the app, then in parallel its app infos
 * (localizations and categories included), its candidate versions (localizations and App
 * Review information included) and the list of all its versions for the platform.
 */
import {
  findApp,
  includedOfType,
  InputError,
  linkedIds,
  listAppInfoLocalizations,
  listAppInfos,
  listAppStoreVersionLocalizations,
  listAppStoreVersions,
  type AppInfo,
  type AppInfoLocalization,
  type AppStoreReviewDetail,
  type AppStoreVersion,
  type AppStoreVersionLocalization,
  type AscClient,
  type CategoryRelationship,
} from '@asc-actions/core';
import type {
  RemoteApp,
  RemoteAppInfo,
  RemoteLocalization,
  RemoteState,
  RemoteVersion,
  VersionSummary,
} from '../model/remote.js';

/** Apple includes at most this many related items per resource (`limit[...]` ≤ 50). */
const INCLUDE_LIMIT = 50;
const CATEGORY_RELATIONSHIPS: CategoryRelationship[] = [
  'primaryCategory',
  'primarySubcategoryOne',
  'primarySubcategoryTwo',
  'secondaryCategory',
  'secondarySubcategoryOne',
  'secondarySubcategoryTwo',
];

export async function findTargetApp(client: AscClient, idOrBundleId: string): Promise<RemoteApp> {
  const app = await findApp(client, idOrBundleId);
  if (!app) {
    const what = /^\d+$/.test(idOrBundleId.trim()) ? 'Apple ID' : 'bundle id';
    throw new InputError(
      `Input "app": no app with ${what} "${idOrBundleId}" is visible to this API key (check the value and the key's app access).`,
      { input: 'app' },
    );
  }
  const a = app.attributes ?? {};
  return { id: app.id, bundleId: a.bundleId ?? '', name: a.name ?? '', primaryLocale: a.primaryLocale ?? 'en-US' };
}

function localization(r: { id: string; attributes?: Record<string, unknown> }): RemoteLocalization {
  const attributes: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(r.attributes ?? {}))
    if (typeof v === 'string' && k !== 'locale') attributes[k] = v;
  return { id: r.id, locale: String(r.attributes?.locale ?? ''), attributes };
}

/** Included localizations, or the full list when the include may have been capped. */
async function localizationsOf<T extends { id: string; type: string; attributes?: Record<string, unknown> }>(
  ids: string[],
  included: Map<string, T>,
  fetchAll: () => Promise<T[]>,
): Promise<RemoteLocalization[]> {
  if (ids.length >= INCLUDE_LIMIT) return (await fetchAll()).map(localization);
  return ids.flatMap((id) => (included.has(id) ? [localization(included.get(id)!)] : []));
}

export async function readAppInfos(client: AscClient, appId: string): Promise<RemoteAppInfo[]> {
  const doc = await listAppInfos(client, appId, {
    include: ['appInfoLocalizations', 'ageRatingDeclaration', ...CATEGORY_RELATIONSHIPS],
    'limit[appInfoLocalizations]': INCLUDE_LIMIT,
  });
  const locs = includedOfType<AppInfoLocalization>(doc.included, 'appInfoLocalizations');
  const declarations = includedOfType<{ id: string; type: string; attributes?: Record<string, unknown> }>(
    doc.included,
    'ageRatingDeclarations',
  );
  return Promise.all(
    doc.data.map(async (info: AppInfo) => {
      const categories: RemoteAppInfo['categories'] = {};
      for (const name of CATEGORY_RELATIONSHIPS) {
        const [id] = linkedIds(info.relationships?.[name]);
        if (id) categories[name] = id;
      }
      const ids = linkedIds(info.relationships?.appInfoLocalizations);
      const localizations = await localizationsOf(
        ids,
        locs,
        async () => (await listAppInfoLocalizations(client, info.id)).data,
      );
      const [declarationId] = linkedIds(info.relationships?.ageRatingDeclaration);
      const declaration = declarationId ? declarations.get(declarationId) : undefined;
      const answers = Object.fromEntries(
        Object.entries(declaration?.attributes ?? {}).filter(
          (e): e is [string, string | boolean] => typeof e[1] === 'string' || typeof e[1] === 'boolean',
        ),
      );
      return {
        id: info.id,
        state: info.attributes?.state ?? '',
        categories,
        localizations,
        ...(declarationId ? { ageRating: { id: declarationId, answers } } : {}),
      };
    }),
  );
}

/** Versions of the platform matching `filter` (e.g. the editable states), read in full. */
export async function readVersions(
  client: AscClient,
  appId: string,
  platform: string,
  filter: Record<string, string[]>,
): Promise<RemoteVersion[]> {
  const doc = await listAppStoreVersions(client, appId, {
    'filter[platform]': [platform],
    ...filter,
    include: ['appStoreVersionLocalizations', 'appStoreReviewDetail'],
    'limit[appStoreVersionLocalizations]': INCLUDE_LIMIT,
  });
  const locs = includedOfType<AppStoreVersionLocalization>(doc.included, 'appStoreVersionLocalizations');
  const reviews = includedOfType<AppStoreReviewDetail>(doc.included, 'appStoreReviewDetails');
  return Promise.all(
    doc.data.map(async (v: AppStoreVersion) => {
      const ids = linkedIds(v.relationships?.appStoreVersionLocalizations);
      const localizations = await localizationsOf(
        ids,
        locs,
        async () => (await listAppStoreVersionLocalizations(client, v.id)).data,
      );
      const [reviewId] = linkedIds(v.relationships?.appStoreReviewDetail);
      const review = reviewId ? reviews.get(reviewId) : undefined;
      return {
        ...summary(v),
        copyright: v.attributes?.copyright ?? undefined,
        localizations,
        reviewDetail: review ? { id: review.id, attributes: { ...(review.attributes ?? {}) } } : undefined,
      };
    }),
  );
}

function summary(v: AppStoreVersion): VersionSummary {
  return {
    id: v.id,
    versionString: v.attributes?.versionString ?? '',
    state: v.attributes?.appVersionState ?? '',
    createdDate: v.attributes?.createdDate,
  };
}

export async function readAllVersions(client: AscClient, appId: string, platform: string): Promise<VersionSummary[]> {
  const doc = await listAppStoreVersions(client, appId, {
    'filter[platform]': [platform],
    'fields[appStoreVersions]': ['versionString', 'appVersionState', 'createdDate'],
  });
  return doc.data.map(summary);
}

/** The whole remote picture for one app and platform; `states` chooses the candidate versions. */
export async function readRemote(
  client: AscClient,
  app: RemoteApp,
  platform: string,
  states: readonly string[],
): Promise<RemoteState> {
  const [appInfos, candidates, versions] = await Promise.all([
    readAppInfos(client, app.id),
    readVersions(client, app.id, platform, { 'filter[appVersionState]': [...states] }),
    readAllVersions(client, app.id, platform),
  ]);
  return { app, appInfos, versions, candidates };
}
