/**
 * Issue #13's points 3, 4 and 7 through the bundle (dist/assign-testflight-group/index.js as a
 * child process, INPUT_* and the runner's files, the emulator on loopback keeping the wall
 * clock's time): a typo'd build number fails after the listing grace period instead of holding
 * the runner; the READMEs' examples run green as written; after the export compliance answer the
 * action waits on the build's beta state before submitting for beta review.
 */
import type { Seed, TestFlightSeed } from '@asc-actions/asc-emulator';
import type { ConnectDeps } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';
import { WallClock } from '../../../test-support/wall-clock.js';
import { run } from '../src/main.js';
import { readmeSteps } from './readme-steps.js';
import { APP_ID, MIN, PUBLIC_BETA, baseSeed } from './fixtures.js';

let h: ActionHarness<ConnectDeps>;
let started = false;
afterEach(async () => {
  if (!started) return;
  started = false;
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

async function harness(seed: Seed & TestFlightSeed): Promise<void> {
  h = await actionHarness<ConnectDeps>({
    run,
    bundle: 'assign-testflight-group',
    seed,
    clock: new WallClock(),
    emulator: { rateLimit: { limit: 3600 } },
  });
  started = true;
}

const ago = (minutes: number): string => new Date(Date.now() - minutes * MIN).toISOString();
const processed = (buildNumber: string, minutesAgo: number, extra = {}) => ({
  app: APP_ID,
  version: '1.4',
  buildNumber,
  uploadedDate: ago(minutesAgo),
  usesNonExemptEncryption: false,
  ...extra,
});

test("3: a typo'd build number fails after listing-grace-period (2 s) with the newer builds, not after processing-timeout (60 min)", async () => {
  await harness(baseSeed({ builds: [processed('42', 60), processed('43', 30)] }));
  const started = Date.now();
  const result = await h.runBundle({
    app: APP_ID,
    'build-number': '41',
    groups: 'Public Beta',
    'test-notes': 'Try it.',
    'listing-grace-period': '2s',
  });
  const took = Date.now() - started;
  expect(result.exitCode).toBe(1);
  expect(result.errors).toEqual([
    expect.stringMatching(
      /build 41 \(IOS\) is not listed after 2 s \(listing-grace-period\), while newer builds are: 1\.4 \(43\), 1\.4 \(42\)/,
    ),
  ]);
  // The look before the grace period ran out logged what is listed.
  expect(result.stdout).toMatch(/build 41 \(IOS\) is not listed yet; newest listed: 1\.4 \(43\), 1\.4 \(42\)/);
  // The next look is due when the grace period ends, not a 15 s poll interval later (nor at the 60-minute processing-timeout).
  expect(took).toBeLessThan(12_000);
  expect(h.writes()).toEqual([]);
}, 60_000);

test('3: with no newer build listed the grace period does not apply: the wait runs to processing-timeout', async () => {
  await harness(baseSeed({ builds: [processed('42', 60)] }));
  const result = await h.runBundle({
    app: APP_ID,
    'build-number': '44',
    groups: 'Public Beta',
    'test-notes': 'Try it.',
    'listing-grace-period': '1s',
    'processing-timeout': '4s',
  });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toEqual([
    expect.stringMatching(/build 44 \(IOS\) was not listed in App Store Connect within 4 s \(processing-timeout\)/),
  ]);
  expect(result.errors[0]).not.toContain('listing-grace-period');
  expect(h.writes()).toEqual([]);
}, 60_000);

test('7: export compliance answered, the bundle waits on the beta state (MISSING_EXPORT_COMPLIANCE, then ready) before submitting', async () => {
  // Processed an hour ago, export compliance unanswered; Apple takes 1.5 s to take the answer in.
  await harness(
    baseSeed({
      builds: [{ app: APP_ID, version: '1.4', buildNumber: '42', uploadedDate: ago(60), complianceReprocessMs: 1_500 }],
    }),
  );
  const result = await h.runBundle({
    app: APP_ID,
    'build-number': '42',
    groups: 'Public Beta',
    'test-notes': 'Try it.',
    'uses-non-exempt-encryption': 'false',
  });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  const build = h.emulator.state.all('builds')[0]!;
  const writes = h.writes();
  expect(writes).toEqual([
    `PATCH /v1/builds/${build.id}`,
    expect.stringMatching(/^PATCH \/v1\/betaBuildLocalizations\//),
    `POST /v1/builds/${build.id}/relationships/betaGroups`,
    'POST /v1/betaAppReviewSubmissions',
  ]);
  const transcript = h.transcript();
  const between = transcript.slice(transcript.indexOf(writes[0]!) + 1, transcript.indexOf(writes[1]!));
  expect(between.filter((l) => l.endsWith('/buildBetaDetail')).length).toBeGreaterThanOrEqual(2);
  expect(result.stdout).toMatch(/is MISSING_EXPORT_COMPLIANCE after the export compliance answer/);
  // Submitted once, never refused for missing compliance.
  expect(
    h.emulator.requests
      .filter((r) => r.path === '/v1/betaAppReviewSubmissions' && r.method === 'POST')
      .map((r) => r.status),
  ).toEqual([201]);
  expect(h.emulator.state.get('buildBetaDetails', build.id)?.attributes.externalBuildState).toBe(
    'WAITING_FOR_BETA_REVIEW',
  );
  expect(build.attributes.usesNonExemptEncryption).toBe(false);
  expect(result.outputs['beta-review-state']).toBe('WAITING_FOR_REVIEW');
  expect(result.summary).toContain('READY_FOR_BETA_SUBMISSION after the answer');
}, 60_000);

test('4: the READMEs have assign-testflight-group examples', () => {
  const steps = readmeSteps({});
  expect(steps.map((s) => s.where)).toEqual(
    expect.arrayContaining(['README.md example 1', 'actions/assign-testflight-group/README.md example 1']),
  );
});

test.each(readmeSteps({}).map((s) => [s.where]))(
  '4: %s runs green through the bundle as written (key from the env as the docs give it), and a rerun writes nothing',
  async (where) => {
    const seed = baseSeed({ builds: [processed('42', 60)] });
    await harness({
      ...seed,
      apps: [{ id: APP_ID, name: 'Notes', bundleId: 'com.example.notes', primaryLocale: 'en-US' }],
    });
    const secrets = { ASC_ISSUER_ID: h.key.issuerId, ASC_KEY_ID: h.key.keyId, ASC_PRIVATE_KEY: h.key.privatePem };
    const step = readmeSteps(secrets).find((s) => s.where === where)!;
    for (const value of [...Object.values(step.with), ...Object.values(step.env)]) expect(value).not.toMatch(/\$\{\{/);
    const once = () =>
      runBundle('assign-testflight-group', {
        // As written, plus where App Store Connect is: the emulator.
        inputs: { ...step.with, 'api-base-url': h.emulator.baseUrl },
        env: { ...step.env, GITHUB_WORKSPACE: h.workspace },
        secrets: keyEncodings(h.key.privatePem),
      });
    const result = await once();
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/ASC_PRIVATE_KEY/); // the log names the key's source (never its value)
    const build = h.emulator.state.all('builds')[0]!;
    expect(h.emulator.state.relatedIds(build, 'betaGroups')).toContain(PUBLIC_BETA);
    expect(result.outputs['beta-review-state']).toBe('WAITING_FOR_REVIEW');
    const writes = h.writes();
    expect(writes.length).toBeGreaterThan(0);
    const again = await once();
    expect(again.errors).toEqual([]);
    expect(h.writes()).toEqual(writes);
  },
  60_000,
);
