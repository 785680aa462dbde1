/**
 * The one seeded random generator of the suite (seed data, report rows, fault soaks): mulberry32,
 * small and fast. The same seed gives the same numbers everywhere. A text seed is hashed first
 * (FNV-1a), so a seed can name what it is for (`"vendor|SALES|2026-11-25"`).
 */

export type Random = () => number;

export function seededRandom(seed: number | string): Random {
  let a = (typeof seed === 'number' ? seed : fnv1a(seed)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}
