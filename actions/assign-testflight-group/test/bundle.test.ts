import { startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';
import { APP_ID, PUBLIC_BETA, baseSeed } from './support.js';

let emu: Emulator;
afterEach(async () => {
  expect(emu.violations).toEqual([]);
  await emu.close();
});

test('the bundle runs as a child process the way the runner runs it', async () => {
  const key = generateTestKey();
  const uploaded = new Date(Date.now() - 60 * 60_000).toISOString();
  emu = await startEmulator({ seed: baseSeed({ builds: [{ app: APP_ID, version: '1.4', buildNumber: '42', uploadedDate: uploaded, usesNonExemptEncryption: false }] }) });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const result = await runBundle('assign-testflight-group', {
    inputs: {
      'issuer-id': key.issuerId,
      'key-id': key.keyId,
      'private-key': key.privatePem,
      'api-base-url': emu.baseUrl,
      app: 'com.example.demo',
      'build-number': '42',
      groups: 'Public Beta',
      testers: 'grace@example.com,Grace,Hopper',
      'test-notes': 'Try the new sync.',
    },
    secrets: keyEncodings(key.privatePem),
  });
  expect(result.stderr).toBe('');
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs).toMatchObject({ 'processing-state': 'VALID', 'testers-added': '1', 'beta-review-state': 'WAITING_FOR_REVIEW' });
  expect(JSON.parse(result.outputs.groups!)).toEqual({ 'Public Beta': { id: PUBLIC_BETA, added: true, internal: false, created: false } });
  expect(result.summary).toContain('TestFlight: Demo Notes 1.4 (42)');
});
