/**
 * How one part reaches its pre-signed URL. Two senders, one contract (resolve on 2xx, throw a
 * PartError otherwise):
 * - `directPartSender`: `nodeExchange` (the transport's own node:http exchange) without the
 *   client's layers: the body goes straight to the socket with Content-Length, an idle timeout
 *   instead of a deadline (a slow link may take minutes over a part), and its own retries
 *   (upload-operations.ts). Large files go this way.
 * - `clientPartSender`: through the API client (its transport, the env proxy, its retry layer)
 *   with `auth: false`; used when a proxy is configured, and by upload-metadata.
 * Neither adds a header of its own: only the operation's, plus what HTTP itself needs.
 */
import { AscError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import type { Method } from '../http/types.js';
import { describeProxy } from '../http/proxy.js';
import { nodeExchange } from '../http/exchange.js';

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
  const failed = (op: PartOperation, e: unknown): PartError =>
    new PartError(`${where(op)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, undefined, true);
  return async (op, body) => {
    const answer = await nodeExchange(op.url, {
      method: op.method.toUpperCase(),
      headers: headersOf(op),
      body,
      redirect: 'manual',
      idleTimeoutMs: options.timeoutMs ?? 120_000,
    }).catch((e: unknown) => Promise.reject(failed(op, e)));
    // The answer is read to its end (the connection stays reusable); its first bytes name an error.
    let head = Buffer.alloc(0);
    try {
      for await (const c of (answer.body ?? []) as AsyncIterable<Uint8Array>)
        if (head.length < 512) head = Buffer.concat([head, c]).subarray(0, 512);
    } catch (e) {
      throw failed(op, e);
    }
    if (answer.ok) return;
    const text = head.toString('utf8').replace(/\s+/g, ' ').slice(0, 200);
    const status = answer.status;
    throw new PartError(
      `${where(op)}: HTTP ${status} ${text}`.trim(),
      status,
      status === 408 || status === 429 || status >= 500,
    );
  };
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
