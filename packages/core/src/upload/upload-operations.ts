/**
 * Apple's `uploadOperations` (screenshots, previews, builds): each operation is one request of
 * `length` bytes from `offset` of the file to a pre-signed `url`, with exactly the operation's
 * `requestHeaders` and no Authorization (the token never leaves the API origin). Parts go in
 * parallel within the caller's limits, each read from disk into a reused buffer and sent with
 * Content-Length equal to its length, each retried on its own (a part PUT is idempotent). With
 * `md5`, the file's MD5 is computed from the bytes as they are read and sent.
 */
import { AscError } from '../errors.js';
import type { AscClient } from '../http/client.js';
import { Semaphore } from '../concurrency.js';
import { systemClock, type Clock } from '../clock.js';
import { PartError, defaultPartSender, sendsPartsDirect, type PartSender } from './part-senders.js';
import { isLoopbackHost } from '../http/base-url.js';
import { OrderedDigest } from './ordered-digest.js';
import { PartBuffers, readPart } from './part-file.js';

export interface UploadOperation {
  method: string;
  url: string;
  offset: number;
  length: number;
  requestHeaders?: Array<{ name: string; value: string }>;
}

/** Bounds tasks in flight (a shared one bounds parts across many files). */
export interface TaskLimit {
  run<T>(task: () => Promise<T>): Promise<T>;
}
/** Bounds bytes in flight. */
export interface ByteLimit {
  run<T>(length: number, task: () => Promise<T>): Promise<T>;
}
export interface BufferPool {
  take(length: number): Buffer;
  give(buffer: Buffer): void;
}

export interface PutOperationsOptions {
  client: AscClient;
  /** The file on disk. */
  path: string;
  operations: readonly UploadOperation[];
  /** Parts in flight; default: `concurrency` (4) for this file alone. */
  parts?: TaskLimit;
  concurrency?: number;
  bytes?: ByteLimit;
  buffers?: BufferPool;
  /** Compute the file's MD5 while reading (the operations must then cover the file exactly). */
  md5?: boolean;
  /** Called after each part was accepted. */
  onPart?: (operation: UploadOperation) => void;
  /** Default: direct (node:http), or through the client when a proxy is configured. */
  sendPart?: PartSender;
  /** Backoff between a part's attempts. */
  clock?: Clock;
}

const PART_ATTEMPTS = 5;

/** One part, retried on its own: network errors, 408, 429 and 5xx, with capped backoff and jitter. */
async function sendWithRetry(send: PartSender, op: UploadOperation, body: Buffer, clock: Clock): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(op, body);
    } catch (error) {
      if (!(error instanceof PartError) || !error.retryable || attempt >= PART_ATTEMPTS) throw error;
      await clock.sleep(Math.min(8_000, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
    }
  }
}

const noBytesLimit: ByteLimit = { run: (_length, task) => task() };
const METHODS: readonly string[] = ['PUT', 'POST', 'PATCH'];

/**
 * Apple's operations are hostile input like any answer: whole numbers, a known method, an
 * https URL (http only on loopback), and together exactly the file's bytes, in order, once.
 */
export function checkOperations(operations: readonly UploadOperation[], fileSize: number): UploadOperation[] {
  const sorted = [...operations].sort((a, b) => a.offset - b.offset);
  let next = 0;
  for (const op of sorted) {
    const url = URL.canParse(op.url) ? new URL(op.url) : undefined;
    const secure = url && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)));
    const shaped =
      Number.isSafeInteger(op.offset) &&
      Number.isSafeInteger(op.length) &&
      op.length > 0 &&
      METHODS.includes(op.method.toUpperCase());
    if (!secure || !shaped || op.offset !== next) {
      throw new AscError(
        `App Store Connect answered upload operations that do not cover the file's ${fileSize} bytes exactly once (at byte ${next}: ${op.method} of ${op.length} bytes at ${op.offset} to ${url ? url.origin : 'an invalid URL'}). Nothing was sent; try again.`,
      );
    }
    next += op.length;
  }
  if (next !== fileSize)
    throw new AscError(
      `App Store Connect answered upload operations for ${next} bytes; the file has ${fileSize}. Nothing was sent; try again.`,
    );
  return sorted;
}

/** Sends every operation's part; returns the file's MD5 when asked for it. */
export async function putUploadOperations(o: PutOperationsOptions): Promise<{ md5?: string }> {
  const parts = o.parts ?? new Semaphore(o.concurrency ?? 4);
  const bytes = o.bytes ?? noBytesLimit;
  const direct = !o.sendPart && sendsPartsDirect();
  const buffers = o.buffers ?? new PartBuffers({ shared: o.md5 === true && direct });
  const digest = o.md5 ? new OrderedDigest() : undefined;
  const send = o.sendPart ?? defaultPartSender(o.client);
  const clock = o.clock ?? systemClock;
  // In offset order: slots are handed out first come, so the hash never waits on a part without one.
  const operations = digest ? [...o.operations].sort((a, b) => a.offset - b.offset) : o.operations;
  const sent = Promise.all(
    operations.map((op) =>
      parts.run(() =>
        bytes.run(op.length, async () => {
          const buffer = buffers.take(op.length);
          try {
            const body = await readPart(o.path, op.offset, op.length, buffer);
            const hashed = digest?.add(op.offset, body);
            // Awaited below; a failed send must not leave it as an unhandled rejection meanwhile.
            hashed?.catch(() => undefined);
            await sendWithRetry(send, op, body, clock);
            await hashed;
            o.onPart?.(op);
          } finally {
            buffers.give(buffer);
          }
        }),
      ),
    ),
  );
  try {
    await sent;
  } catch (error) {
    digest?.close();
    throw error;
  }
  return digest ? { md5: await digest.hex() } : {};
}
