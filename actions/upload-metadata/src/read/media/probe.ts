/**
 * Reads what validation needs from file headers, never whole files: an image's pixel size
 * (PNG IHDR, JPEG SOF) and a movie's duration and track size (MP4/MOV `moov` → `mvhd`, `tkhd`).
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

export interface MovieInfo {
  durationSeconds?: number;
  width?: number;
  height?: number;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  return undefined;
}

/** The image's format and size, or undefined when it is neither a PNG nor a JPEG we can read. */
export async function probeImage(path: string): Promise<ImageInfo | undefined> {
  const file = await open(path, 'r');
  try {
    const head = await readAt(file, 0, 256 * 1024);
    if (head.length >= 24 && head.readUInt32BE(0) === 0x89504e47 && head.toString('latin1', 12, 16) === 'IHDR') {
      return { format: 'png', width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
    }
    if (head.length > 4 && head[0] === 0xff && head[1] === 0xd8) {
      const size = jpegSize(head);
      return size ? { format: 'jpeg', ...size } : undefined;
    }
    return undefined;
  } finally {
    await file.close();
  }
}

interface Box {
  type: string;
  start: number;
  headerSize: number;
  size: number;
}

function boxesIn(b: Buffer, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  for (let i = from; i + 8 <= to;) {
    let size = b.readUInt32BE(i);
    let headerSize = 8;
    if (size === 1 && i + 16 <= to) {
      size = Number(b.readBigUInt64BE(i + 8));
      headerSize = 16;
    } else if (size === 0) size = to - i;
    if (size < headerSize) break;
    boxes.push({ type: b.toString('latin1', i + 4, i + 8), start: i, headerSize, size });
    i += size;
  }
  return boxes;
}

async function findMoov(file: FileHandle, fileSize: number): Promise<Buffer | undefined> {
  for (let position = 0; position + 8 <= fileSize;) {
    const head = await readAt(file, position, 16);
    if (head.length < 8) return undefined;
    let size = head.readUInt32BE(0);
    if (size === 1) size = Number(head.readBigUInt64BE(8));
    else if (size === 0) size = fileSize - position;
    if (size < 8) return undefined;
    // A moov box is small (track tables); refuse absurd sizes rather than read them.
    if (head.toString('latin1', 4, 8) === 'moov')
      return size > 64 * 1024 * 1024 ? undefined : readAt(file, position, size);
    position += size;
  }
  return undefined;
}

function readMoov(moov: Buffer): MovieInfo {
  const info: MovieInfo = {};
  const top = boxesIn(moov, 8, moov.length);
  const mvhd = top.find((x) => x.type === 'mvhd');
  if (mvhd) {
    const c = mvhd.start + mvhd.headerSize;
    const v1 = moov[c] === 1;
    const timescale = moov.readUInt32BE(c + (v1 ? 20 : 12));
    const duration = v1 ? Number(moov.readBigUInt64BE(c + 24)) : moov.readUInt32BE(c + 16);
    if (timescale > 0) info.durationSeconds = duration / timescale;
  }
  for (const trak of top.filter((x) => x.type === 'trak')) {
    const tkhd = boxesIn(moov, trak.start + trak.headerSize, trak.start + trak.size).find((x) => x.type === 'tkhd');
    if (!tkhd) continue;
    const c = tkhd.start + tkhd.headerSize;
    const at = c + (moov[c] === 1 ? 88 : 76);
    if (at + 8 > moov.length) continue;
    const width = moov.readUInt32BE(at) / 65536;
    const height = moov.readUInt32BE(at + 4) / 65536;
    if (width > 0 && height > 0) return { ...info, width: Math.round(width), height: Math.round(height) };
  }
  return info;
}

/** Duration and video size from an MP4/MOV, reading only box headers and the `moov` box. */
export async function probeMovie(path: string, fileSize: number): Promise<MovieInfo | undefined> {
  const file = await open(path, 'r');
  try {
    const moov = await findMoov(file, fileSize);
    return moov ? readMoov(moov) : undefined;
  } finally {
    await file.close();
  }
}
