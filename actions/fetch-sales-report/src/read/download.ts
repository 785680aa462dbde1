/**
 * Saves a report body to disk while checking it: the bytes go to a temporary file as they
 * arrive and, at the same time, through gunzip to the end, so a truncated or corrupt body is
 * caught before the file is renamed into place (and long before it could reach the cache).
 * Nothing of the body is held in memory beyond a chunk.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { HttpResponse } from '@asc-actions/core';
import { gzipProblem, MAX_REPORT_BYTES, ReportTooLarge, reportTooLarge } from './parse/lines.js';

/** A body that did not arrive whole: worth downloading again. */
export class DownloadError extends Error {}

const printable = (b: Buffer): string =>
  JSON.stringify(
    b
      .subarray(0, 40)
      .toString('latin1')
      .replace(/[^\x20-\x7e\t]/g, '?'),
  );

/** Writes the gzip body to `target` (via `target.partial`), verified; returns its size in bytes. */
export async function saveVerified(response: HttpResponse, target: string): Promise<number> {
  const body = response.stream;
  const type = response.headers.get('content-type') ?? 'no content type';
  if (!body) throw new DownloadError(`the answer had no body (${type})`);
  const temp = `${target}.partial`;
  const file = createWriteStream(temp);
  let fileError: Error | undefined;
  file.on('error', (error) => (fileError ??= error));
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (bytes === 0 && (chunk[0] !== 0x1f || (chunk.length > 1 && chunk[1] !== 0x8b))) {
        return callback(new DownloadError(`the answer is not gzip (${type}; it starts with ${printable(chunk)})`));
      }
      bytes += chunk.length;
      if (fileError || file.destroyed) return callback(fileError ?? new Error('the report file was closed'));
      if (file.write(chunk)) callback(null, chunk);
      else file.once('drain', () => callback(null, chunk));
    },
    flush(callback) {
      callback(bytes === 0 ? new DownloadError(`the answer's body was empty (${type})`) : null);
    },
  });
  // The inflated size is counted while verifying: a gzip bomb stops at the cap, not in the heap.
  let inflated = 0;
  const discard = new Writable({
    write: (chunk: Buffer, _encoding, callback) =>
      callback((inflated += chunk.length) > MAX_REPORT_BYTES ? reportTooLarge() : null),
  });
  try {
    await pipeline(body, tap, createGunzip({ chunkSize: 1 << 18 }), discard);
    await new Promise<void>((resolve, reject) =>
      file.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    renameSync(temp, target);
    return bytes;
  } catch (error) {
    file.destroy();
    rmSync(temp, { force: true });
    if (error instanceof DownloadError || error instanceof ReportTooLarge) throw error;
    const problem = gzipProblem(error);
    if (problem) throw new DownloadError(problem);
    throw new DownloadError(
      `the connection broke while the report was downloading (${(error as Error)?.message ?? String(error)})`,
    );
  }
}
