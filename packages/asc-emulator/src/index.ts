/** @asc-actions/asc-emulator — an in-process stand-in for Apple's App Store Connect API. */
export { startEmulator } from './emulator.js';
export type {
  ContractViolation,
  Emulator,
  EmulatorKey,
  FaultKind,
  FaultSpec,
  Linkage,
  RelationshipData,
  ResourceRecord,
  Seed,
  SeedApp,
  SeedBetaGroup,
  SeedKey,
  SeedSalesReport,
  StartOptions,
  TranscriptEntry,
} from './types.js';
export { EmulatorState } from './store/state.js';
export {
  Faults,
  type FaultChoice,
  type RandomFaultOptions,
  type InjectedFault,
  type RequestFaults,
} from './faults/faults.js';
export {
  demoSeed,
  makeApps,
  demoSalesTsv,
  DEMO_APP_ID,
  DEMO_VENDOR_NUMBER,
  SALES_SUMMARY_HEADER,
} from './seed/demo.js';
export { BETA_GROUP_NAME_MAX } from './resources/beta-groups.js';
export { seededRandom, type Random } from './seed/random.js';
export {
  makeReviews,
  pacificDateTime,
  reviewId,
  type SeedCustomerReview,
  type SeedReviewResponse,
  type MakeReviewsOptions,
} from './seed/reviews.js';
export {
  reviewResponseLog,
  REVIEW_RESPONSE_MAX,
  REVIEW_RESPONSE_PUBLISH_DELAY_MS,
  type ReviewResponseEvent,
} from './resources/customer-review-responses.js';
export { demoReviews } from './seed/demo-reviews.js';
export {
  uploadBuild,
  refreshTestFlight,
  missingTestInformation,
  versionKey,
  sameVersion,
  WHATS_NEW_MAX,
} from './resources/testflight/index.js';
export type {
  TestFlightSeed,
  SeedBuild,
  SeedBetaTester,
  SeedBetaAppLocalization,
  SeedBetaAppReviewDetail,
  BetaReviewState,
  Platform,
  ProcessingOutcome,
} from './resources/testflight/index.js';
export { demoTestFlightSeed, DEMO_BUILD_NUMBER, DEMO_VERSION } from './seed/demo-testflight.js';
export { mediaControl, type MediaControl, type DeliveryOutcome } from './resources/app-store/index.js';
export {
  APP_STORE_LOCALES,
  FIELD_LIMITS,
  TOP_CATEGORIES,
  SUBCATEGORIES,
  type SeedAppInfo,
  type SeedAppStore,
  type SeedAppStoreVersion,
  type SeedAttributes,
  type SeedReviewDetail,
} from './resources/app-store/index.js';
export { demoAppStore, appStoreFixture, fixtureLocales, type AppStoreFixtureOptions } from './seed/demo-metadata.js';
export {
  reviewControl,
  REVIEW_CONTROL_PATH,
  refreshReviews,
  REQUIRED_SCREENSHOTS,
  AGE_RATING_QUESTIONS,
  PHASED_RELEASE_DAYS,
  type ReviewControl,
  type ReviewOutcome,
} from './resources/app-review/index.js';
export { demoPipelineSeed, DEMO_REVIEW_VERSION, DEMO_REVIEW_BUILD_NUMBER } from './seed/demo-review.js';
export {
  reviewReadySeed,
  REVIEW_APP_ID,
  REVIEW_BUNDLE_ID,
  AGE_RATING_NONE,
  REVIEW_CONTACT,
  type ReviewReadyOptions,
} from './seed/review-ready.js';
export { reportLines, reportText, gzipReport, periodOf, type ReportSpec } from './reports/generate.js';
export { layoutFor, SALES_COLUMNS, FINANCIAL_COLUMNS } from './reports/layouts.js';
export { SALES_MATRIX, latestPublished, isPublished } from './reports/catalog.js';
export type { SeedReportVendor } from './reports/vendors.js';
export {
  analyticsControl,
  stopForInactivity,
  analyticsLines,
  analyticsCatalog,
  catalogReport,
  type AnalyticsControl,
  type KeyRole,
  type RowSpec,
  type CatalogReport,
  type SeedAnalytics,
} from './resources/analytics-reports/index.js';
export {
  buildUploadControl,
  type BuildUploadControl,
  type ProcessingPlan,
  type PartPut,
} from './resources/testflight/index.js';
