/**
 * Streams a gzipped TSV report row by row: file → gunzip → rows of bytes. Memory stays at a few
 * chunks whatever the report's size. A truncated or corrupt gzip stream is a GzipStreamError
 * that says so. Shared by every action that reads Apple's gzipped reports (sales, finance,
 * analytics segments).
 *
 * Speed: rows are neither decoded as a whole nor split into strings. A row is handed over as the
 * chunk's bytes plus the offsets where its fields start, and the parser decodes only the cells
 * it needs (tab and newline bytes never occur inside a UTF-8 multi-byte character, so byte
 * offsets are safe). Decoding and splitting every row costs more than decompressing it.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import { collectDeadChunks } from './report-memory.js';

/**
 * One row: field `i` is `bytes[starts[i], starts[i + 1] - 1)` for `i < fields` (`starts[fields]`
 * is one past the row's last byte). Valid only during the call.
 */
export type OnRow = (bytes: Buffer, starts: Int32Array, fields: number, lineNo: number) => void;

/** Field `i` of a row, decoded. */
export const field = (bytes: Buffer, starts: Int32Array, i: number): string =>
  bytes.toString('utf8', starts[i], starts[i + 1]! - 1);

/** The whole row, decoded (headers, trailer lines, messages). */
export const rowText = (bytes: Buffer, starts: Int32Array, fields: number): string =>
  bytes.toString('utf8', starts[0], starts[fields]! - 1);

/**
 * Bounds on what a report may inflate to: Apple's largest reports are tens of MB with rows of a
 * few hundred bytes, so a gzip bomb or a body with no line breaks stops here, not in the heap.
 */
export const MAX_REPORT_BYTES = 1024 * 1024 * 1024;
export const MAX_LINE_BYTES = 64 * 1024;

/** A report over one of the bounds; the reader adds which report it was. */
export class ReportTooLarge extends Error {}

export const reportTooLarge = (): ReportTooLarge =>
  new ReportTooLarge(
    `it inflates to more than ${MAX_REPORT_BYTES / 1024 / 1024} MB, more than any report App Store Connect sends`,
  );

/**
 * The line handling both splitters share: the caps (the whole inflated size, one line's length),
 * a UTF-8 BOM, and the line cut by a chunk boundary, which is joined on its own (the chunk is not
 * copied). Subclasses hand over the complete lines of a buffer (`scan`).
 */
abstract class ChunkedLines extends Writable {
  private carry: Buffer = Buffer.alloc(0);
  private total = 0;
  protected lineNo = 0;

  constructor() {
    super({ highWaterMark: 1 << 20 });
  }

  /** Hands over every complete line of `bytes` from `from`; returns where the incomplete rest begins. */
  protected abstract scan(bytes: Buffer, from: number): number;

  /**
   * Lines are read on the next turn of the event loop, not inside the write: zlib hands a chunk
   * over from its callback and only then asks its thread for the next one, so reading in the
   * callback would keep the two from working at the same time.
   */
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    setImmediate(() => {
      try {
        this.take(chunk);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    });
  }

  override _final(callback: (error?: Error | null) => void): void {
    try {
      if (this.carry.length) this.scan(Buffer.concat([this.carry, Buffer.from('\n')]), 0);
      this.carry = Buffer.alloc(0);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private take(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.total > MAX_REPORT_BYTES) throw reportTooLarge();
    collectDeadChunks(chunk.length);
    let from = 0;
    if (this.carry.length) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        if (this.carry.length + chunk.length > MAX_LINE_BYTES) throw this.tooLong();
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      const joined = Buffer.concat([this.carry, chunk.subarray(0, nl + 1)]);
      this.carry = Buffer.alloc(0);
      this.scan(joined, 0);
      from = nl + 1;
    }
    const rest = this.scan(chunk, from);
    if (chunk.length - rest > MAX_LINE_BYTES) throw this.tooLong();
    this.carry = Buffer.from(chunk.subarray(rest));
  }

  /** Where the first line starts: after a UTF-8 BOM at the very beginning. */
  protected firstStart(bytes: Buffer, from: number): number {
    return this.lineNo === 0 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf
      ? from + 3
      : from;
  }

  protected tooLong(): ReportTooLarge {
    return new ReportTooLarge(
      `line ${this.lineNo + 1} is longer than ${MAX_LINE_BYTES / 1024} KB; report lines are a few hundred bytes`,
    );
  }
}

/** A Writable that hands each row's field offsets to `onRow`, synchronously. */
export class RowSplitter extends ChunkedLines {
  private starts: Int32Array = new Int32Array(256);

  constructor(private readonly onRow: OnRow) {
    super();
  }

  protected scan(bytes: Buffer, from: number): number {
    let start = this.firstStart(bytes, from);
    // The newline by memchr (native), then the tabs before it by a tight loop: the fastest pair measured.
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      if (nl - start > MAX_LINE_BYTES) throw this.tooLong();
      // A row has fewer tabs than bytes: room for all of them, so the loop needs no check.
      if (this.starts.length < nl - start + 2) this.starts = new Int32Array(nl - start + 2);
      const starts = this.starts;
      let n = 0;
      starts[0] = start;
      for (let i = start; i < nl; i++) if (bytes[i] === 9) starts[++n] = i + 1;
      // A CRLF row ends before its '\r'.
      starts[n + 1] = nl > start && bytes[nl - 1] === 13 ? nl : nl + 1;
      this.onRow(bytes, starts, n + 1, ++this.lineNo);
      start = nl + 1;
    }
    return start;
  }
}

/** One line: `bytes[start, end)` without its newline (nor a CR before it). Valid only during the call. */
export type OnLine = (bytes: Buffer, start: number, end: number, lineNo: number) => void;

/**
 * A Writable that hands over lines only, not fields: the newline is found natively (memchr) and
 * nothing else is scanned, for passes that need one column or a count (about twice as fast as
 * splitting every row into fields).
 */
export class LineSplitter extends ChunkedLines {
  constructor(private readonly onLine: OnLine) {
    super();
  }

  protected scan(bytes: Buffer, from: number): number {
    let start = this.firstStart(bytes, from);
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      if (nl - start > MAX_LINE_BYTES) throw this.tooLong();
      this.onLine(bytes, start, nl > start && bytes[nl - 1] === 13 ? nl - 1 : nl, ++this.lineNo);
      start = nl + 1;
    }
    return start;
  }
}

// `highWaterMark` is a stream option zlib passes on (not in ZlibOptions' type). Each inflated
// chunk is a fresh buffer outside V8's heap, freed only when a collection finds it dead, and V8
// lets such memory grow by tens of MB before it collects for it. Inflating a 91 MB segment and
// counting its lines peaked at 132 MB with 1 MB chunks on Node 24 (86 MB on Node 20) against 90
// MB with 64 KB chunks (82 MB): small chunks die in the frequent young-generation collections
// (see also report-memory.ts). Measured with the bundle fetching that segment on Node 24
// (peak memory, `npm run bench:node24`) and the bench's reader (CPU of the verification pass):
// 1 MB chunks / 8 MB read ahead 158–188 MB and 500 ms; 128 KB / 512 KB 127–136 MB and 330–350
// ms; 64 KB / 256 KB 121–126 MB and 420–435 ms (gzip -dc | wc -l: 360 ms).
const GUNZIP = { chunkSize: 1 << 16, highWaterMark: 1 << 18 } as ZlibOptions;

/** Why a gunzip failed, in words: truncated, or not gzip at all. */
export function gzipProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(String((error as Error)?.message)))
    return 'the gzip stream is truncated (unexpected end of file)';
  if (code === 'Z_DATA_ERROR') return `the data is not a valid gzip stream (${(error as Error).message})`;
  return undefined;
}

/** A gzip stream that is truncated or not gzip at all; the message says which. */
export class GzipStreamError extends Error {}

/**
 * Reads every row of a gzipped file. `where` names the report in errors. Gunzip runs on the
 * thread pool and inflates up to 256 KB ahead while rows are parsed (settings: see GUNZIP).
 */
export async function readGzipRows(path: string, where: string, onRow: OnRow): Promise<void> {
  try {
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), createGunzip(GUNZIP), new RowSplitter(onRow));
  } catch (error) {
    if (error instanceof ReportTooLarge) throw new GzipStreamError(`${where}: ${error.message}. Nothing was written.`);
    const problem = gzipProblem(error);
    if (problem) throw new GzipStreamError(`${where}: ${problem}. Nothing was written.`);
    throw error;
  }
}

/** Reads every line of a gzipped file (no field splitting); `where` names the file in errors. */
export async function readGzipLines(path: string, where: string, onLine: OnLine): Promise<void> {
  try {
    await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), createGunzip(GUNZIP), new LineSplitter(onLine));
  } catch (error) {
    if (error instanceof ReportTooLarge) throw new GzipStreamError(`${where}: ${error.message}. Nothing was written.`);
    const problem = gzipProblem(error);
    if (problem) throw new GzipStreamError(`${where}: ${problem}. Nothing was written.`);
    throw error;
  }
}

/** The first line of a gzipped file (the header), reading no further than needed. */
export async function readGzipHeader(path: string, where: string): Promise<string> {
  let header: string | undefined;
  const stop = new Error('header read');
  try {
    await readGzipRows(path, where, (bytes, starts, fields) => {
      header = rowText(bytes, starts, fields);
      throw stop;
    });
  } catch (error) {
    if (error !== stop) throw error;
  }
  return header ?? '';
}
