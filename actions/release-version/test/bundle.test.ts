import { reviewControl, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';
import { APP_ID } from './support.js';
import { reviewReadySeed } from '@asc-actions/asc-emulator';

let emu: Emulator;
afterEach(async () => {
  expect(emu.violations).toEqual([]);
  await emu.close();
});

test('the bundles end to end: submit-for-review (manual, phased), App Review approves, release-version releases, then pauses', async () => {
  const key = generateTestKey();
  emu = await startEmulator({ seed: reviewReadySeed({ now: Date.now() }) });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const common = {
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emu.baseUrl,
    app: APP_ID,
  };
  const secrets = keyEncodings(key.privatePem);
  const submitted = await runBundle('submit-for-review', {
    inputs: { ...common, 'build-number': '100', 'release-type': 'manual', 'phased-release': 'true' },
    secrets,
  });
  expect(submitted.errors).toEqual([]);
  const versionId = submitted.outputs['version-id']!;
  reviewControl(emu.state).advance(versionId);
  reviewControl(emu.state).advance(versionId);
  const released = await runBundle('release-version', { inputs: { ...common, step: 'release' }, secrets });
  expect(released.stderr).toBe('');
  expect(released.errors).toEqual([]);
  expect(released.outputs).toMatchObject({
    'version-id': versionId,
    state: 'READY_FOR_DISTRIBUTION',
    'phased-release-state': 'ACTIVE',
    result: 'released',
  });
  const paused = await runBundle('release-version', { inputs: { ...common, step: 'pause' }, secrets });
  expect(paused.outputs).toMatchObject({ 'phased-release-state': 'PAUSED', result: 'paused' });
});
