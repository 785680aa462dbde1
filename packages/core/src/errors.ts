/**
 * Error classes. Callers branch on the class, never on message text.
 * Every error that carries request data has its credentials redacted when it is built.
 */
import type { AuthAttempt } from './http/types.js';
import { redactKnownSecrets } from './secrets/registry.js';

/** One entry of Apple's `ErrorResponse.errors[]`. */
export interface AppleErrorItem {
  id?: string;
  status: string;
  code: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string; header?: string };
  meta?: Record<string, unknown>;
}

export interface RequestInfo {
  method: string;
  url: string;
  headers?: Record<string, string>;
}

/** Base class of every error this project throws on purpose. */
export class AscError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The workflow (an input, a file) must change. Never retried. */
export class InputError extends AscError {
  readonly input?: string;
  readonly file?: string;
  readonly line?: number;
  constructor(message: string, where: { input?: string; file?: string; line?: number } = {}) {
    super(message);
    this.input = where.input;
    this.file = where.file;
    this.line = where.line;
  }
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Copies headers with every credential-bearing value replaced by `[REDACTED]`. */
export function redactHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? '[REDACTED]' : v;
  return out;
}

/**
 * Base64 of text that starts with `prefix`, at each of the three byte alignments it can have
 * inside a longer base64 string: the characters that depend on the prefix alone.
 */
function base64Stems(prefix: string): string[] {
  return [0, 1, 2].map((shift) => {
    const b64 = Buffer.from('\0'.repeat(shift) + prefix).toString('base64');
    return b64.slice(shift === 0 ? 0 : 4, Math.floor((shift + prefix.length) / 3) * 4);
  });
}

// base64 of an Authorization value ("Bearer eyJ…") or of a bare JWT (`{"alg":…` header).
const BASE64_CREDENTIAL = new RegExp(
  `[A-Za-z0-9+/]*(?:${[...base64Stems('Bearer ey'), ...base64Stems('eyJhbGciOi')].join('|')})[A-Za-z0-9+/]{16,}={0,2}`,
  'g',
);

/**
 * Removes credentials from free text: the secrets core registered (key encodings, issued tokens
 * and each of their three segments on its own), anything that looks like a bearer token or a
 * JWT, and base64 of an Authorization value or a JWT.
 */
export function redactText(text: string): string {
  return redactKnownSecrets(text)
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [REDACTED]')
    .replace(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[REDACTED-JWT]')
    .replace(BASE64_CREDENTIAL, '[REDACTED-BASE64]');
}

function redactRequest(request: RequestInfo): RequestInfo {
  return { method: request.method, url: redactText(request.url), headers: redactHeaders(request.headers) };
}

/** A response with a non-2xx status. Subclasses are chosen by status with `apiErrorFor`. */
export class ApiError extends AscError {
  readonly status: number;
  readonly errors: AppleErrorItem[];
  readonly request: RequestInfo;
  readonly retryAfterMs?: number;
  constructor(status: number, errors: AppleErrorItem[], request: RequestInfo, retryAfterMs?: number) {
    const first = errors[0];
    const what = first
      ? `${first.title.replace(/\.$/, '')}${first.detail ? `: ${first.detail}` : ''}`
      : `HTTP ${status}`;
    const safe = redactRequest(request);
    super(redactText(`${safe.method} ${stripQuery(safe.url)} answered ${status}: ${what}`));
    this.status = status;
    this.errors = errors;
    this.request = safe;
    this.retryAfterMs = retryAfterMs;
  }
  /** True when any of Apple's error items has this code (e.g. `ENTITY_ERROR.ATTRIBUTE.INVALID`). */
  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code || e.code.startsWith(`${code}.`));
  }
}

function stripQuery(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + (u.search ? '?' + decodeURIComponent(u.search.slice(1)) : '');
  } catch {
    return url;
  }
}

/** 401. `auth` says what the request authenticated with, when the client knows. */
export class AuthenticationError extends ApiError {
  auth?: AuthAttempt;
}
export class ForbiddenError extends ApiError {} // 403
export class NotFoundError extends ApiError {} // 404
export class ConflictError extends ApiError {} // 409
export class InvalidRequestError extends ApiError {} // 400, 422 and other 4xx
export class RateLimitError extends ApiError {} // 429
export class ServerError extends ApiError {} // 5xx

/** Builds the ApiError subclass that matches the status. */
export function apiErrorFor(
  status: number,
  errors: AppleErrorItem[],
  request: RequestInfo,
  retryAfterMs?: number,
): ApiError {
  const Cls =
    status === 401
      ? AuthenticationError
      : status === 403
        ? ForbiddenError
        : status === 404
          ? NotFoundError
          : status === 409
            ? ConflictError
            : status === 429
              ? RateLimitError
              : status >= 500
                ? ServerError
                : InvalidRequestError;
  return new Cls(status, errors, request, retryAfterMs);
}

/**
 * The request did not get a complete answer: DNS, refused or dropped connection, timeout.
 * `maybeApplied` is true when the request was sent and the server may have acted on it.
 */
export class NetworkError extends AscError {
  readonly request: RequestInfo;
  readonly maybeApplied: boolean;
  readonly timedOut: boolean;
  constructor(
    message: string,
    request: RequestInfo,
    opts: { cause?: unknown; maybeApplied?: boolean; timedOut?: boolean } = {},
  ) {
    const safe = redactRequest(request);
    super(redactText(`${safe.method} ${stripQuery(safe.url)}: ${message}`), { cause: opts.cause });
    this.request = safe;
    this.maybeApplied = opts.maybeApplied ?? false;
    this.timedOut = opts.timedOut ?? false;
  }
}

/**
 * App Store Connect answered something this client cannot use: a 2xx that is not JSON:API, a
 * body over the size cap, a `links.next` that repeats a page. Never retried; not a bug of ours.
 */
export class UnexpectedResponseError extends AscError {
  constructor(what: string) {
    super(redactText(`App Store Connect answered something unexpected: ${what}`));
  }
}

/** The step's retry budget (input `retry-budget`) is spent: waiting longer is not worth it. */
export class RetryBudgetError extends AscError {}
