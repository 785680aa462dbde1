/** App Review and release: review submissions and items, a version's build, phased releases, release requests, age ratings. */
import type { ResourceFamily } from '../family.js';
import { ageRatingsFamily } from './age-ratings.js';
import { phasedReleasesFamily } from './phased-releases.js';
import { releaseRequestsFamily } from './release-requests.js';
import { reviewSubmissionItemsFamily } from './review-submission-items.js';
import { reviewSubmissionsFamily } from './review-submissions.js';
import { refreshReviews } from './review-clock.js';
import { seedAppReview } from './seed.js';
import { reviewControlRoute } from './control-route.js';
import { versionBuildFamily } from './version-build.js';

export const appReviewFamilies: readonly ResourceFamily[] = [
  // App Review moves with the clock: every request (version reads included) sees it up to date.
  { ...reviewSubmissionsFamily, seed: seedAppReview, refresh: refreshReviews, rawRoutes: [reviewControlRoute] },
  reviewSubmissionItemsFamily,
  versionBuildFamily,
  phasedReleasesFamily,
  releaseRequestsFamily,
  ageRatingsFamily,
];

export { REVIEW_CONTROL_PATH } from './control-route.js';
export { reviewControl, refreshReviews, type ReviewControl, type ReviewOutcome } from './review-clock.js';
export { REQUIRED_SCREENSHOTS, AGE_RATING_QUESTIONS } from './version-readiness.js';
export { PHASED_RELEASE_DAYS } from './phased-state.js';
