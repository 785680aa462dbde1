/**
 * @asc-actions/core: what every action shares. The subpaths `@asc-actions/core/action`, `/api` and
 * `/http` hold those layers alone; this root entry re-exports them too, with the rest (errors, clock,
 * logger, keys and tokens, domain rules, files, secrets, streams, uploads).
 */
export * from './errors.js';
export * from './clock.js';
export * from './logger.js';
export { nearest, didYouMean, acceptedValues, editDistance } from './suggest.js';

export {
  parsePrivateKey,
  publicKeyPem,
  keyMaterialVariants,
  PrivateKeyError,
  type KeyProblem,
} from './auth/private-key.js';
export {
  resolvePrivateKey,
  keySearchDirs,
  readKeyFile,
  type ResolvePrivateKeyOptions,
  type ResolvedPrivateKey,
} from './auth/key-locate.js';
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

export { guardSink, SecretLeakError } from './secrets/tripwire.js';
export { containsSecret } from './secrets/registry.js';
export * from './files/index.js';

// Domain rules, written once for every action (the emulator keeps its own deliberate copies).
export {
  versionKey,
  sameVersion,
  compareVersions,
  isMarketingVersion,
  isBuildNumber,
  MARKETING_VERSION_HINT,
} from './domain/versions.js';
export { PLATFORMS, isPlatform, platformName } from './domain/platforms.js';
export { APP_STORE_LOCALES, isAppStoreLocale, isLocaleCode, looksLikeLocale, suggestLocale } from './domain/locales.js';
export {
  TERRITORY_LANGUAGE,
  TERRITORIES,
  LANGUAGES,
  isTerritory,
  languageOf,
  checkTerritories,
  TERRITORY_HINT,
} from './domain/territories.js';
export { parseDuration, formatDuration, DURATION_HINT } from './domain/durations.js';
export { ByteBudget, Semaphore, mapLimited } from './concurrency.js';
export { csvCell, csvRow, toCsv } from './csv.js';

export {
  readGzipRows,
  readGzipLines,
  readGzipHeader,
  RowSplitter,
  LineSplitter,
  field,
  rowText,
  gzipProblem,
  GzipStreamError,
  MAX_REPORT_BYTES,
  MAX_LINE_BYTES,
  ReportTooLarge,
  reportTooLarge,
  type OnRow,
  type OnLine,
} from './report-stream/gzip-rows.js';
export {
  putUploadOperations,
  checkOperations,
  type UploadOperation,
  type PutOperationsOptions,
  type TaskLimit,
  type ByteLimit,
  type BufferPool,
} from './upload/upload-operations.js';
export { PartBuffers, readPart } from './upload/part-file.js';
export {
  directPartSender,
  clientPartSender,
  defaultPartSender,
  PartError,
  type PartSender,
  type PartOperation,
} from './upload/part-senders.js';
export { OrderedDigest } from './upload/ordered-digest.js';

export * from './http/index.js';
export * from './action/index.js';
export * from './api/index.js';
// Two layers name a WriteOptions; the root's is the API documents' one, as before.
export type { WriteOptions } from './api/documents.js';
