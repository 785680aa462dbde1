/**
 * App Store Connect API tokens: ES256 JWTs signed with the team's (or a user's) key.
 * Apple refuses a token whose `exp − iat` exceeds 20 minutes, so that is the longest we sign.
 */
import type { KeyObject } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { type Clock, systemClock } from '../clock.js';
import { InputError } from '../errors.js';

export const MAX_TOKEN_LIFETIME_SECONDS = 1200;
/**
 * `iat` is set this far in the past: a runner whose clock is a little ahead of Apple's would
 * otherwise present a token "issued in the future", which Apple answers with 401. `exp` moves
 * back by the same amount, so `exp − iat` stays within Apple's 20 minutes.
 */
export const CLOCK_SKEW_SECONDS = 60;
export const AUDIENCE = 'appstoreconnect-v1';

const KEY_ID = /^[A-Z0-9]{10}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws an InputError on `key-id` unless it has the form Apple issues (10 characters A–Z, 0–9). */
export function validateKeyId(keyId: string): void {
  if (KEY_ID.test(keyId)) return;
  const hint = UUID.test(keyId)
    ? ' It looks like an Issuer ID: the two may be swapped.'
    : ` The value given has ${keyId.length} characters.`;
  throw new InputError(
    `key-id must be the 10-character Key ID (capital letters and digits) shown next to the key in App Store Connect → Users and Access → Integrations.${hint}`,
    { input: 'key-id' },
  );
}

/** Throws an InputError on `issuer-id` unless it is a UUID. (An individual key has none: pass null.) */
export function validateIssuerId(issuerId: string): void {
  if (UUID.test(issuerId)) return;
  const hint = KEY_ID.test(issuerId) ? ' It looks like a Key ID: the two may be swapped.' : '';
  throw new InputError(
    'issuer-id must be the Issuer ID, a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) shown above the key list in App Store Connect → ' +
      `Users and Access → Integrations; leave it empty only for an individual key.${hint}`,
    { input: 'issuer-id' },
  );
}

export interface SignTokenOptions {
  key: KeyObject;
  keyId: string;
  /** The team's Issuer ID, or null for an individual key (`sub: "user"`, no `iss`). */
  issuerId: string | null;
  /** Milliseconds since the epoch. */
  now: number;
  lifetimeSeconds?: number;
}

function checkLifetime(lifetimeSeconds: number): void {
  if (
    !Number.isInteger(lifetimeSeconds) ||
    lifetimeSeconds <= CLOCK_SKEW_SECONDS ||
    lifetimeSeconds > MAX_TOKEN_LIFETIME_SECONDS
  ) {
    throw new RangeError(
      `lifetimeSeconds must be an integer in ${CLOCK_SKEW_SECONDS + 1}..${MAX_TOKEN_LIFETIME_SECONDS} (Apple's limit is 20 minutes)`,
    );
  }
}

/** Signs one token. `exp − iat` equals `lifetimeSeconds` (≤ 1200); `iat` is backdated by CLOCK_SKEW_SECONDS. */
export async function signToken(opts: SignTokenOptions): Promise<string> {
  const lifetime = opts.lifetimeSeconds ?? MAX_TOKEN_LIFETIME_SECONDS;
  checkLifetime(lifetime);
  const iat = Math.floor(opts.now / 1000) - CLOCK_SKEW_SECONDS;
  const jwt = new SignJWT(opts.issuerId === null ? { sub: 'user' } : { iss: opts.issuerId })
    .setProtectedHeader({ alg: 'ES256', kid: opts.keyId, typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .setAudience(AUDIENCE);
  return jwt.sign(opts.key);
}

export interface TokenSourceOptions {
  key: KeyObject;
  keyId: string;
  issuerId: string | null;
  clock?: Clock;
  lifetimeSeconds?: number;
  /** A cached token is replaced once it has this little time left. Default 120 s (less for short lifetimes). */
  refreshMarginSeconds?: number;
  /** Called with every new token before it is used: the action adapter masks it. */
  onToken?: (token: string) => void;
}

interface Cached {
  token: string;
  /** When the token expires, in ms. */
  expiresAt: number;
}

/**
 * Hands out a cached token and signs a new one shortly before it expires, or after the server
 * refused the current one (`invalidate`). Concurrent callers share one signing.
 */
export class TokenSource {
  readonly keyType: 'team' | 'individual';
  private readonly clock: Clock;
  private readonly lifetime: number;
  private readonly marginMs: number;
  private current?: Cached;
  private pending?: Promise<string>;
  private count = 0;

  constructor(private readonly opts: TokenSourceOptions) {
    validateKeyId(opts.keyId);
    if (opts.issuerId !== null) validateIssuerId(opts.issuerId);
    this.keyType = opts.issuerId === null ? 'individual' : 'team';
    this.clock = opts.clock ?? systemClock;
    this.lifetime = opts.lifetimeSeconds ?? MAX_TOKEN_LIFETIME_SECONDS;
    checkLifetime(this.lifetime);
    const margin = opts.refreshMarginSeconds ?? Math.min(120, Math.floor((this.lifetime - CLOCK_SKEW_SECONDS) / 2));
    if (margin < 0 || margin >= this.lifetime - CLOCK_SKEW_SECONDS) {
      throw new RangeError('refreshMarginSeconds must be at least 0 and less than the time a token is valid');
    }
    this.marginMs = margin * 1000;
  }

  /** How many tokens this source has signed. */
  get signatures(): number {
    return this.count;
  }

  getToken(): Promise<string> {
    const cached = this.current;
    if (cached && cached.expiresAt - this.clock.now() > this.marginMs) return Promise.resolve(cached.token);
    this.pending ??= this.sign().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The claims a token of this source carries, and this source's clock (never the token itself). */
  describe(token: string): { keyId: string; issuerSet: boolean; iat: number; exp: number; now: number } {
    const claims = decodeJwt(token);
    return {
      keyId: this.opts.keyId,
      issuerSet: claims.iss !== undefined,
      iat: claims.iat ?? 0,
      exp: claims.exp ?? 0,
      now: Math.floor(this.clock.now() / 1000),
    };
  }

  /** Drops `token` if it is the current one (the server answered 401), so the next getToken signs anew. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async sign(): Promise<string> {
    const now = this.clock.now();
    const token = await signToken({
      key: this.opts.key,
      keyId: this.opts.keyId,
      issuerId: this.opts.issuerId,
      now,
      lifetimeSeconds: this.lifetime,
    });
    this.count++;
    this.opts.onToken?.(token);
    const iat = Math.floor(now / 1000) - CLOCK_SKEW_SECONDS;
    this.current = { token, expiresAt: (iat + this.lifetime) * 1000 };
    return token;
  }
}
