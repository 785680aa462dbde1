/** Streaming file access: the MD5 of a file, never the whole file in memory. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function md5File(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
