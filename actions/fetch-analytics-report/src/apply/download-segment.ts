/**
 * Downloads one segment from its pre-signed URL into the report's cache folder, verified: no
 * Authorization header (the URL carries its own signature), https only (plain http only to a
 * loopback host, i.e. the emulator), the bytes hashed and counted as they arrive (at most the
 * declared size), MD5 and `sizeInBytes` compared before the file is renamed into place, then
 * read through once (gzip intact, header with a Date column) to learn its columns and dates.
 * Messages never show the URL's query: the signature is a credential for some minutes.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError, isLoopbackHost, type AscClient } from '@asc-actions/core';
import type { SegmentFacts, SegmentInfo } from '../model.js';
import { safeName } from '../read/segment-cache.js';
import { scanSegment, SegmentError } from '../read/segment-file.js';

/** A download that may succeed when tried again (fresh URL, whole body). */
export class RetryableDownloadError extends Error {}

const TIMEOUT_MS = 10 * 60_000;

export function checkSegmentUrl(url: string, where: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SegmentError(`${where}: Apple gave a segment URL that is not a URL.`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackHost(u.hostname))) {
    throw new SegmentError(`${where}: refused to download from ${u.protocol}//${u.host}: segment URLs must be https.`);
  }
  if (u.username || u.password) throw new SegmentError(`${where}: refused a segment URL that carries credentials.`);
  return u;
}

export async function downloadSegment(
  client: Pick<AscClient, 'send'>,
  segment: SegmentInfo,
  dir: string,
  where: string,
): Promise<SegmentFacts> {
  const u = checkSegmentUrl(segment.url, where);
  const shownUrl = `${u.origin}${u.pathname}`;
  let response;
  try {
    response = await client.send({
      method: 'GET',
      url: segment.url,
      auth: false,
      responseType: 'stream',
      timeoutMs: TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof ApiError) throw new RetryableDownloadError(`${where}: ${shownUrl} answered ${error.status}`);
    throw new RetryableDownloadError(
      `${where}: the download from ${shownUrl} failed (${(error as Error).message.replace(/\?\S*/g, '')})`,
    );
  }
  const file = `${safeName(segment.id)}.csv.gz`;
  const target = `${dir}/${file}`;
  const temp = `${target}.partial`;
  const hash = createHash('md5');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _e, callback) {
      bytes += chunk.length;
      if (bytes > segment.sizeInBytes)
        return callback(
          new RetryableDownloadError(`${where}: more bytes than the ${segment.sizeInBytes} Apple declared`),
        );
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    if (!response.stream) throw new RetryableDownloadError(`${where}: the answer had no body`);
    await pipeline(response.stream, tap, createWriteStream(temp));
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof RetryableDownloadError) throw error;
    throw new RetryableDownloadError(
      `${where}: the connection broke during the download (${(error as Error).message.replace(/\?\S*/g, '')})`,
    );
  }
  const md5 = hash.digest('hex');
  if (bytes !== segment.sizeInBytes || md5 !== segment.checksum.toLowerCase()) {
    rmSync(temp, { force: true });
    throw new RetryableDownloadError(
      `${where}: the download does not match Apple's checksum and size (got ${bytes} bytes, MD5 ${md5}; Apple: ${segment.sizeInBytes} bytes, MD5 ${segment.checksum})`,
    );
  }
  renameSync(temp, target);
  const scanned = await scanSegment(target, where);
  return { id: segment.id, checksum: md5, sizeInBytes: bytes, file, ...scanned };
}
