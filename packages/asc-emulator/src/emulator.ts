/** startEmulator: wires the store, keys, rate limiter, faults, contract and HTTP server. */
import { existsSync } from 'node:fs';
import type { Emulator, EmulatorKey, StartOptions, TranscriptEntry } from './types.js';
import { EmulatorState } from './store/state.js';
import { KeyRegistry } from './auth/verify-token.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { Faults } from './faults/faults.js';
import { loadSpecContract, type SpecContract } from './contract/spec-contract.js';
import { Router } from './routing/router.js';
import { allRawRoutes, allRoutes, applySeed, typeRegistry } from './resources/index.js';
import { demoSeed } from './seed/demo.js';
import { listen, type Listening } from './server/http-server.js';
import type { PipelineDeps } from './server/pipeline.js';
import { decodeQueryForDisplay } from './jsonapi/query.js';
import { buildUploadControl } from './resources/testflight/build-upload/control.js';

const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.stderr.write(`asc-emulator: ${message}\n`);
}

/** The contract to enforce, or null (no spec: no validation, said once on stderr). */
export async function resolveContract(specPath: string | null | undefined): Promise<SpecContract | null> {
  const path = specPath === undefined ? process.env.ASC_OPENAPI_SPEC : specPath;
  if (specPath === undefined && !path) {
    warnOnce("ASC_OPENAPI_SPEC is not set: requests and responses are not checked against Apple's OpenAPI spec.");
    return null;
  }
  if (!path) return null;
  if (!existsSync(path)) {
    warnOnce(`spec file ${path} does not exist: requests and responses are not checked against Apple's OpenAPI spec.`);
    return null;
  }
  return loadSpecContract(path);
}

export function transcriptLine(e: TranscriptEntry): string {
  const q = decodeQueryForDisplay(e.query);
  return `${e.method} ${e.path}${q ? `?${q}` : ''}`;
}

function buildDeps(opts: StartOptions, contract: SpecContract | null): PipelineDeps {
  const clock = opts.clock ?? { now: () => Date.now() };
  const now = (): number => clock.now();
  const state = new EmulatorState();
  const seed = opts.seed ?? demoSeed(now());
  applySeed(state, seed);
  const keys = new KeyRegistry();
  for (const k of [...(seed.keys ?? []), ...(opts.keys ?? [])]) keys.register(k);
  const limiter = new RateLimiter(opts.rateLimit?.limit ?? 3600, opts.rateLimit?.remaining, now);
  const router = new Router(allRoutes());
  return {
    state,
    keys,
    limiter,
    faults: new Faults(),
    contract,
    router,
    types: typeRegistry(),
    now,
    violations: [],
    requests: [],
    rawRoutes: allRawRoutes(),
  };
}

export async function startEmulator(opts: StartOptions = {}): Promise<Emulator> {
  const contract = await resolveContract(opts.specPath);
  contract?.acquire(); // at once: an idle worker must not be stopped while this emulator starts
  let deps: PipelineDeps;
  let server: Listening;
  let parts: Listening;
  let origin = '';
  try {
    deps = buildDeps(opts, contract);
    server = await listen(deps, opts.host ?? '127.0.0.1', opts.port ?? 0, () => origin);
    // Build upload parts go to an origin of their own, as Apple's go to a blob store.
    parts = await listen(deps, opts.host ?? '127.0.0.1', 0, () => origin);
    buildUploadControl(deps.state).partsOrigin = parts.baseUrl;
  } catch (e) {
    contract?.release();
    throw e;
  }
  origin = server.baseUrl;
  const { state, requests, faults, violations, keys, limiter } = deps;
  let closing: Promise<void> | undefined;
  return {
    baseUrl: server.baseUrl,
    state,
    requests,
    transcript: () => requests.map(transcriptLine),
    faults,
    violations,
    registerKey: (key: EmulatorKey) => keys.register(key),
    setRateLimit: (r) => limiter.set(r.limit, r.remaining),
    close: () => {
      closing ??= Promise.all([server.close(), parts.close()])
        .then(() => undefined)
        .finally(() => contract?.release());
      return closing;
    },
  };
}
