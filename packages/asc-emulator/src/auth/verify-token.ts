/**
 * Verifies bearer tokens the way App Store Connect does: ES256 only, header `kid` naming a
 * registered key, `typ` JWT, `aud` appstoreconnect-v1, a lifetime (exp − iat) of at most
 * 20 minutes, not expired and not issued in the future (60 s of clock skew allowed either
 * way), and `iss` equal to the team's issuer id — or, for an individual key, `sub: "user"`
 * and no `iss`. Apple answers every failure with the same 401 body, so the reason is only
 * recorded in the transcript.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import type { EmulatorKey } from '../types.js';

const AUDIENCE = 'appstoreconnect-v1';
const MAX_LIFETIME_S = 20 * 60;
const SKEW_S = 60;

interface RegisteredKey {
  issuerId: string | null;
  key: KeyObject;
}

export type TokenVerdict =
  | { ok: true; keyId: string; claims: Record<string, unknown> }
  | { ok: false; reason: string; claims?: Record<string, unknown> };

export class KeyRegistry {
  private readonly keys = new Map<string, RegisteredKey>();

  register(k: EmulatorKey): void {
    const key = typeof k.publicKey === 'string' ? createPublicKey(k.publicKey) : k.publicKey;
    if (
      key.type !== 'public' ||
      key.asymmetricKeyType !== 'ec' ||
      key.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
    ) {
      throw new Error(`Key ${k.keyId}: expected an EC P-256 public key`);
    }
    this.keys.set(k.keyId, { issuerId: k.issuerId, key });
  }

  lookup(keyId: string): RegisteredKey | undefined {
    return this.keys.get(keyId);
  }
}

function decodeClaims(token: string): Record<string, unknown> | undefined {
  try {
    return { ...decodeJwt(token) };
  } catch {
    return undefined;
  }
}

export async function verifyBearer(
  authorization: string | undefined,
  keys: KeyRegistry,
  nowMs: number,
): Promise<TokenVerdict> {
  if (!authorization) return { ok: false, reason: 'no Authorization header' };
  const match = /^Bearer (\S+)$/.exec(authorization.trim());
  if (!match?.[1]) return { ok: false, reason: 'Authorization is not "Bearer <token>"' };
  const token = match[1];
  const claims = decodeClaims(token);
  let keyId = '';
  let registered: RegisteredKey | undefined;
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        keyId = header.kid ?? '';
        registered = keys.lookup(keyId);
        if (!registered) throw new Error(`unknown kid '${keyId}'`);
        return registered.key;
      },
      {
        algorithms: ['ES256'],
        audience: AUDIENCE,
        typ: 'JWT',
        requiredClaims: ['iat', 'exp'],
        currentDate: new Date(nowMs),
        clockTolerance: SKEW_S,
      },
    );
    const problem = claimProblem(payload, registered as RegisteredKey, nowMs);
    return problem ? { ok: false, reason: problem, claims } : { ok: true, keyId, claims: claims ?? {} };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e), claims };
  }
}

function claimProblem(p: JWTPayload, key: RegisteredKey, nowMs: number): string | undefined {
  const iat = p.iat as number;
  const exp = p.exp as number;
  if (exp - iat > MAX_LIFETIME_S) return `token lifetime ${exp - iat} s exceeds ${MAX_LIFETIME_S} s`;
  if (iat > nowMs / 1000 + SKEW_S) return 'token issued in the future';
  if (key.issuerId === null) {
    if (p.sub !== 'user') return 'individual key: sub must be "user"';
    if (p.iss !== undefined) return 'individual key: token must not carry iss';
    return undefined;
  }
  if (p.iss !== key.issuerId) return "iss does not match the key's issuer id";
  return undefined;
}
