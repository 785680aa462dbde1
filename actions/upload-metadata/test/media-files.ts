/**
 * Test media made at run time (no binary fixtures): PNGs and JPEGs whose headers carry a pixel
 * size, and MP4/MOV files whose `mvhd` box carries a duration (plus `tkhd` width and height),
 * padded to any size. Content differs by `label`, so checksums differ.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const byte of b) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(width: number, height: number, label = ''): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${label}`, 'latin1')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function jpeg(width: number, height: number, label = ''): Buffer {
  const comment = Buffer.from(label, 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(comment.length + 2), comment]);
  const sof = Buffer.concat([
    Buffer.from([0xff, 0xc0]),
    u16(17),
    Buffer.from([8]),
    u16(height),
    u16(width),
    Buffer.from([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), com, sof, Buffer.from([0xff, 0xd9])]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** The movie's header boxes: ftyp, then moov with mvhd (duration) and one trak's tkhd (size). */
export function movieHead(seconds: number, width: number, height: number, label = ''): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(Math.round(seconds * 1000), 16);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(width * 65536, 76);
  tkhd.writeUInt32BE(height * 65536, 80);
  return Buffer.concat([
    box('ftyp', Buffer.from(`isom\0\0\0\0isomiso2mp41`, 'latin1')),
    box('moov', box('mvhd', mvhd), box('trak', box('tkhd', tkhd)), box('udta', Buffer.from(label, 'latin1'))),
  ]);
}

/** Writes a movie of `totalBytes` to disk in slices (the `mdat` is zeros): never the whole file in memory. */
export function writeMovie(
  path: string,
  seconds: number,
  width: number,
  height: number,
  totalBytes: number,
  label = '',
): void {
  mkdirSync(dirname(path), { recursive: true });
  const head = movieHead(seconds, width, height, label);
  const mdatSize = Math.max(8, totalBytes - head.length);
  const mdatHead = Buffer.alloc(8);
  mdatHead.writeUInt32BE(mdatSize);
  mdatHead.write('mdat', 4, 'latin1');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    writeSync(fd, mdatHead);
    const slice = Buffer.alloc(1024 * 1024);
    for (let left = mdatSize - 8; left > 0; left -= slice.length) writeSync(fd, slice, 0, Math.min(slice.length, left));
  } finally {
    closeSync(fd);
  }
}
