/** Public types of the emulator. Names here are a contract with packages/core and the actions. */
import type { KeyObject } from 'node:crypto';
import type { EmulatorState } from './store/state.js';
import type { Faults } from './faults/faults.js';
import type { ResourceRecord, SeedSalesReport } from './store/records.js';
import type { SeedAppStore } from './resources/app-store/seed-types.js';
import type { SeedReportVendor } from './reports/vendors.js';
import type { SeedCustomerReview } from './seed/reviews.js';
import type { SeedAnalytics } from './resources/analytics-reports/seed-types.js';
import type { SeedPricing } from './resources/pricing/seed-types.js';

export type { Linkage, RelationshipData, ResourceRecord, SeedSalesReport } from './store/records.js';
export type { FaultKind, FaultSpec } from './faults/faults.js';

/** An App Store Connect API key the emulator accepts tokens from. */
export interface EmulatorKey {
  keyId: string;
  /** Team key: the issuer id the token's `iss` must carry. `null`: individual key (`sub: "user"`, no `iss`). */
  issuerId: string | null;
  /** SPKI PEM or a KeyObject of the EC P-256 public key. */
  publicKey: string | KeyObject;
}

export interface StartOptions {
  /** Initial data; default: the demo seed (`demoSeed()`). */
  seed?: Seed;
  /** Default 0: a random free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Apple's OpenAPI spec; default `process.env.ASC_OPENAPI_SPEC`. null or a missing file: no contract validation. */
  specPath?: string | null;
  /** Milliseconds since the epoch; default Date.now. Tests share a virtual clock with the client. */
  clock?: { now(): number };
  /** Requests per key per hour; default 3600. */
  rateLimit?: { limit: number; remaining?: number };
  keys?: EmulatorKey[];
}

/** One received request. `status` 0 means the connection was dropped without an answer. */
export interface TranscriptEntry {
  method: string;
  path: string;
  /** Raw search string without '?'. */
  query: string;
  status: number;
  requestBody?: unknown;
  authorized: boolean;
  /** Decoded (not necessarily valid) claims of the bearer token. */
  tokenClaims?: Record<string, unknown>;
  hadAuthorizationHeader: boolean;
  /** Why the token was refused, when it was (emulator extra, not part of Apple's answer). */
  authFailure?: string;
}

/** A request or response that broke Apple's OpenAPI contract. */
export interface ContractViolation {
  direction: 'request' | 'response';
  method: string;
  path: string;
  query: string;
  operationId?: string;
  /** Response status that was (or would have been) sent. */
  status?: number;
  /** One line per problem, e.g. "query filter[colour]: must NOT have additional properties". */
  problems: string[];
}

export interface Emulator {
  /** e.g. 'http://127.0.0.1:41234' (no trailing slash). */
  baseUrl: string;
  state: EmulatorState;
  requests: TranscriptEntry[];
  /** e.g. ['GET /v1/apps?limit=1', 'POST /v1/betaGroups'] (query decoded, in the order sent). */
  transcript(): string[];
  faults: Faults;
  violations: ContractViolation[];
  registerKey(key: EmulatorKey): void;
  setRateLimit(r: { limit: number; remaining: number }): void;
  close(): Promise<void>;
}

export interface SeedApp {
  id?: string;
  name: string;
  bundleId: string;
  sku?: string;
  primaryLocale?: string;
  /** Any further App attributes. */
  attributes?: Record<string, unknown>;
}

export interface SeedBetaGroup {
  id?: string;
  /** The app's id or bundle id. */
  app: string;
  name: string;
  isInternalGroup?: boolean;
  createdDate?: string;
  attributes?: Record<string, unknown>;
}

/** Keys in a seed file carry PEM text. */
export interface SeedKey {
  keyId: string;
  issuerId: string | null;
  publicKey: string;
}

export interface Seed {
  apps?: SeedApp[];
  betaGroups?: SeedBetaGroup[];
  salesReports?: SeedSalesReport[];
  /** Vendors whose reports are generated on request (any type, any published date); see reports/vendors.ts. */
  reportVendors?: SeedReportVendor[];
  customerReviews?: SeedCustomerReview[];
  /** Store metadata per app (app infos, versions, localizations, review details); see resources/app-store/. */
  appStore?: SeedAppStore[];
  keys?: SeedKey[];
  /** Analytics report requests, key roles and segment knobs; see resources/analytics-reports/. */
  analytics?: SeedAnalytics;
  /** Price schedules and availability per app; see resources/pricing/. */
  pricing?: SeedPricing[];
  /** Raw resources of any type, for families without a seed helper yet. */
  resources?: ResourceRecord[];
}
