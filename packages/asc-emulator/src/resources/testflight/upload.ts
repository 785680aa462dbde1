/**
 * A build arriving in App Store Connect: its pre-release version train (found by Apple's version
 * equality, created when new), the build, its buildBetaDetail, its buildUpload, and its timeline.
 */
import type { ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import type { SeedBuild } from './seed-types.js';
import { DEFAULT_COMPLIANCE_REPROCESS_MS, setTimeline } from './timeline.js';
import { refreshBuild } from './states.js';
import { sameVersion } from './versions.js';
import { addOnce, link } from './links.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** TestFlight builds expire 90 days after upload. */
const EXPIRES_AFTER_MS = 90 * DAY_MS;

export function findAppRecord(state: EmulatorState, ref: string): ResourceRecord {
  const app = state.get('apps', ref) ?? state.apps().find((a) => a.attributes.bundleId === ref);
  if (!app) throw new Error(`seed: unknown app '${ref}'`);
  return app;
}

function preReleaseVersion(
  state: EmulatorState,
  app: ResourceRecord,
  version: string,
  platform: string,
): ResourceRecord {
  const existing = state
    .all('preReleaseVersions')
    .find(
      (v) =>
        state.relatedId(v, 'app') === app.id &&
        v.attributes.platform === platform &&
        sameVersion(String(v.attributes.version), version),
    );
  if (existing) return existing;
  return state.create('preReleaseVersions', {
    attributes: { version, platform },
    relationships: { app: { type: 'apps', id: app.id }, builds: [] },
  });
}

function groupRef(state: EmulatorState, app: ResourceRecord, ref: string): ResourceRecord {
  const group =
    state.get('betaGroups', ref) ??
    state.betaGroups().find((g) => state.relatedId(g, 'app') === app.id && g.attributes.name === ref);
  if (!group) throw new Error(`seed: build names unknown beta group '${ref}'`);
  return group;
}

function createBuild(
  state: EmulatorState,
  spec: SeedBuild,
  app: ResourceRecord,
  prv: ResourceRecord,
  uploadedAt: number,
): ResourceRecord {
  // Apple's build ids are UUIDs (the store's default for 'builds' is numeric).
  const id = spec.id ?? state.newId('buildUuids');
  const build = state.create('builds', {
    id,
    attributes: {
      version: spec.buildNumber,
      uploadedDate: new Date(uploadedAt).toISOString(),
      expirationDate: new Date(uploadedAt + EXPIRES_AFTER_MS).toISOString(),
      expired: spec.expired ?? false,
      minOsVersion: '17.0',
      processingState: 'PROCESSING',
      buildAudienceType: 'APP_STORE_ELIGIBLE',
      ...(spec.usesNonExemptEncryption !== undefined ? { usesNonExemptEncryption: spec.usesNonExemptEncryption } : {}),
    },
    relationships: {
      app: { type: 'apps', id: app.id },
      preReleaseVersion: { type: 'preReleaseVersions', id: prv.id },
      buildBetaDetail: { type: 'buildBetaDetails', id },
      betaGroups: [],
      betaBuildLocalizations: [],
      individualTesters: [],
    },
  });
  addOnce(prv, 'builds', { type: 'builds', id });
  return build;
}

function attachDetails(
  state: EmulatorState,
  spec: SeedBuild,
  build: ResourceRecord,
  platform: string,
  prv: ResourceRecord,
  existing?: ResourceRecord,
): void {
  state.create('buildBetaDetails', {
    id: build.id,
    attributes: {
      autoNotifyEnabled: spec.autoNotifyEnabled ?? true,
      internalBuildState: 'PROCESSING',
      externalBuildState: 'PROCESSING',
    },
    relationships: { build: { type: 'builds', id: build.id } },
  });
  if (existing) {
    // An upload made through the API: its build is linked once processing is done (states.ts).
    build.relationships.buildUpload = { type: 'buildUploads', id: existing.id };
    return;
  }
  const upload = state.create('buildUploads', {
    attributes: {
      cfBundleShortVersionString: String(prv.attributes.version),
      cfBundleVersion: spec.buildNumber,
      createdDate: build.attributes.uploadedDate,
      uploadedDate: build.attributes.uploadedDate,
      platform,
      state: { state: 'PROCESSING', errors: [], warnings: [], infos: [] },
    },
    relationships: {
      build: { type: 'builds', id: build.id },
      app: { type: 'apps', id: String(state.relatedId(build, 'app')) },
    },
  });
  build.relationships.buildUpload = { type: 'buildUploads', id: upload.id };
}

/**
 * Apple creates the build's beta localization itself, in the app's primary locale, empty
 * (Apple-Actions' upload-testflight-build waits up to 10 minutes for it, then PATCHes it:
 * `src/buildMetadata.ts` at commit 1ad58030: likely, not confirmed). Here it exists from the upload.
 */
function primaryLocalization(app: ResourceRecord, spec: SeedBuild): Record<string, string | undefined> {
  const primary = typeof app.attributes.primaryLocale === 'string' ? app.attributes.primaryLocale : 'en-US';
  return spec.whatsNew && primary in spec.whatsNew ? spec.whatsNew : { [primary]: undefined, ...spec.whatsNew };
}

function attachExtras(
  state: EmulatorState,
  spec: SeedBuild,
  build: ResourceRecord,
  app: ResourceRecord,
  uploadedAt: number,
): void {
  for (const ref of spec.betaGroups ?? []) link(build, 'betaGroups', groupRef(state, app, ref), 'builds');
  for (const [locale, whatsNew] of Object.entries(primaryLocalization(app, spec))) {
    const loc = state.create('betaBuildLocalizations', {
      attributes: { locale, whatsNew },
      relationships: { build: { type: 'builds', id: build.id } },
    });
    addOnce(build, 'betaBuildLocalizations', { type: 'betaBuildLocalizations', id: loc.id });
  }
  if (spec.betaReviewState) {
    const submission = state.create('betaAppReviewSubmissions', {
      attributes: {
        betaReviewState: spec.betaReviewState,
        submittedDate: new Date(uploadedAt + (spec.processingMs ?? 0)).toISOString(),
      },
      relationships: { build: { type: 'builds', id: build.id } },
    });
    build.relationships.betaAppReviewSubmission = { type: 'betaAppReviewSubmissions', id: submission.id };
  }
}

/**
 * Puts a build into the store as if it had been uploaded at `uploadedAt` (or `spec.uploadedDate`).
 * Tests call it to upload a build "now" and let the clock run; a committed build upload passes
 * itself as `existing` (build-upload/processing.ts).
 */
export function uploadBuild(
  state: EmulatorState,
  spec: SeedBuild,
  uploadedAt: number,
  existing?: ResourceRecord,
): ResourceRecord {
  const at = spec.uploadedDate ? Date.parse(spec.uploadedDate) : uploadedAt;
  const app = findAppRecord(state, spec.app);
  const platform = spec.platform ?? 'IOS';
  const prv = preReleaseVersion(state, app, spec.version, platform);
  const build = createBuild(state, spec, app, prv, at);
  const processedAt = at + (spec.processingMs ?? 0);
  setTimeline(state, build.id, {
    uploadedAt: at,
    listedAt: at + (spec.listedAfterMs ?? 0),
    processedAt,
    outcome: spec.outcome ?? 'VALID',
    betaDetailReadyAt: processedAt + (spec.betaDetailLagMs ?? 0),
    complianceReprocessMs: spec.complianceReprocessMs ?? DEFAULT_COMPLIANCE_REPROCESS_MS,
    errors:
      spec.errors ??
      (spec.outcome && spec.outcome !== 'VALID' ? [{ code: 'ITMS-90000', description: 'The binary is invalid.' }] : []),
  });
  attachDetails(state, spec, build, platform, prv, existing);
  attachExtras(state, spec, build, app, at);
  refreshBuild(state, build, at);
  return build;
}
