/**
 * Test support: a key generated at run time, tokens signed with jose, a virtual clock shared
 * with the emulator, and plain-fetch helpers. Deliberately independent of packages/core.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { startEmulator, type Emulator, type EmulatorKey, type StartOptions } from '../../src/index.js';

export const ISSUER_ID = '57246542-96fe-1a63-e053-0824d011072a';
export const SPEC_PATH = process.env.ASC_OPENAPI_SPEC;

export interface TestKey {
  keyId: string;
  issuerId: string | null;
  privateKey: KeyObject;
  publicPem: string;
}

export function newKey(keyId = 'TESTKEY001', issuerId: string | null = ISSUER_ID): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { keyId, issuerId, privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function emulatorKey(k: TestKey): EmulatorKey {
  return { keyId: k.keyId, issuerId: k.issuerId, publicKey: k.publicPem };
}

export class TestClock {
  constructor(public t = Date.parse('2026-11-26T12:00:00Z')) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TokenOptions {
  nowMs: number;
  kid?: string;
  lifetimeS?: number;
  /** Seconds added to iat (negative: backdated). */
  iatOffsetS?: number;
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

/** A token as Apple documents it: ES256, kid, typ JWT, iss (team key) or sub "user", aud, iat, exp. */
export async function sign(key: TestKey, o: TokenOptions): Promise<string> {
  const iat = Math.floor(o.nowMs / 1000) + (o.iatOffsetS ?? 0);
  const base: Record<string, unknown> = key.issuerId === null ? { sub: 'user' } : { iss: key.issuerId };
  const claims = { ...base, aud: 'appstoreconnect-v1', iat, exp: iat + (o.lifetimeS ?? 1200), ...(o.claims ?? {}) };
  const header = { alg: 'ES256', kid: o.kid ?? key.keyId, typ: 'JWT', ...(o.header ?? {}) };
  return new SignJWT(claims).setProtectedHeader(header).sign(key.privateKey);
}

export interface Harness {
  emu: Emulator;
  clock: TestClock;
  key: TestKey;
  token(o?: Partial<TokenOptions>): Promise<string>;
  get(path: string, token?: string): Promise<Response>;
  send(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
}

export async function harness(opts: StartOptions = {}): Promise<Harness> {
  const clock = opts.clock instanceof TestClock ? opts.clock : new TestClock();
  const key = newKey();
  const emu = await startEmulator({ specPath: SPEC_PATH, clock, keys: [emulatorKey(key)], ...opts });
  const token = (o: Partial<TokenOptions> = {}): Promise<string> => sign(key, { nowMs: clock.now(), ...o });
  const send = async (method: string, path: string, body?: unknown, t?: string): Promise<Response> => {
    const headers: Record<string, string> = { Authorization: `Bearer ${t ?? (await token())}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(`${emu.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  return { emu, clock, key, token, get: (path, t) => send('GET', path, undefined, t), send };
}

/** The first Apple error of a response. */
export async function firstError(
  res: Response,
): Promise<{ status: string; code: string; title: string; detail: string; source?: unknown }> {
  const body = (await res.json()) as {
    errors: Array<{ status: string; code: string; title: string; detail: string; source?: unknown }>;
  };
  const [first] = body.errors;
  if (!first) throw new Error('no errors in body');
  return first;
}

export function betaGroupBody(appId: string, name: string, attributes: Record<string, unknown> = {}): unknown {
  return {
    data: {
      type: 'betaGroups',
      attributes: { name, ...attributes },
      relationships: { app: { data: { type: 'apps', id: appId } } },
    },
  };
}
