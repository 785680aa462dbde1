import { startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';
import { APP_ID, seed } from './support.js';

let emu: Emulator;
afterEach(async () => {
  expect(emu.violations).toEqual([]);
  await emu.close();
});

test('the bundle, as the runner runs it: a dry run (plan, no writes) before the environment, then the submission', async () => {
  const key = generateTestKey();
  emu = await startEmulator({ seed: seed({ now: Date.now() }) });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const inputs = {
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emu.baseUrl,
    app: APP_ID,
    version: '2.1.0',
    'build-number': '100',
    'release-type': 'scheduled',
    'release-date': new Date(Date.now() + 7 * 86_400_000).toISOString(),
    'phased-release': 'true',
  };
  const dry = await runBundle('submit-for-review', {
    inputs: { ...inputs, 'dry-run': 'true' },
    secrets: keyEncodings(key.privatePem),
  });
  expect(dry.stderr).toBe('');
  expect(dry.exitCode).toBe(0);
  expect(emu.transcript().filter((l) => !l.startsWith('GET '))).toEqual([]);
  expect(dry.stdout).toContain('Plan (dry run, nothing is sent): attach build 100');
  expect(dry.summary).toContain('Plan (nothing sent)');
  expect(dry.outputs.state).toBe('PREPARE_FOR_SUBMISSION');

  const real = await runBundle('submit-for-review', { inputs, secrets: keyEncodings(key.privatePem) });
  expect(real.errors).toEqual([]);
  expect(real.exitCode).toBe(0);
  expect(real.outputs).toMatchObject({
    state: 'WAITING_FOR_REVIEW',
    'version-id': dry.outputs['version-id'],
    'build-id': dry.outputs['build-id'],
  });
  expect(real.outputs['submission-id']).toMatch(/\w/);
  const version = emu.state.get('appStoreVersions', real.outputs['version-id']!)!;
  expect(version.attributes).toMatchObject({ releaseType: 'SCHEDULED', appVersionState: 'WAITING_FOR_REVIEW' });
  expect(
    emu.state.get('appStoreVersionPhasedReleases', emu.state.relatedId(version, 'appStoreVersionPhasedRelease')!)!
      .attributes.phasedReleaseState,
  ).toBe('INACTIVE');
});
