/**
 * Apple's version equality, for marketing versions and build numbers alike: `1.2`, `1.2.0` and
 * `1.02` are the same version (leading zeros and trailing `.0` components do not count).
 */
export function versionKey(version: string): string {
  const parts = version.trim().split('.').map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

export function sameVersion(a: string, b: string): boolean {
  return versionKey(a) === versionKey(b);
}
