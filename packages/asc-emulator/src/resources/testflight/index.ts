/** The TestFlight resource families (builds to beta review), registered together in resources/index.ts. */
import type { ResourceFamily } from '../family.js';
import { buildsFamily } from './builds.js';
import { buildUploadsFamily } from './build-uploads.js';
import { buildUploadFilesFamily } from './build-upload-files.js';
import { buildPartsRoute } from './build-upload/parts.js';
import { preReleaseVersionsFamily } from './pre-release-versions.js';
import { buildBetaDetailsFamily } from './build-beta-details.js';
import { betaBuildLocalizationsFamily } from './beta-build-localizations.js';
import { betaTestersFamily } from './beta-testers.js';
import { betaGroupBuildsFamily } from './beta-group-builds.js';
import { betaTestInformationFamily } from './beta-test-information.js';
import { betaAppReviewFamily } from './beta-app-review.js';
import { buildBetaNotificationsFamily } from './build-beta-notifications.js';
import { seedTestFlight } from './seed.js';

export const testflightFamilies: readonly ResourceFamily[] = [
  { ...buildsFamily, seed: seedTestFlight },
  buildUploadsFamily,
  // The pre-signed URLs the build's parts are PUT to.
  { ...buildUploadFilesFamily, rawRoutes: [buildPartsRoute] },
  preReleaseVersionsFamily,
  buildBetaDetailsFamily,
  betaBuildLocalizationsFamily,
  betaTestersFamily,
  betaGroupBuildsFamily,
  betaTestInformationFamily,
  betaAppReviewFamily,
  buildBetaNotificationsFamily,
];

export { uploadBuild } from './upload.js';
export { refreshTestFlight } from './states.js';
export { missingTestInformation } from './beta-app-review.js';
export { versionKey, sameVersion } from './versions.js';
export { WHATS_NEW_MAX } from './beta-build-localizations.js';
export type * from './seed-types.js';
export type { BuildTimeline, ProcessingOutcome } from './timeline.js';
export {
  buildUploadControl,
  type BuildUploadControl,
  type ProcessingPlan,
  type PartPut,
  type StateDetail,
} from './build-upload/control.js';
