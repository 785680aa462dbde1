/**
 * The first minutes of a new user, through the bundles (dist/<name>/index.js as child processes
 * against the emulator): other tools' credential names (point 1), what a 401 says (point 2), the
 * job summary on failure and on runners without a summary file (point 3), choices and did-you-mean
 * (point 8), and masking each secret once (point 9).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeApps, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { keyMaterialVariants } from '@asc-actions/core';
import { generateTestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { maskedValues, runBundle } from '../../test-support/runner.js';

const key = generateTestKey();
let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'first-minutes-'));
  emulator = await startEmulator({ seed: { apps: makeApps(2) } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  emulator.requests.length = 0;
  emulator.faults.clear();
});

const secrets = keyEncodings(key.privatePem);
const base = () => ({ 'api-base-url': emulator.baseUrl });
const lines = (stdout: string) => stdout.split('\n').filter((l) => l !== '');

describe("point 1: credentials under fastlane's and the asc CLI's names", () => {
  test('fastlane: APP_STORE_CONNECT_API_KEY_KEY_ID, _ISSUER_ID and _KEY_FILEPATH; the log names the sources, not the values', async () => {
    const file = join(dir, 'fastlane-key');
    writeFileSync(file, key.privatePem, { mode: 0o600 });
    const result = await runBundle('check-credentials', {
      inputs: base(),
      env: {
        APP_STORE_CONNECT_API_KEY_KEY_ID: key.keyId,
        APP_STORE_CONNECT_API_KEY_ISSUER_ID: key.issuerId,
        APP_STORE_CONNECT_API_KEY_KEY_FILEPATH: file,
      },
      secrets,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['key-type']).toBe('team');
    expect(result.stdout).toContain(
      `Credentials: key-id ${key.keyId} from env APP_STORE_CONNECT_API_KEY_KEY_ID; issuer-id from env APP_STORE_CONNECT_API_KEY_ISSUER_ID; private key from env APP_STORE_CONNECT_API_KEY_KEY_FILEPATH (the file ${file}).`,
    );
  });

  test('fastlane: _KEY as base64 with _IS_KEY_CONTENT_BASE64; asc CLI: ASC_PRIVATE_KEY_B64', async () => {
    const b64 = Buffer.from(key.privatePem).toString('base64');
    const fastlane = await runBundle('check-credentials', {
      inputs: base(),
      env: {
        APP_STORE_CONNECT_API_KEY_KEY_ID: key.keyId,
        APP_STORE_CONNECT_API_KEY_ISSUER_ID: key.issuerId,
        APP_STORE_CONNECT_API_KEY_KEY: b64,
        APP_STORE_CONNECT_API_KEY_IS_KEY_CONTENT_BASE64: 'true',
      },
      secrets,
    });
    expect(fastlane.exitCode).toBe(0);
    expect(fastlane.stdout).toContain('private key from env APP_STORE_CONNECT_API_KEY_KEY.');
    const asc = await runBundle('check-credentials', {
      inputs: base(),
      env: { ASC_KEY_ID: key.keyId, ASC_ISSUER_ID: key.issuerId, ASC_PRIVATE_KEY_B64: b64 },
      secrets,
    });
    expect(asc.exitCode).toBe(0);
    expect(asc.stdout).toContain(
      `Credentials: key-id ${key.keyId} from env ASC_KEY_ID; issuer-id from env ASC_ISSUER_ID; private key from env ASC_PRIVATE_KEY_B64.`,
    );
  });

  test('no key: every input and env name looked at; forks only on a pull request from a fork', async () => {
    const env = { ASC_KEY_ID: key.keyId, HOME: join(dir, 'no-home') };
    const plain = await runBundle('check-credentials', { inputs: base(), env, secrets });
    expect(plain.exitCode).toBe(1);
    expect(plain.errors).toEqual([
      expect.stringMatching(
        /^No App Store Connect private key was found\. Looked at: input private-key, env ASC_PRIVATE_KEY, env APP_STORE_CONNECT_API_KEY_KEY, env APP_STORE_CONNECT_API_KEY_KEY_FILEPATH, env ASC_PRIVATE_KEY_PATH, env ASC_PRIVATE_KEY_B64, and AuthKey_\w{10}\.p8 in .*\.appstoreconnect\/private_keys\.$/,
      ),
    ]);
    const event = join(dir, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          head: { repo: { fork: true, full_name: 'someone/asc-actions' } },
          base: { repo: { full_name: 'example-org/asc-actions' } },
        },
      }),
    );
    const fork = await runBundle('check-credentials', {
      inputs: base(),
      env: { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event },
      secrets,
    });
    expect(fork.errors[0]).toMatch(
      / This run is a pull request from a fork, and GitHub does not pass secrets to those: skip the step there/,
    );
    expect(emulator.requests).toEqual([]);
  });
});

test('point 2: a 401 names the key id, team key, iat/exp against both clocks, and the causes in order', async () => {
  const stranger = generateTestKey();
  const result = await runBundle('check-credentials', {
    inputs: { ...base(), 'key-id': stranger.keyId, 'issuer-id': stranger.issuerId, 'private-key': stranger.privatePem },
    secrets: keyEncodings(stranger.privatePem),
  });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  const [message] = result.errors;
  expect(message).toContain(`Hint: sent team key ${stranger.keyId} (issuer-id set), token iat `);
  expect(message).toMatch(
    / \(1200 s\), runner's clock \S+Z, Apple's clock \S+Z\. Likely causes, most likely first: \(1\) key-id and issuer-id do not belong together, or the key was revoked .* \(2\) issuer-id set for an individual key, or the issuer id of another team; \(3\) the runner's clock is wrong by minutes .* \(4\) the Apple Developer Program License Agreement was updated/,
  );
  expect(message).toMatch(/See docs\/troubleshooting\.md#401-or-403-from-app-store-connect\.$/);
});

describe('point 3: the job summary on failure', () => {
  test('a failed step writes what was done, what was not, the error and the fix', async () => {
    emulator.faults.add({ path: '/v1/apps', kind: 'status', status: 403 });
    const result = await runBundle('check-credentials', {
      inputs: { ...base(), 'key-id': key.keyId, 'issuer-id': key.issuerId, 'private-key': key.privatePem },
      secrets,
    });
    expect(result.exitCode).toBe(1);
    expect(result.summary).toContain('<h3>check-credentials failed</h3>');
    expect(result.summary).toContain('<p><strong>Done:</strong> nothing was changed in App Store Connect.</p>');
    expect(result.summary).toContain('<strong>Not done:</strong> everything after the failure');
    expect(result.summary).toMatch(
      /<strong>Error:<\/strong> GET \/v1\/apps\?limit=1&amp;fields\[apps\]=name,bundleId answered 403/,
    );
    expect(result.summary).toMatch(/<strong>Fix:<\/strong> the key&#39;s role lacks access/);
  });

  test('a runner without GITHUB_STEP_SUMMARY gets one warning, not a failure and not "this is a bug"', async () => {
    const ok = await runBundle('check-credentials', {
      inputs: { ...base(), 'key-id': key.keyId, 'issuer-id': key.issuerId, 'private-key': key.privatePem },
      env: { GITHUB_STEP_SUMMARY: undefined },
      secrets,
    });
    expect(ok.exitCode).toBe(0);
    expect(ok.errors).toEqual([]);
    expect(lines(ok.stdout).filter((l) => l.startsWith('::warning::'))).toEqual([
      "::warning::This runner gives the step no job summary file (GITHUB_STEP_SUMMARY is not set, as on some self-hosted runners and GitHub's local-action): the summary is skipped; outputs and the log are complete.",
    ]);
    expect(ok.stdout).not.toContain('this is a bug');
  });
});

describe('point 8: choices list every value with the default, near misses get "did you mean"', () => {
  test('submit-for-beta-review: atuo', async () => {
    const result = await runBundle('assign-testflight-group', {
      inputs: {
        ...base(),
        'key-id': key.keyId,
        'issuer-id': key.issuerId,
        'private-key': key.privatePem,
        app: '1600000001',
        groups: 'Beta',
        'submit-for-beta-review': 'atuo',
      },
      secrets,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      'Input "submit-for-beta-review" must be one of true, false, auto (default) (also accepted for true/false: yes/no, 1/0, on/off); got "atuo". Did you mean auto?',
    ]);
    expect(emulator.requests).toEqual([]);
  });

  test('rules: every problem in one run, did-you-mean for keys and placeholders, YAML errors with line and column', async () => {
    const rules = [
      '- ratng: 5',
      '  reply: "Thanks {nickame}!"',
      '- rating: 1',
      '  reply: "Sorry"',
      '  skipp: true',
    ].join('\n');
    const result = await runBundle('respond-to-reviews', {
      inputs: {
        ...base(),
        'key-id': key.keyId,
        'issuer-id': key.issuerId,
        'private-key': key.privatePem,
        app: '1600000001',
        rules,
      },
      secrets,
    });
    expect(result.exitCode).toBe(1);
    const known =
      '(known: name, rating, territories, words, regex, search-in, min-age-days, max-age-days, reply, skip)';
    expect(result.errors).toHaveLength(3);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        `Input "rules", line 1: rule 1 has an unknown key "ratng" ${known}. Did you mean rating? 2 more problems in the rules, each annotated above.`,
        'Input "rules", line 2: rule 1: unknown placeholder "{nickame}" (known: {nickname}, {rating}, {title}, {territory}, {app_name}). Did you mean {nickname}?',
        `Input "rules", line 5: rule 2 has an unknown key "skipp" ${known}. Did you mean skip?`,
      ]),
    );
    const tab = await runBundle('respond-to-reviews', {
      inputs: {
        ...base(),
        'key-id': key.keyId,
        'issuer-id': key.issuerId,
        'private-key': key.privatePem,
        app: '1600000001',
        rules: '- rating: 5\n\treply: "Hi"',
      },
      secrets,
    });
    expect(tab.errors).toEqual([
      'Input "rules", line 2, column 1: a tab in the indentation; YAML indents with spaces only.',
    ]);
    expect(emulator.requests).toEqual([]);
  });
});

test('point 9: each distinct secret string is masked once, every encoding of the key still masked', async () => {
  const result = await runBundle('check-credentials', {
    inputs: { ...base(), 'key-id': key.keyId, 'issuer-id': key.issuerId, 'private-key': key.privatePem },
    secrets,
  });
  expect(result.exitCode).toBe(0);
  const masked = maskedValues(lines(result.stdout));
  expect(new Set(masked).size).toBe(masked.length);
  for (const variant of keyMaterialVariants(key.privatePem)) expect(masked).toContain(variant);
  for (const line of key.privatePem
    .trim()
    .split('\n')
    .filter((l) => l.length >= 16 && !l.startsWith('-----')))
    expect(masked).toContain(line);
});
