/**
 * @asc-actions/core: what every action shares. The subpaths `@asc-actions/core/action`, `/api` and
 * `/http` hold those layers alone; this root entry re-exports them too, with the rest (errors, clock,
 * logger, keys and tokens, domain rules, files, secrets, streams, uploads).
 *
 * Only what something outside packages/core imports is exported (`npx tsx scripts/core-exports.ts
 * --unused` lists the rest). Core's own tests import from the file itself.
 */
export {
  AscError,
  InputError,
  ApiError,
  AuthenticationError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  InvalidRequestError,
  RateLimitError,
  ServerError,
  NetworkError,
} from './errors.js';
export * from './clock.js';
export * from './logger.js';
export { nearest, didYouMean, acceptedValues } from './suggest.js';

export { parsePrivateKey, keyMaterialVariants } from './auth/private-key.js';
export { signToken, TokenSource, MAX_TOKEN_LIFETIME_SECONDS } from './auth/token.js';

export { guardSink } from './secrets/tripwire.js';
export * from './files/index.js';

// Domain rules, written once for every action (the emulator keeps its own deliberate copies).
export {
  sameVersion,
  compareVersions,
  isMarketingVersion,
  isBuildNumber,
  MARKETING_VERSION_HINT,
} from './domain/versions.js';
export { PLATFORMS, isPlatform } from './domain/platforms.js';
export { APP_STORE_LOCALES, isAppStoreLocale, looksLikeLocale, suggestLocale } from './domain/locales.js';
export { TERRITORIES, LANGUAGES, languageOf, checkTerritories, TERRITORY_HINT } from './domain/territories.js';
export { parseDuration, formatDuration } from './domain/durations.js';
export { ByteBudget, Semaphore, mapLimited } from './concurrency.js';
export { csvCell, csvRow, toCsv } from './csv.js';

export {
  readGzipRows,
  readGzipLines,
  readGzipHeader,
  RowSplitter,
  field,
  rowText,
  gzipProblem,
  GzipStreamError,
  MAX_REPORT_BYTES,
  ReportTooLarge,
  reportTooLarge,
  type OnRow,
} from './report-stream/gzip-rows.js';
export { holdReportMemory } from './report-stream/report-memory.js';
export {
  putUploadOperations,
  checkOperations,
  type UploadOperation,
  type TaskLimit,
  type ByteLimit,
} from './upload/upload-operations.js';
export { PartBuffers } from './upload/part-file.js';
export { clientPartSender } from './upload/part-senders.js';

export * from './http/index.js';
export * from './action/index.js';
export * from './api/index.js';
