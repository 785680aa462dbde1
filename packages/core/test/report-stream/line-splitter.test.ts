/**
 * core's LineSplitter (the verification pass of every analytics segment) and RowSplitter (every
 * report's rows), which share their line handling: lines come out whole
 * and in order however the inflated stream is cut into chunks, with a BOM, CRLF endings, a last
 * line without a newline, and the line-length cap.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LineSplitter, RowSplitter, rowText } from '../../src/report-stream/gzip-rows.js';

async function split(chunks: Array<string | Buffer>): Promise<string[]> {
  const lines: string[] = [];
  await pipeline(
    Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))),
    new LineSplitter((bytes, start, end, lineNo) => lines.push(`${lineNo}:${bytes.toString('utf8', start, end)}`)),
  );
  return lines;
}

const TEXT = '\uFEFFDate\tCounts\r\n2026-11-01\t3\r\n2026-11-02\t4\n\n2026-11-03\t5';
const EXPECTED = ['1:Date\tCounts', '2:2026-11-01\t3', '3:2026-11-02\t4', '4:', '5:2026-11-03\t5'];

test('one chunk: BOM dropped, CRLF and LF endings, an empty line, a last line without a newline', async () => {
  expect(await split([TEXT])).toEqual(EXPECTED);
});

test('every way of cutting the bytes into two or three chunks gives the same lines', async () => {
  const bytes = Buffer.from(TEXT, 'utf8');
  for (let a = 1; a < bytes.length; a++) {
    expect(await split([bytes.subarray(0, a), bytes.subarray(a)])).toEqual(EXPECTED);
    const b = Math.min(bytes.length - 1, a + 3);
    if (b > a) expect(await split([bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)])).toEqual(EXPECTED);
  }
});

test('a line longer than the cap is refused, whether it arrives in one chunk or many', async () => {
  const long = 'x'.repeat(70 * 1024);
  await expect(split([`Date\n${long}\n`])).rejects.toThrow(/line 2 is longer than 64 KB/);
  const pieces = Array.from({ length: 10 }, () => 'x'.repeat(7 * 1024));
  await expect(split(['Date\n', ...pieces, '\n'])).rejects.toThrow(/line 2 is longer than 64 KB/);
});

test('RowSplitter, which shares the line handling, gives the same rows for every two-way cut', async () => {
  const bytes = Buffer.from(TEXT, 'utf8');
  for (let a = 1; a < bytes.length; a++) {
    const rows: string[] = [];
    await pipeline(
      Readable.from([bytes.subarray(0, a), bytes.subarray(a)]),
      new RowSplitter((b, starts, fields, lineNo) => rows.push(`${lineNo}:${rowText(b, starts, fields)}`)),
    );
    expect(rows).toEqual(EXPECTED);
  }
});
