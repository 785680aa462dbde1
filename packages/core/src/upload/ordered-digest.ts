/**
 * An MD5 over a file whose parts are read out of order: each part is hashed when every byte
 * before it has been, so the digest is the file's own and the file is read once. A part's
 * buffer must stay untouched until `hashed(offset)` resolves.
 */
import { createHash } from 'node:crypto';

export class OrderedDigest {
  private readonly hash = createHash('md5');
  private next = 0;
  private readonly pending = new Map<number, Buffer>();
  private readonly waiters = new Map<number, () => void>();

  /** Takes the part at `offset`; resolves once it (and everything before it) is hashed. */
  add(offset: number, bytes: Buffer): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiters.set(offset, resolve));
    this.pending.set(offset, bytes);
    for (let part = this.pending.get(this.next); part; part = this.pending.get(this.next)) {
      const at = this.next;
      this.pending.delete(at);
      this.hash.update(part);
      this.next += part.length;
      this.waiters.get(at)?.();
      this.waiters.delete(at);
    }
    return done;
  }

  /** Bytes hashed so far. */
  get length(): number {
    return this.next;
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}
