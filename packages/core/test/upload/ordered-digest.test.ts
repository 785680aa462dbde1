import { createHash, randomBytes } from 'node:crypto';
import { OrderedDigest } from '../../src/upload/ordered-digest.js';
import { PartBuffers } from '../../src/upload/part-file.js';

const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');

/** Splits `file` into parts of `size`, each copied into a buffer from `buffers`. */
function parts(file: Buffer, size: number, buffers: PartBuffers): Array<{ offset: number; bytes: Buffer }> {
  const out: Array<{ offset: number; bytes: Buffer }> = [];
  for (let offset = 0; offset < file.length; offset += size) {
    const length = Math.min(size, file.length - offset);
    const bytes = buffers.take(length).subarray(0, length);
    file.copy(bytes, 0, offset, offset + length);
    out.push({ offset, bytes });
  }
  return out;
}

describe('OrderedDigest', () => {
  const file = randomBytes(3 * 1024 * 1024 + 17);

  it.each([
    ['shared buffers (no copy to the worker)', true],
    ['ordinary buffers (copied to the worker)', false],
  ])('gives the MD5 of the whole file when parts arrive out of order: %s', async (_name, shared) => {
    const buffers = new PartBuffers({ shared });
    const all = parts(file, 256 * 1024, buffers);
    expect(all[0]!.bytes.buffer instanceof SharedArrayBuffer).toBe(shared);
    const order = [...all].reverse();
    [order[1], order[4]] = [order[4]!, order[1]!];
    const digest = new OrderedDigest();
    const hashed = order.map((p) => digest.add(p.offset, p.bytes));
    await Promise.all(hashed);
    expect(digest.length).toBe(file.length);
    await expect(digest.hex()).resolves.toBe(md5(file));
  });

  it('resolves a part only when every byte before it was hashed', async () => {
    const buffers = new PartBuffers({ shared: true });
    const [first, second] = parts(file.subarray(0, 2048), 1024, buffers);
    const digest = new OrderedDigest();
    let secondDone = false;
    const later = digest.add(second!.offset, second!.bytes).then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(secondDone).toBe(false);
    expect(digest.length).toBe(0);
    await digest.add(first!.offset, first!.bytes);
    await later;
    expect(secondDone).toBe(true);
    await expect(digest.hex()).resolves.toBe(md5(file.subarray(0, 2048)));
  });

  it('an empty digest is the MD5 of nothing, and close() ends the worker without one', async () => {
    await expect(new OrderedDigest().hex()).resolves.toBe(md5(Buffer.alloc(0)));
    const closed = new OrderedDigest();
    void closed.add(1024, Buffer.alloc(8));
    closed.close();
    expect(closed.length).toBe(0);
  });
});
