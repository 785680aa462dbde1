/** Reading a file part by part: reused part buffers and one part read at an offset, never the whole file. */
import { open } from 'node:fs/promises';

/**
 * Part buffers are reused: a part's buffer goes back when its PUT is done, so memory stays at
 * (parts in flight × part size) however large the file, without waiting for the GC.
 */
export class PartBuffers {
  private readonly free: Buffer[] = [];

  /**
   * `shared`: buffers in SharedArrayBuffers, which the MD5 worker reads without a copy. Only for
   * node:http senders: fetch refuses a body in a SharedArrayBuffer.
   */
  constructor(private readonly options: { shared?: boolean } = {}) {}

  take(length: number): Buffer {
    const i = this.free.findIndex((b) => b.length >= length);
    if (i >= 0) return this.free.splice(i, 1)[0]!;
    return this.options.shared ? Buffer.from(new SharedArrayBuffer(length)) : Buffer.allocUnsafe(length);
  }

  give(buffer: Buffer): void {
    if (this.free.length < 16) this.free.push(buffer);
  }
}

/** Bytes [offset, offset + length) of a file, read into `into` (or a new buffer). */
export async function readPart(path: string, offset: number, length: number, into?: Buffer): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = into ? into.subarray(0, length) : Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await file.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    if (done !== length)
      throw new Error(`${path} changed while uploading: expected ${length} bytes at ${offset}, read ${done}.`);
    return buffer;
  } finally {
    await file.close();
  }
}
