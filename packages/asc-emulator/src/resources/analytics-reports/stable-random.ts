/** Stable pseudo-random numbers from text (FNV-1a): the analytics rows are rebuilt identically from their keys. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A stable fraction in [0, 1) for a key. */
export const unit = (key: string): number => hash(key) / 4294967296;
