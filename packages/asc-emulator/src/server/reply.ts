/** What a handler answers, and how it goes on the wire. */
import type { ServerResponse } from 'node:http';
import type { AppleError } from '../jsonapi/errors.js';

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

export function writeReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string> = { ...extraHeaders, ...(reply.headers ?? {}) };
  let body: Buffer | undefined;
  if (reply.binary) {
    body = reply.binary;
    headers['Content-Type'] = reply.contentType ?? 'application/octet-stream';
  } else if (reply.json !== undefined) {
    body = Buffer.from(JSON.stringify(reply.json));
    headers['Content-Type'] = 'application/json';
  }
  headers['Content-Length'] = String(body?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(body);
}
