/**
 * One request's way through the emulator:
 * record → auth → faults → rate limit → contract (request) → route → handler →
 * contract (response) → truncated-gzip / drop-after faults.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { ContractViolation, TranscriptEntry } from '../types.js';
import type { EmulatorState } from '../store/state.js';
import type { KeyRegistry } from '../auth/verify-token.js';
import { verifyBearer } from '../auth/verify-token.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { Faults, RequestFaults } from '../faults/faults.js';
import type { SpecContract, SpecOperation } from '../contract/spec-contract.js';
import { checkRequest, checkResponse, type RequestFacts } from '../contract/enforce.js';
import type { Router } from '../routing/router.js';
import type { TypeRegistry } from '../jsonapi/resource-types.js';
import { QueryParams } from '../jsonapi/query.js';
import {
  AppleError,
  faultStatus,
  notAuthorized,
  notImplemented,
  pathNotFound,
  rateLimitExceeded,
} from '../jsonapi/errors.js';
import { DEFAULT_LIMIT_MAXIMUM } from '../jsonapi/paging.js';
import { errorReply, type Reply } from '../jsonapi/reply.js';

/**
 * A route served outside the API pipeline (no JWT, no contract), such as the pre-signed upload
 * URLs of asset reservations. A family lists its raw routes; the HTTP server asks them first.
 */
export interface RawRoute {
  matches(pathname: string): boolean;
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    deps: PipelineDeps,
    pathname: string,
    rawQuery: string,
  ): Promise<void>;
}

export interface PipelineDeps {
  state: EmulatorState;
  keys: KeyRegistry;
  limiter: RateLimiter;
  faults: Faults;
  contract: SpecContract | null;
  router: Router;
  types: TypeRegistry;
  now: () => number;
  violations: ContractViolation[];
  requests: TranscriptEntry[];
  rawRoutes: readonly RawRoute[];
}

export interface IncomingRequest {
  method: string;
  pathname: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  origin: string;
}

/** `reply` undefined: destroy the socket without answering. */
export interface Outcome {
  reply?: Reply;
  headers: Record<string, string>;
}

function parseBody(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function record(req: IncomingRequest, deps: PipelineDeps, body: unknown): TranscriptEntry {
  const entry: TranscriptEntry = {
    method: req.method,
    path: req.pathname,
    query: req.rawQuery,
    status: 0,
    authorized: false,
    hadAuthorizationHeader: req.headers.authorization !== undefined,
  };
  if (body !== undefined) entry.requestBody = body;
  deps.requests.push(entry);
  return entry;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleRequest(req: IncomingRequest, deps: PipelineDeps): Promise<Outcome> {
  const body = parseBody(req.rawBody);
  const entry = record(req, deps, body);
  const outcome = await run(req, deps, entry, body, deps.faults.forRequest(req.method, req.pathname, req.rawQuery));
  entry.status = outcome.reply?.status ?? 0;
  return outcome;
}

async function run(
  req: IncomingRequest,
  deps: PipelineDeps,
  entry: TranscriptEntry,
  body: unknown,
  faults: RequestFaults,
): Promise<Outcome> {
  // The Date header follows the emulator's clock, so a virtual clock shows up as clock skew.
  const headers: Record<string, string> = { Date: new Date(deps.now()).toUTCString() };
  const verdict = await verifyBearer(req.headers.authorization, deps.keys, deps.now());
  if (verdict.claims) entry.tokenClaims = verdict.claims;
  const latency = faults.take(['latency']);
  if (latency?.latencyMs) await sleep(latency.latencyMs);
  if (faults.take(['drop-before'])) return { headers };
  if (!verdict.ok) {
    entry.authFailure = verdict.reason;
    return { reply: errorReply(notAuthorized()), headers };
  }
  const fault = faults.take(['drop-after', 'status', 'rate-limit', 'expired-token']);
  if (fault?.kind === 'expired-token') {
    entry.authFailure = 'fault: expired-token';
    return { reply: errorReply(notAuthorized()), headers };
  }
  entry.authorized = true;
  if (fault?.kind === 'status') return { reply: errorReply(faultStatus(fault.status ?? 503)), headers };
  if (fault?.kind === 'rate-limit') return { reply: errorReply(rateLimitExceeded(fault.retryAfter ?? '1')), headers };
  const budget = deps.limiter.consume(verdict.keyId);
  headers['X-Rate-Limit'] = budget.header;
  if (budget.exceeded) return { reply: errorReply(rateLimitExceeded(budget.retryAfter)), headers };
  const reply = await dispatch(req, deps, body, verdict.keyId);
  if (fault?.kind === 'drop-after') return { headers };
  return { reply: truncateIfAsked(faults, reply), headers };
}

/** Contract check, routing, the handler, and the response check. */
async function dispatch(req: IncomingRequest, deps: PipelineDeps, body: unknown, keyId?: string): Promise<Reply> {
  const facts: RequestFacts = {
    method: req.method,
    pathname: req.pathname,
    rawQuery: req.rawQuery,
    query: new QueryParams(req.rawQuery),
    contentType: req.headers['content-type'],
    rawBody: req.rawBody,
  };
  let operation: SpecOperation | undefined;
  if (deps.contract) {
    const verdict = await checkRequest(deps.contract, facts);
    operation = verdict.operation;
    if (verdict.error) {
      deps.violations.push(verdict.violation);
      return errorReply(verdict.error);
    }
  }
  const reply = await route(req, deps, facts, body, operation, keyId);
  if (!deps.contract || !operation) return reply;
  const checked = await checkResponse(deps.contract, operation, facts, reply);
  if (checked.violation) deps.violations.push(checked.violation);
  return checked.reply;
}

async function route(
  req: IncomingRequest,
  deps: PipelineDeps,
  facts: RequestFacts,
  body: unknown,
  operation?: SpecOperation,
  keyId?: string,
): Promise<Reply> {
  try {
    const match = deps.router.match(req.method, req.pathname);
    if (!match) throw operation ? notImplemented(`${req.method} ${operation.path}`) : pathNotFound();
    return await match.route.handler({
      state: deps.state,
      params: match.params,
      query: facts.query,
      body,
      origin: req.origin,
      pathname: req.pathname,
      rawQuery: req.rawQuery,
      now: deps.now,
      limitMaximum: operation?.limitMaximum ?? DEFAULT_LIMIT_MAXIMUM,
      types: deps.types,
      keyId,
    });
  } catch (e) {
    if (e instanceof AppleError) return errorReply(e);
    throw e;
  }
}

/** 'truncated-gzip': cut a gzip body in half (a well-formed HTTP answer carrying a broken gzip stream). */
function truncateIfAsked(faults: RequestFaults, reply: Reply): Reply {
  if (!reply.binary || reply.contentType !== 'application/a-gzip') return reply;
  if (!faults.take(['truncated-gzip'])) return reply;
  return { ...reply, binary: reply.binary.subarray(0, Math.floor(reply.binary.length / 2)) };
}
