/**
 * Apple's version strings, for marketing versions (CFBundleShortVersionString, an App Store or
 * TestFlight version) and build numbers (CFBundleVersion) alike.
 *
 * - Equality: leading zeros and trailing `.0` components do not count, so `1.4`, `1.4.0` and
 *   `1.04` name one version (Apple: "missing integers in the format are interpreted as zeros";
 *   "leading zeros are truncated from each integer").
 * - A marketing version is one to three period-separated integers. Apple documents "three
 *   period-separated integers" and App Store Connect accepts `1.4` for `1.4.0`; a fourth integer
 *   is refused at upload ("x.x.x.x is outside the expected range"), so `1.2.3.4` is not a
 *   marketing version and never equals `1.2.3`: nothing is cut off before comparing.
 * - A build number may have more integers ("you can include more integers"); they are compared
 *   in full, so two builds that differ only in the fourth integer are never confused.
 */

/** The canonical form two equal versions share: `1.04.0` → `1.4`, `0.0` → `0`. */
export function versionKey(version: string): string {
  const parts = version
    .trim()
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.');
}

/** `1.4` and `1.4.0` are the same version; `1.2.3.4` and `1.2.3` are not. */
export function sameVersion(a: string, b: string): boolean {
  return versionKey(a) === versionKey(b);
}

const MARKETING_VERSION = /^\d+(\.\d+){0,2}$/;

/** One to three period-separated integers: `2`, `1.4`, `1.4.2`. */
export function isMarketingVersion(text: string): boolean {
  return MARKETING_VERSION.test(text);
}

const BUILD_NUMBER = /^\d+(\.\d+)*$/;

/** Period-separated integers: `42`, `1.4.2`, `202611251200`. */
export function isBuildNumber(text: string): boolean {
  return BUILD_NUMBER.test(text);
}

/** What a marketing version looks like, for messages: "a version number such as 1.4 or 1.4.2 (one to three integers)". */
export const MARKETING_VERSION_HINT = 'a version number such as 1.4 or 1.4.2 (one to three period-separated integers)';

/** Numeric order, missing integers read as zeros: `1.10` > `1.9`, `1.4` = `1.4.0`. */
export function compareVersions(a: string, b: string): number {
  const x = versionKey(a).split('.').map(Number);
  const y = versionKey(b).split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
