import type { ResponseHeaders } from './exchange.js';

/** The one request shape every wrapper of the client passes along. */
export type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Record<string, QueryValue>;

export interface HttpRequest {
  method: Method;
  /** A path under the API origin (`/v1/apps`) or an absolute URL (a `links.next`, an upload URL). */
  url: string;
  query?: Query;
  headers?: Record<string, string>;
  /** JSON body; sent with `Content-Type: application/json`. */
  json?: unknown;
  /** Raw body (asset upload parts). */
  body?: Uint8Array;
  /** How to read a successful body. Default `json`. */
  responseType?: 'json' | 'binary' | 'stream';
  /**
   * The caller vouches that sending this write twice is harmless (it re-reads before
   * retrying, or the write is naturally idempotent). Only then are POST/PATCH/PUT retried.
   */
  safeToRetry?: boolean;
  /**
   * `false` for pre-signed asset upload URLs: no Authorization header and any origin.
   * Default true: Authorization is added and the URL must be on the API origin.
   */
  auth?: boolean;
  timeoutMs?: number;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: ResponseHeaders;
  /** Final URL of the request (absolute). */
  url: string;
  /** Parsed JSON for `json`, undefined for 204 and non-JSON bodies. */
  data: T;
  /** The bytes, for `binary` responses and for error bodies that are not JSON. */
  body?: Buffer;
  /** A Node stream of the body, for `stream` responses (the caller must consume it). */
  stream?: NodeJS.ReadableStream;
  /** On a 401 that survived a fresh token: what was sent, for the failure message. */
  auth?: AuthAttempt;
}

/** What a rejected request authenticated with (never the token or the key). */
export interface AuthAttempt {
  keyId: string;
  /** false for an individual key (no `iss` claim). */
  issuerSet: boolean;
  /** The token's claims and the runner's clock, in seconds since the epoch. */
  iat: number;
  exp: number;
  now: number;
  /** Apple's clock (the response's Date header), when it sent one. */
  serverNow?: number;
}

/** One function that sends a request; each concern of the client wraps one of these. */
export type Send = (request: HttpRequest) => Promise<HttpResponse>;

export const isIdempotent = (method: Method): boolean => method === 'GET' || method === 'HEAD' || method === 'DELETE';
