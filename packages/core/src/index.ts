/** The one public entry of @asc-actions/core. */
export * from './errors.js';
export * from './clock.js';
export * from './logger.js';
export { nearest, didYouMean, acceptedValues, editDistance } from './suggest.js';

export { parsePrivateKey, publicKeyPem, keyMaterialVariants, PrivateKeyError, type KeyProblem } from './auth/private-key.js';
export { resolvePrivateKey, keySearchDirs, readKeyFile, type ResolvePrivateKeyOptions, type ResolvedPrivateKey } from './auth/key-locate.js';
export {
  signToken,
  TokenSource,
  validateKeyId,
  validateIssuerId,
  MAX_TOKEN_LIFETIME_SECONDS,
  CLOCK_SKEW_SECONDS,
  AUDIENCE,
  type SignTokenOptions,
  type TokenSourceOptions,
} from './auth/token.js';

export type { HttpRequest, HttpResponse, Method, Query, Send } from './http/types.js';
export { createAscClient, DEFAULT_API_BASE_URL, type AscClient, type ClientOptions } from './http/client.js';
export type { TokenProvider } from './http/auth.js';
export { normalizeApiBaseUrl, isLoopbackHost } from './http/base-url.js';
export { parseRateLimit, type RateLimitSnapshot } from './http/rate-limit.js';
export { parseRetryAfter, isRetryable } from './http/retry.js';
export type { PageDocument, PaginateOptions } from './http/paginate.js';

export { readCommonInputs, type CommonInputs } from './action/common-inputs.js';
export * as inputs from './action/inputs.js';
export { runAction, failureMessage, type RunActionOptions } from './action/run-action.js';
export { maskToken, maskKeyText, maskKeyObject, maskSecret } from './action/mask.js';
export { actionsLogger, loggable } from './action/logger.js';
export { sanitizeLogText, sanitizeValue } from './action/log-text.js';
export { guardSink, SecretLeakError } from './secrets/tripwire.js';
export { containsSecret } from './secrets/registry.js';
export * from './files/index.js';
export { connect, type ConnectDeps } from './action/connect.js';
export { setOutputs, summary } from './action/outputs.js';
export { escapeHtml, escapeMarkdown } from './action/markdown.js';

// Domain rules, written once for every action (the emulator keeps its own deliberate copies).
export { versionKey, sameVersion, compareVersions, isMarketingVersion, isBuildNumber, MARKETING_VERSION_HINT } from './domain/versions.js';
export { PLATFORMS, isPlatform, platformName } from './domain/platforms.js';
export { APP_STORE_LOCALES, isAppStoreLocale, isLocaleCode, looksLikeLocale, suggestLocale } from './domain/locales.js';
export { TERRITORY_LANGUAGE, TERRITORIES, LANGUAGES, isTerritory, languageOf, checkTerritories, TERRITORY_HINT } from './domain/territories.js';
export { parseDuration, formatDuration, DURATION_HINT } from './domain/durations.js';
export { Semaphore, mapLimited } from './concurrency.js';
export { csvCell, csvRow, toCsv } from './csv.js';

export { listApps, getApp, findApp, isAppId, type ListOptions } from './api/apps.js';
export { getSalesReport, getFinanceReport, reportAbsence, latestReportVersion, type StreamClientLike, type ReportAbsence } from './api/reports.js';
export { customerReviewPages, getCustomerReview, getReviewReply, createReviewReply, getReviewResponse, deleteReviewResponse, REVIEW_REPLY_MAX_LENGTH, type ReviewsClient } from './api/customer-reviews.js';
export type { ApiClientLike, ApiResponseLike } from './api/client-like.js';
export type * from './api/generated/schemas.js';
export * from './api/generated/operations.js';
export { actionsCache, type CacheStore } from './action/cache.js';
export { readGzipRows, readGzipLines, readGzipHeader, RowSplitter, LineSplitter, field, rowText, gzipProblem, GzipStreamError, MAX_REPORT_BYTES, MAX_LINE_BYTES, ReportTooLarge, reportTooLarge, type OnRow, type OnLine } from './report-stream/gzip-rows.js';
export { annotate, maskValue, type AnnotationLevel, type AnnotationPlace } from './action/annotations.js';
export { collect, includedOfType, linkedIds, type CollectedDocument, type DocumentClientLike, type WriteOptions } from './api/documents.js';
export { listAppInfos, updateAppInfoCategories, type CategoryRelationship } from './api/app-infos.js';
export { listAppInfoLocalizations, createAppInfoLocalization, updateAppInfoLocalization, type AppInfoLocalizationAttributes } from './api/app-info-localizations.js';
export { listAppStoreVersions, createAppStoreVersion, updateAppStoreVersion, EDITABLE_VERSION_STATES, type AppStoreVersionAttributes } from './api/app-store-versions.js';
export {
  listAppStoreVersionLocalizations,
  createAppStoreVersionLocalization,
  updateAppStoreVersionLocalization,
  type AppStoreVersionLocalizationAttributes,
} from './api/app-store-version-localizations.js';
export { getReviewDetailOfVersion, createReviewDetail, updateReviewDetail, type AppStoreReviewDetailAttributes } from './api/app-store-review-details.js';
export { listAppCategories } from './api/app-categories.js';
export { listBuilds, getBuild, updateBuild, getBuildBetaDetail, updateBuildBetaDetail, listBuildUploads, type BuildAttributes } from './api/builds.js';
export { listBetaGroups, createBetaGroup, addBuildsToBetaGroup, listBetaGroupTesterIds, addTestersToBetaGroup } from './api/beta-groups.js';
export { findBetaTestersByEmail, createBetaTester, EMAILS_PER_LOOKUP, type NewBetaTester } from './api/beta-testers.js';
export {
  findBetaTestersWithGroups,
  listBetaTesterGroupIds,
  addBetaGroupsToBuild,
  sendBuildBetaNotification,
  type TesterMemberships,
} from './api/testflight-memberships.js';
export {
  updateBetaAppLocalization,
  createBetaAppLocalization,
  updateBetaAppReviewDetail,
  type BetaAppLocalizationText,
  type BetaAppReviewDetailText,
} from './api/beta-test-information.js';
export {
  listBetaBuildLocalizations,
  createBetaBuildLocalization,
  updateBetaBuildLocalization,
  listBetaAppLocalizations,
  getBetaAppReviewDetail,
  listBetaAppReviewSubmissions,
  submitForBetaReview,
} from './api/beta-review.js';
export { putUploadOperations, checkOperations, type UploadOperation, type PutOperationsOptions, type TaskLimit, type ByteLimit, type BufferPool } from './upload/upload-operations.js';
export { PartBuffers, readPart } from './upload/part-file.js';
export { directPartSender, clientPartSender, defaultPartSender, PartError, type PartSender, type PartOperation } from './upload/part-senders.js';
export { OrderedDigest } from './upload/ordered-digest.js';
export { createBuildUpload, getBuildUpload, deleteBuildUpload, createBuildUploadFile, listBuildUploadFiles, commitBuildUploadFile, type NewBuildUpload, type NewBuildUploadFile } from './api/build-uploads.js';
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
  type AnalyticsClientLike,
} from './api/analytics-reports.js';
export {
  listReviewSubmissions,
  getReviewSubmission,
  createReviewSubmission,
  addVersionToReviewSubmission,
  submitReviewSubmission,
  cancelReviewSubmission,
  OPEN_REVIEW_SUBMISSION_STATES,
  type ReviewSubmissionState,
} from './api/review-submissions.js';
export {
  attachBuildToVersion,
  createPhasedRelease,
  updatePhasedRelease,
  deletePhasedRelease,
  createReleaseRequest,
  getAgeRatingDeclaration,
  listScreenshotSets,
  type ReleaseClientLike,
} from './api/app-store-release.js';
