/**
 * The fix for a 401 or 403, from what the request authenticated with. Apple's 401 says only
 * "credentials are missing or invalid", so the hint names what was sent (key id, team or
 * individual key, the token's iat/exp against the runner's clock) and the causes, most likely
 * first. Evidence for the agreement cause: Apple answers every request of an account whose
 * Program License Agreement is unaccepted or expired with 403
 * `FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED` ("A required agreement is missing or has
 * expired"), and older accounts saw 403 FORBIDDEN "Access Unavailable … the Account Holder must
 * agree to the latest Program License Agreement"; teams also report 401s in that state.
 */
import type { AuthenticationError, ForbiddenError } from '../errors.js';
import type { AuthAttempt } from '../http/types.js';

const TROUBLESHOOTING = 'docs/troubleshooting.md#401-or-403-from-app-store-connect';
const SKEW_WORTH_NAMING_S = 60;

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

function sent(a: AuthAttempt): string {
  const key = a.issuerSet ? `team key ${a.keyId} (issuer-id set)` : `individual key ${a.keyId} (no issuer-id)`;
  const apple = a.serverNow !== undefined ? `, Apple's clock ${iso(a.serverNow)}` : '';
  return `sent ${key}, token iat ${iso(a.iat)} exp ${iso(a.exp)} (${a.exp - a.iat} s), runner's clock ${iso(a.now)}${apple}`;
}

function skewSeconds(a: AuthAttempt): number | undefined {
  return a.serverNow === undefined ? undefined : a.now - a.serverNow;
}

export function authFailureHint(error: AuthenticationError): string {
  const a = error.auth;
  const causes = [
    'key-id and issuer-id do not belong together, or the key was revoked (Users and Access → Integrations lists the active keys and the issuer id)',
    a && !a.issuerSet
      ? 'this is a team key but issuer-id is empty (individual keys are the only ones without an issuer id)'
      : 'issuer-id set for an individual key, or the issuer id of another team',
    "the runner's clock is wrong by minutes (tokens are valid 20 minutes from iat)",
    'the Apple Developer Program License Agreement was updated and the Account Holder has not accepted it yet (Apple then answers 401 or 403 to every request)',
  ];
  const skew = a ? skewSeconds(a) : undefined;
  if (skew !== undefined && Math.abs(skew) > SKEW_WORTH_NAMING_S) {
    causes.splice(2, 1);
    causes.unshift(
      `the runner's clock is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} Apple's: fix the runner's time (NTP)`,
    );
  }
  const list = causes.map((c, i) => `(${i + 1}) ${c}`).join('; ');
  return `${a ? `${sent(a)}. ` : ''}Likely causes, most likely first: ${list}. See ${TROUBLESHOOTING}`;
}

function isAgreement(error: ForbiddenError): boolean {
  return error.errors.some((e) => /REQUIRED_AGREEMENTS/.test(e.code) || /agreement/i.test(`${e.title} ${e.detail}`));
}

export function forbiddenHint(error: ForbiddenError, requiredRole?: string): string {
  if (isAgreement(error)) {
    return (
      "the team's Program License Agreement (or another required agreement) is unaccepted or expired: the Account Holder must accept it " +
      'at developer.apple.com/account (and agreements under Business in App Store Connect); no key or role change helps until then'
    );
  }
  const needs = requiredRole
    ? `this action needs a key with the ${requiredRole} role (or Admin)`
    : 'use a key whose role covers what this action does';
  return `the key's role lacks access; ${needs} (Users and Access → Integrations)`;
}
