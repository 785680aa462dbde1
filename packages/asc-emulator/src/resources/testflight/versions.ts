/**
 * Apple's version equality: `1.2`, `1.2.0` and `1.02` name the same version (trailing `.0`
 * components and leading zeros do not count). Used for pre-release version trains.
 * Deliberate copy: the actions use core's domain/versions.ts; a mistake shared by both would
 * never show up in a test.
 */
export function versionKey(version: string): string {
  const parts = version
    .trim()
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

export function sameVersion(a: string, b: string): boolean {
  return versionKey(a) === versionKey(b);
}
