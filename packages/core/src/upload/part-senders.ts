/**
 * How one part reaches its pre-signed URL. Two senders, one contract (resolve on 2xx, throw a
 * PartError otherwise):
 * - `directPartSender`: node:http(s), the body written straight to the socket with
 *   Content-Length. Measured on loopback (bench upload-build): a bare fetch script took 1.55×
 *   as long as the same script on node:http, so large files go this way.
 * - `clientPartSender`: through the API client's transport (fetch, the env proxy, its retry
 *   layer) with `auth: false`; used when a proxy is configured, and by upload-metadata.
 * Neither adds a header of its own: only the operation's, plus what HTTP itself needs.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AscError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import type { Method } from '../http/types.js';
import { describeProxy } from '../http/proxy.js';

export interface PartOperation {
  method: string;
  url: string;
  offset: number;
  length: number;
  requestHeaders?: Array<{ name: string; value: string }>;
}

export type PartSender = (operation: PartOperation, body: Buffer) => Promise<void>;

/** A part refused or failed; `retryable` for network errors, 408, 429 and 5xx. */
export class PartError extends AscError {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const headersOf = (op: PartOperation): Record<string, string> =>
  Object.fromEntries((op.requestHeaders ?? []).map((h) => [h.name, h.value]));

/** The store's answer for messages: its status and the first bytes of an error body (never the signed URL). */
function where(op: PartOperation): string {
  return `part at byte ${op.offset} (${op.length} bytes) to ${new URL(op.url).origin}`;
}

export function directPartSender(options: { timeoutMs?: number } = {}): PartSender {
  return (op, body) =>
    new Promise<void>((resolve, reject) => {
      const url = new URL(op.url);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        url,
        {
          method: op.method.toUpperCase(),
          headers: { ...headersOf(op), 'Content-Length': String(body.length) },
          timeout: options.timeoutMs ?? 120_000,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          res.on('data', (c: Buffer) => {
            if (kept < 512) chunks.push(c.subarray(0, 512 - kept));
            kept += c.length;
          });
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve();
            const text = Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').slice(0, 200);
            reject(
              new PartError(
                `${where(op)}: HTTP ${status} ${text}`.trim(),
                status,
                status === 408 || status === 429 || status >= 500,
              ),
            );
          });
          res.on('error', (e) => reject(new PartError(`${where(op)}: ${e.message}`, undefined, true)));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (e) =>
        reject(new PartError(`${where(op)}: ${(e as NodeJS.ErrnoException).code ?? e.message}`, undefined, true)),
      );
      req.end(body);
    });
}

/** Through the API client (its transport, proxy and retry layer); errors are the client's. */
export function clientPartSender(client: AscClient): PartSender {
  return async (op, body) => {
    await client.send({
      method: op.method.toUpperCase() as Method,
      url: op.url,
      headers: headersOf(op),
      body,
      auth: false,
      safeToRetry: true,
      responseType: 'binary',
    });
  };
}

/** Parts go direct (node:http) unless the environment names a proxy, which only the client's transport honours. */
export function sendsPartsDirect(env: NodeJS.ProcessEnv = process.env): boolean {
  return !describeProxy(env);
}

export function defaultPartSender(client: AscClient, env: NodeJS.ProcessEnv = process.env): PartSender {
  return sendsPartsDirect(env) ? directPartSender() : clientPartSender(client);
}
