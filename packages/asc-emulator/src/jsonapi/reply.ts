/** What a handler answers: a status and a JSON document or binary body (server/http-server.ts puts it on the wire). */
import type { AppleError } from './errors.js';

export interface Reply {
  status: number;
  /** A JSON document (Content-Type application/json). */
  json?: unknown;
  /** A binary body, e.g. a gzipped report. */
  binary?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export function errorReply(error: AppleError): Reply {
  return { status: error.status, json: error.body(), headers: { ...error.headers } };
}
