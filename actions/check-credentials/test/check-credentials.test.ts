import { makeApps, type Seed } from '@asc-actions/asc-emulator';
import { systemClock, type ConnectDeps } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { WallClock } from '../../../test-support/wall-clock.js';
import { run } from '../src/main.js';

let h: ActionHarness<ConnectDeps>;

/** The check compares the runner's clock with Apple's: the emulator keeps the system's time. */
const harness = (seed: Seed = { apps: makeApps(3) }, clock = new WallClock()): Promise<ActionHarness<ConnectDeps>> =>
  actionHarness<ConnectDeps>({ run, bundle: 'check-credentials', seed, clock });

beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

/** Inputs that replace the harness's key with `k`'s. */
const keyInputs = (k: TestKey, overrides: Record<string, string> = {}) => ({
  'issuer-id': k.issuerId,
  'key-id': k.keyId,
  'private-key': k.privatePem,
  ...overrides,
});

test('a team key: one authenticated read, outputs and summary', async () => {
  const result = await h.run();
  expect(result.exitCode).toBe(0);
  expect(h.emulator.transcript()).toEqual(['GET /v1/apps?limit=1&fields[apps]=name,bundleId']);
  const [request] = h.emulator.requests;
  expect(request?.authorized).toBe(true);
  expect(request?.tokenClaims).toMatchObject({ iss: h.key.issuerId, aud: 'appstoreconnect-v1' });
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
  expect(result.summary).toContain(h.key.keyId);
  // The token was masked before it was used, and the key before anything else was printed.
  const firstLine = result.stdout.split('\n')[0] ?? '';
  expect(firstLine.startsWith('::add-mask::')).toBe(true);
  expect(result.stdout.split('\n').filter((l) => l.startsWith('::add-mask::eyJ'))).toHaveLength(1);
});

test('an individual key (no issuer id) signs sub "user" and reports key-type individual', async () => {
  const individual = generateTestKey();
  h.emulator.registerKey({ keyId: individual.keyId, issuerId: null, publicKey: individual.publicPem });
  const result = await h.run(keyInputs(individual, { 'issuer-id': '' }), {
    secrets: keyEncodings(individual.privatePem),
  });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs['key-type']).toBe('individual');
  expect(h.emulator.requests[0]?.tokenClaims).toMatchObject({ sub: 'user', aud: 'appstoreconnect-v1' });
  expect(h.emulator.requests[0]?.tokenClaims).not.toHaveProperty('iss');
});

test('credentials fall back to ASC_* env vars, and a base64 key is accepted', async () => {
  const b64 = Buffer.from(h.key.privatePem).toString('base64');
  // The inputs left empty, as a workflow that does not set them leaves them.
  const result = await h.run(
    { 'issuer-id': '', 'key-id': '', 'private-key': '' },
    { env: { ASC_ISSUER_ID: h.key.issuerId, ASC_KEY_ID: h.key.keyId, ASC_PRIVATE_KEY: b64 } },
  );
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs['key-type']).toBe('team');
});

test('a key id Apple does not know: 401 with a hint a person can act on', async () => {
  const stranger = generateTestKey();
  const result = await h.run(keyInputs(stranger), { secrets: keyEncodings(stranger.privatePem) });
  expect(result.exitCode).toBe(1);
  // The client re-signed once after the first 401, then gave up.
  expect(h.emulator.requests.map((r) => r.status)).toEqual([401, 401]);
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
  h.emulator.faults.add({ path: '/v1/apps', kind: 'status', status: 403 });
  const result = await h.run();
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(/403/);
  expect(result.errors[0]).toMatch(/role/);
});

test('an empty key lists every input and env name looked at, mentions forks only on a fork PR, and makes no request', async () => {
  const result = await h.run({ 'private-key': '' }, { env: { HOME: '/nonexistent-home' } });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(
    /^No App Store Connect private key was found\. Looked at: input private-key, env ASC_PRIVATE_KEY, env APP_STORE_CONNECT_API_KEY_KEY, /,
  );
  expect(result.errors[0]).not.toMatch(/fork/i);
  expect(h.emulator.requests).toHaveLength(0);
});

test('plain http to a non-loopback host is refused before any request', async () => {
  const result = await h.run({ 'api-base-url': 'http://api.example.com' });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(/api-base-url/);
  expect(result.errors[0]).toMatch(/https/);
  expect(h.emulator.requests).toHaveLength(0);
});

test('the bundle runs as a child process the way the runner runs it', async () => {
  const result = await h.runBundle();
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.outputs['key-type']).toBe('team');
  expect(result.outputs['apps-visible']).toBe('3');
  expect(Number(result.outputs['clock-skew-seconds'])).toBeLessThanOrEqual(1);
  expect(result.summary).toContain('App Store Connect credentials: OK');
  expect(h.emulator.requests.map((r) => r.status)).toEqual([200]);
});

test('the bundle fails with one clear line for a garbled key, quoting none of it', async () => {
  const garbled = h.key.privatePem.slice(0, 120);
  const result = await h.runBundle({ 'private-key': garbled }, { secrets: [garbled.slice(30, 60)] });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(/private-key/);
  expect(h.emulator.requests).toHaveLength(0);
});

test('a runner clock far from the API clock is reported as skew with a warning', async () => {
  await h.close();
  // The API's clock runs 5 minutes ahead of the runner's: tokens still verify (iat is backdated
  // 60 s and lives 20 minutes) but the check says how far off the runner is.
  const ahead = new WallClock();
  ahead.advance(300_000);
  h = await harness({ apps: makeApps(1) }, ahead);
  const result = await h.run({}, { deps: { clock: systemClock } });
  expect(result.exitCode).toBe(0);
  const skew = Number(result.outputs['clock-skew-seconds']);
  expect(skew).toBeGreaterThanOrEqual(-301);
  expect(skew).toBeLessThanOrEqual(-299);
  expect(result.stdout).toMatch(/::warning::The runner's clock is -\d+ s off/);
  expect(result.summary).toMatch(/The runner&#39;s clock is -(299|300|301) s off/);
});
