/**
 * runAction's failure summary lists the writes App Store Connect accepted before the failure
 * (method and path, no bodies, no hosts of upload URLs), then the error and the fix.
 */
import { makeApps, startEmulator } from '@asc-actions/asc-emulator';
import { connect } from '../../src/action/connect.js';
import { readCommonInputs } from '../../src/action/common-inputs.js';
import { runAction } from '../../src/action/run-action.js';
import { createBetaGroup } from '../../src/api/beta-groups.js';
import { InvalidRequestError } from '../../src/errors.js';
import { generateTestKey } from '../../../../test-support/keys.js';
import { asRunner } from '../../../../test-support/runner.js';

test('writes accepted before the failure are listed as done; the error and fix follow', async () => {
  const key = generateTestKey();
  const emulator = await startEmulator({ seed: { apps: makeApps(1) } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  try {
    const appId = emulator.state.all('apps')[0]!.id;
    const inputs = {
      'key-id': key.keyId,
      'issuer-id': key.issuerId,
      'private-key': key.privatePem,
      'api-base-url': emulator.baseUrl,
    };
    const result = await asRunner(inputs, {}, () =>
      runAction('assign-testflight-group', async () => {
        const { client } = connect(readCommonInputs());
        await createBetaGroup(client, appId, { name: 'Nightly' });
        await createBetaGroup(client, appId, { name: 'Weekly' });
        throw new InvalidRequestError(
          422,
          [{ status: '422', code: 'ENTITY_ERROR', title: 'An attribute value is invalid', detail: 'too long' }],
          { method: 'POST', url: `${emulator.baseUrl}/v1/betaTesters` },
        );
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.summary).toContain('<h3>assign-testflight-group failed</h3>');
    expect(result.summary).toContain(
      '<p><strong>Done:</strong> 2 change(s) were accepted before the failure:</p><ul><li><code>POST /v1/betaGroups</code></li><li><code>POST /v1/betaGroups</code></li></ul>',
    );
    expect(result.summary).toContain(
      '<strong>Error:</strong> POST /v1/betaTesters answered 422: An attribute value is invalid: too long',
    );
    // A second run starts a fresh journal.
    const again = await asRunner(inputs, {}, () =>
      runAction('x', async () =>
        Promise.reject(new InvalidRequestError(400, [], { method: 'GET', url: `${emulator.baseUrl}/v1/apps` })),
      ),
    );
    expect(again.summary).toContain('nothing was changed in App Store Connect');
  } finally {
    await emulator.close();
  }
});
