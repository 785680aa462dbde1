/** @asc-actions/core/api: one function per App Store Connect call, and the types generated from Apple's spec. */
export { findApp, isAppId } from './apps.js';
export { getSalesReport, getFinanceReport, reportAbsence, latestReportVersion } from './reports.js';
export { customerReviewPages, getReviewReply, createReviewReply, REVIEW_REPLY_MAX_LENGTH } from './customer-reviews.js';
export type * from './generated/schemas.js';
export * from './generated/operations.js';
export { includedOfType, linkedIds } from './documents.js';
export { listAppInfos, updateAppInfoCategories, type CategoryRelationship } from './app-infos.js';
export {
  listAppInfoLocalizations,
  createAppInfoLocalization,
  updateAppInfoLocalization,
  type AppInfoLocalizationAttributes,
} from './app-info-localizations.js';
export {
  listAppStoreVersions,
  createAppStoreVersion,
  updateAppStoreVersion,
  EDITABLE_VERSION_STATES,
  ON_SALE_VERSION_STATES,
  RETIRED_VERSION_STATES,
  RELEASED_VERSION_STATES,
  type AppStoreVersionAttributes,
} from './app-store-versions.js';
export {
  listAppStoreVersionLocalizations,
  createAppStoreVersionLocalization,
  updateAppStoreVersionLocalization,
  type AppStoreVersionLocalizationAttributes,
} from './app-store-version-localizations.js';
export {
  getReviewDetailOfVersion,
  createReviewDetail,
  updateReviewDetail,
  type AppStoreReviewDetailAttributes,
} from './app-store-review-details.js';
export { listAppCategories } from './app-categories.js';
export {
  listBuilds,
  getBuild,
  updateBuild,
  getBuildBetaDetail,
  updateBuildBetaDetail,
  listBuildUploads,
  type BuildAttributes,
} from './builds.js';
export { listBetaGroups, createBetaGroup, addTestersToBetaGroup } from './beta-groups.js';
export { createBetaTester } from './beta-testers.js';
export {
  findBetaTestersWithGroups,
  listBetaTesterGroupIds,
  addBetaGroupsToBuild,
  sendBuildBetaNotification,
} from './testflight-memberships.js';
export {
  updateBetaAppLocalization,
  createBetaAppLocalization,
  updateBetaAppReviewDetail,
  type BetaAppLocalizationText,
  type BetaAppReviewDetailText,
} from './beta-test-information.js';
export {
  listBetaBuildLocalizations,
  createBetaBuildLocalization,
  updateBetaBuildLocalization,
  listBetaAppLocalizations,
  getBetaAppReviewDetail,
  listBetaAppReviewSubmissions,
  submitForBetaReview,
} from './beta-review.js';
export {
  createBuildUpload,
  getBuildUpload,
  deleteBuildUpload,
  createBuildUploadFile,
  listBuildUploadFiles,
  commitBuildUploadFile,
} from './build-uploads.js';
export {
  listAnalyticsReportRequests,
  createAnalyticsReportRequest,
  listAnalyticsReports,
  listAnalyticsReportInstances,
  listAnalyticsReportSegments,
  ANALYTICS_CATEGORIES,
  ANALYTICS_GRANULARITIES,
  type AnalyticsAccessType,
  type AnalyticsCategory,
  type AnalyticsGranularity,
} from './analytics-reports.js';
export {
  listReviewSubmissions,
  getReviewSubmission,
  createReviewSubmission,
  addVersionToReviewSubmission,
  submitReviewSubmission,
  cancelReviewSubmission,
  OPEN_REVIEW_SUBMISSION_STATES,
} from './review-submissions.js';
export {
  attachBuildToVersion,
  createPhasedRelease,
  updatePhasedRelease,
  deletePhasedRelease,
  createReleaseRequest,
  listScreenshotSets,
} from './app-store-release.js';
export { hasAppPrice, readAppAvailability, type AppAvailabilitySummary } from './pricing.js';
