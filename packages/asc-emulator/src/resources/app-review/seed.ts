/**
 * The App Review part of `seed.appStore`: each version's build, release type, phased release,
 * screenshots and review submission; each app info's age rating declaration. Runs after the
 * app-store and TestFlight seeds (builds and versions exist by then).
 */
import type { ResourceRecord, Seed } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import type { SeedAppStoreVersion } from '../app-store/seed-types.js';
import { childrenOf, linkChild } from '../app-store/links.js';
import { compareVersions } from '../app-store/version-strings.js';
import { setVersionState } from './review-clock.js';

function appOf(state: EmulatorState, idOrBundleId: string): ResourceRecord {
  const app = state.get('apps', idOrBundleId) ?? state.apps().find((a) => a.attributes.bundleId === idOrBundleId);
  if (!app) throw new Error(`seed: unknown app '${idOrBundleId}'`);
  return app;
}

function findBuild(
  state: EmulatorState,
  app: ResourceRecord,
  version: ResourceRecord,
  idOrNumber: string,
): ResourceRecord {
  const build =
    state.get('builds', idOrNumber) ??
    state.all('builds').find((b) => {
      const train = state.get('preReleaseVersions', state.relatedId(b, 'preReleaseVersion') ?? '');
      return (
        state.relatedId(b, 'app') === app.id &&
        b.attributes.version === idOrNumber &&
        compareVersions(String(train?.attributes.version), String(version.attributes.versionString)) === 0
      );
    });
  if (!build)
    throw new Error(`seed: version ${String(version.attributes.versionString)} names unknown build '${idOrNumber}'`);
  return build;
}

function seedScreenshots(state: EmulatorState, version: ResourceRecord, screenshots: Record<string, number>): void {
  const localization = childrenOf(state, 'appStoreVersionLocalizations', 'appStoreVersion', version.id)[0];
  if (!localization)
    throw new Error(`seed: screenshots need a localization on version ${String(version.attributes.versionString)}`);
  for (const [displayType, count] of Object.entries(screenshots)) {
    const set = state.create('appScreenshotSets', {
      attributes: { screenshotDisplayType: displayType },
      relationships: {
        appStoreVersionLocalization: { type: 'appStoreVersionLocalizations', id: localization.id },
        appScreenshots: [],
      },
    });
    linkChild(localization, 'appScreenshotSets', set);
    for (let i = 0; i < count; i++) {
      const shot = state.create('appScreenshots', {
        attributes: {
          fileName: `${displayType.toLowerCase()}-${i + 1}.png`,
          fileSize: 1024,
          assetDeliveryState: { state: 'COMPLETE', errors: [], warnings: [] },
        },
        relationships: { appScreenshotSet: { type: 'appScreenshotSets', id: set.id } },
      });
      linkChild(set, 'appScreenshots', shot);
    }
  }
}

function seedSubmission(
  state: EmulatorState,
  app: ResourceRecord,
  version: ResourceRecord,
  submissionState: string,
): void {
  const submission = state.create('reviewSubmissions', {
    attributes: {
      platform: version.attributes.platform,
      state: submissionState,
      ...(submissionState === 'READY_FOR_REVIEW' ? {} : { submittedDate: '2026-01-02T10:00:00.000Z' }),
    },
    relationships: {
      app: { type: 'apps', id: app.id },
      items: [],
      appStoreVersionForReview: { type: 'appStoreVersions', id: version.id },
    },
  });
  const item = state.create('reviewSubmissionItems', {
    attributes: { state: submissionState === 'UNRESOLVED_ISSUES' ? 'REJECTED' : 'READY_FOR_REVIEW' },
    relationships: {
      reviewSubmission: { type: 'reviewSubmissions', id: submission.id },
      appStoreVersion: { type: 'appStoreVersions', id: version.id },
    },
  });
  linkChild(submission, 'items', item);
  const versionState: Record<string, string> = {
    READY_FOR_REVIEW: 'READY_FOR_REVIEW',
    WAITING_FOR_REVIEW: 'WAITING_FOR_REVIEW',
    IN_REVIEW: 'IN_REVIEW',
    UNRESOLVED_ISSUES: 'REJECTED',
  };
  if (versionState[submissionState]) setVersionState(version, versionState[submissionState]);
}

function seedVersion(state: EmulatorState, app: ResourceRecord, seed: SeedAppStoreVersion): void {
  const version = childrenOf(state, 'appStoreVersions', 'app', app.id).find(
    (v) => v.attributes.versionString === seed.versionString && v.attributes.platform === (seed.platform ?? 'IOS'),
  )!;
  if (seed.build) version.relationships.build = { type: 'builds', id: findBuild(state, app, version, seed.build).id };
  if (seed.releaseType) version.attributes.releaseType = seed.releaseType;
  if (seed.earliestReleaseDate) version.attributes.earliestReleaseDate = seed.earliestReleaseDate;
  if (seed.phasedRelease) {
    const phased = state.create('appStoreVersionPhasedReleases', {
      attributes: {
        phasedReleaseState: seed.phasedRelease,
        ...(seed.phasedRelease === 'INACTIVE'
          ? {}
          : { startDate: '2026-01-03T10:00:00.000Z', totalPauseDuration: 0, currentDayNumber: 1 }),
      },
      relationships: { appStoreVersion: { type: 'appStoreVersions', id: version.id } },
    });
    version.relationships.appStoreVersionPhasedRelease = { type: 'appStoreVersionPhasedReleases', id: phased.id };
  }
  if (seed.screenshots) seedScreenshots(state, version, seed.screenshots);
  if (seed.submission) seedSubmission(state, app, version, seed.submission);
}

export function seedAppReview(state: EmulatorState, seed: Seed): void {
  for (const entry of seed.appStore ?? []) {
    const app = appOf(state, entry.app);
    const infos = childrenOf(state, 'appInfos', 'app', app.id);
    (entry.appInfos ?? []).forEach((info, i) => {
      const record = infos[i];
      if (!record) return;
      const rating = state.create('ageRatingDeclarations', { attributes: { ...(info.ageRating ?? {}) } });
      record.relationships.ageRatingDeclaration = { type: 'ageRatingDeclarations', id: rating.id };
    });
    for (const version of entry.versions ?? []) seedVersion(state, app, version);
  }
}
