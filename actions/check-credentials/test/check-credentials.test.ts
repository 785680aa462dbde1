import { startEmulator, makeApps, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle, runInProcess, type RunOptions } from '../../../test-support/runner.js';
import { run } from '../src/main.js';

let emulator: Emulator;
let key: TestKey;

beforeEach(async () => {
  key = generateTestKey();
  emulator = await startEmulator({ seed: { apps: makeApps(3) } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
});
afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  await emulator.close();
});

const credentials = (k: TestKey = key, overrides: Record<string, string> = {}) => ({
  'issuer-id': k.issuerId,
  'key-id': k.keyId,
  'private-key': k.privatePem,
  'api-base-url': emulator.baseUrl,
  ...overrides,
});
const options = (inputs: Record<string, string>, extra: Partial<RunOptions> = {}): RunOptions => ({
  inputs,
  secrets: keyEncodings(key.privatePem),
  ...extra,
});

test('a team key: one authenticated read, outputs and summary', async () => {
  const result = await runInProcess(() => run(), options(credentials()));
  expect(result.exitCode).toBe(0);
  expect(emulator.transcript()).toEqual(['GET /v1/apps?limit=1&fields[apps]=name,bundleId']);
  const [request] = emulator.requests;
  expect(request?.authorized).toBe(true);
  expect(request?.tokenClaims).toMatchObject({ iss: key.issuerId, aud: 'appstoreconnect-v1' });
  expect(result.outputs).toMatchObject({
    'key-type': 'team',
    'rate-limit-limit': '3600',
    'rate-limit-remaining': '3599',
    'apps-visible': '3',
  });
  expect(JSON.parse(result.outputs.result!)).toMatchObject({
    keyType: 'team',
    appsVisible: 3,
    rateLimit: { limit: 3600, remaining: 3599 },
  });
  expect(result.summary).toContain('App Store Connect credentials: OK');
  expect(result.summary).toContain(key.keyId);
  // The token was masked before it was used, and the key before anything else was printed.
  const firstLine = result.stdout.split('\n')[0] ?? '';
  expect(firstLine.startsWith('::add-mask::')).toBe(true);
  expect(result.stdout.split('\n').filter((l) => l.startsWith('::add-mask::eyJ'))).toHaveLength(1);
});

test('an individual key (no issuer id) signs sub "user" and reports key-type individual', async () => {
  const individual = generateTestKey();
  emulator.registerKey({ keyId: individual.keyId, issuerId: null, publicKey: individual.publicPem });
  const result = await runInProcess(() => run(), {
    inputs: credentials(individual, { 'issuer-id': '' }),
    secrets: keyEncodings(individual.privatePem),
  });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs['key-type']).toBe('individual');
  expect(emulator.requests[0]?.tokenClaims).toMatchObject({ sub: 'user', aud: 'appstoreconnect-v1' });
  expect(emulator.requests[0]?.tokenClaims).not.toHaveProperty('iss');
});

test('credentials fall back to ASC_* env vars, and a base64 key is accepted', async () => {
  const b64 = Buffer.from(key.privatePem).toString('base64');
  const result = await runInProcess(
    () => run(),
    options(
      { 'api-base-url': emulator.baseUrl },
      { env: { ASC_ISSUER_ID: key.issuerId, ASC_KEY_ID: key.keyId, ASC_PRIVATE_KEY: b64 } },
    ),
  );
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs['key-type']).toBe('team');
});

test('a key id Apple does not know: 401 with a hint a person can act on', async () => {
  const stranger = generateTestKey();
  const result = await runInProcess(() => run(), {
    inputs: credentials(stranger),
    secrets: keyEncodings(stranger.privatePem),
  });
  expect(result.exitCode).toBe(1);
  // The client re-signed once after the first 401, then gave up.
  expect(emulator.requests.map((r) => r.status)).toEqual([401, 401]);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(/401/);
  expect(result.errors[0]).toMatch(/key-id/);
  expect(result.errors[0]).toMatch(/issuer-id/);
  expect(result.errors[0]).toMatch(/clock/);
  // What was sent, against the runner's and Apple's clocks, and the causes in order.
  expect(result.errors[0]).toContain(`sent team key ${stranger.keyId} (issuer-id set), token iat `);
  expect(result.errors[0]).toMatch(
    /exp \d{4}-\d\d-\d\dT[\d:]+Z \(1200 s\), runner's clock [\dT:Z-]+, Apple's clock [\dT:Z-]+\. Likely causes, most likely first: \(1\) key-id and issuer-id do not belong together/,
  );
  expect(result.errors[0]).toMatch(/\(4\) the Apple Developer Program License Agreement was updated/);
  expect(result.summary).toContain('<h3>check-credentials failed</h3>');
  expect(result.outputs).toEqual({});
});

test('a 403 says which role the action needs', async () => {
  emulator.faults.add({ path: '/v1/apps', kind: 'status', status: 403 });
  const result = await runInProcess(() => run(), options(credentials()));
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(/403/);
  expect(result.errors[0]).toMatch(/role/);
});

test('an empty key lists every input and env name looked at, mentions forks only on a fork PR, and makes no request', async () => {
  const result = await runInProcess(
    () => run(),
    options(credentials(key, { 'private-key': '' }), { env: { HOME: '/nonexistent-home' } }),
  );
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(
    /^No App Store Connect private key was found\. Looked at: input private-key, env ASC_PRIVATE_KEY, env APP_STORE_CONNECT_API_KEY_KEY, /,
  );
  expect(result.errors[0]).not.toMatch(/fork/i);
  expect(emulator.requests).toHaveLength(0);
});

test('plain http to a non-loopback host is refused before any request', async () => {
  const result = await runInProcess(
    () => run(),
    options(credentials(key, { 'api-base-url': 'http://api.example.com' })),
  );
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(/api-base-url/);
  expect(result.errors[0]).toMatch(/https/);
  expect(emulator.requests).toHaveLength(0);
});

test('the bundle runs as a child process the way the runner runs it', async () => {
  const result = await runBundle('check-credentials', options(credentials()));
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.outputs['key-type']).toBe('team');
  expect(result.outputs['apps-visible']).toBe('3');
  expect(Number(result.outputs['clock-skew-seconds'])).toBeLessThanOrEqual(1);
  expect(result.summary).toContain('App Store Connect credentials: OK');
  expect(emulator.requests.map((r) => r.status)).toEqual([200]);
});

test('the bundle fails with one clear line for a garbled key, quoting none of it', async () => {
  const garbled = key.privatePem.slice(0, 120);
  const result = await runBundle(
    'check-credentials',
    options(credentials(key, { 'private-key': garbled }), {
      secrets: [...keyEncodings(key.privatePem), garbled.slice(30, 60)],
    }),
  );
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(/private-key/);
  expect(emulator.requests).toHaveLength(0);
});

test('a runner clock far from the API clock is reported as skew with a warning', async () => {
  await emulator.close();
  // The API's clock runs 5 minutes ahead of the runner's: tokens still verify (iat is backdated
  // 60 s and lives 20 minutes) but the check says how far off the runner is.
  emulator = await startEmulator({ seed: { apps: makeApps(1) }, clock: { now: () => Date.now() + 300_000 } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const result = await runInProcess(() => run(), options(credentials()));
  expect(result.exitCode).toBe(0);
  const skew = Number(result.outputs['clock-skew-seconds']);
  expect(skew).toBeGreaterThanOrEqual(-301);
  expect(skew).toBeLessThanOrEqual(-299);
  expect(result.stdout).toMatch(/::warning::The runner's clock is -\d+ s off/);
  expect(result.summary).toMatch(/The runner&#39;s clock is -(299|300|301) s off/);
});
