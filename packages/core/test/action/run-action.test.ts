import * as core from '@actions/core';
import { decodeJwt } from 'jose';
import {
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  InputError,
  NetworkError,
  RateLimitError,
  type AppleErrorItem,
} from '../../src/errors.js';
import { readCommonInputs } from '../../src/action/common-inputs.js';
import { maskToken } from '../../src/action/mask.js';
import { failureMessage, runAction } from '../../src/action/run-action.js';
import { actionsLogger } from '../../src/action/logger.js';
import { TokenSource } from '../../src/auth/token.js';
import { VirtualClock } from '../../src/clock.js';
import { generateTestKey } from '../../../../test-support/keys.js';
import { assertNoLeaks, keyEncodings } from '../../../../test-support/leaks.js';
import { asRunner, maskedValues } from '../../../../test-support/runner.js';

const testKey = generateTestKey();
const inputs = { 'key-id': testKey.keyId, 'issuer-id': testKey.issuerId, 'private-key': testKey.privatePem };
const request = (token = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl') => ({
  method: 'GET',
  url: 'https://api.appstoreconnect.apple.com/v1/apps?filter[bundleId]=com.example',
  headers: { authorization: `Bearer ${token}` },
});
const item = (status: number, title: string, detail: string): AppleErrorItem => ({
  status: String(status),
  code: 'X',
  title,
  detail,
});

function errorLines(lines: string[]): string[] {
  return lines.filter((l) => l.startsWith('::error'));
}

describe('runAction', () => {
  test('masks the key and each token before any other output; a 401 fails with the auth hint; nothing leaks', async () => {
    let token = '';
    const result = await asRunner(inputs, {}, () =>
      runAction('upload-metadata', async () => {
        const settings = readCommonInputs();
        const tokens = new TokenSource({
          ...settings,
          key: settings.privateKey,
          clock: new VirtualClock(),
          onToken: maskToken,
        });
        token = await tokens.getToken();
        actionsLogger().info(`signed a token for key ${settings.keyId}`);
        core.setOutput('result', JSON.stringify({ apps: 1 }));
        await core.summary.addHeading('Plan').addRaw('nothing to do').write();
        throw new AuthenticationError(
          401,
          [
            item(
              401,
              'Authentication credentials are missing or invalid.',
              'Provide a properly configured and signed bearer token.',
            ),
          ],
          request(token),
        );
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(decodeJwt(token).aud).toBe('appstoreconnect-v1');
    // Masks come first; the only other line before the token is the one naming the credential sources.
    const firstOther = result.lines.findIndex((l) => !l.startsWith('::add-mask::') && !l.startsWith('Credentials: '));
    expect(firstOther).toBeGreaterThan(0);
    const masked = maskedValues(result.lines.slice(0, firstOther));
    expect(masked).toContain(testKey.privatePem.trim());
    expect(masked).toContain(token);
    expect(result.lines[firstOther]).toBe(`signed a token for key ${testKey.keyId}`);
    const failure = errorLines(result.lines);
    expect(failure).toHaveLength(1);
    expect(failure[0]).toMatch(
      /^::error::GET \/v1\/apps\?filter\[bundleId\]=com\.example answered 401: Authentication credentials are missing or invalid: Provide a properly configured and signed bearer token\. Hint: Likely causes, most likely first: \(1\) key-id and issuer-id do not belong together.*\(4\) the Apple Developer Program License Agreement/,
    );
    // The failure summary follows what the action wrote: nothing changed, the error and the fix.
    expect(result.summary).toContain('<h3>upload-metadata failed</h3>');
    expect(result.summary).toContain('nothing was changed in App Store Connect');
    expect(result.summary).toMatch(/<strong>Fix:<\/strong> Likely causes/);
    expect(result.output).toContain('result<<');
    expect(result.summary).toContain('<h1>Plan</h1>');
    assertNoLeaks(
      [
        { name: 'stdout', text: result.stdout },
        { name: 'GITHUB_OUTPUT', text: result.output },
        { name: 'GITHUB_STEP_SUMMARY', text: result.summary },
      ],
      [...keyEncodings(testKey.privatePem), token],
    );
  });

  test('success leaves the exit code alone and prints no error', async () => {
    const result = await asRunner({}, {}, () => runAction('x', async () => core.info('done')));
    expect(result.exitCode).toBe(0);
    expect(result.lines).toEqual(['done']);
  });

  test('an InputError fails with its message', async () => {
    const good = await asRunner(inputs, {}, () => runAction('x', async () => void readCommonInputs()));
    expect(good.exitCode).toBe(0);
    expect(errorLines(good.lines)).toEqual([]);
    const bad = await asRunner({ ...inputs, 'api-base-url': 'http://example.com' }, {}, () =>
      runAction('x', async () => void readCommonInputs()),
    );
    expect(bad.exitCode).toBe(1);
    expect(errorLines(bad.lines)).toHaveLength(1);
    expect(errorLines(bad.lines)[0]).toMatch(/^::error::Input "api-base-url" must use https/);
  });

  test('an InputError on a file line becomes an annotation there', async () => {
    const result = await asRunner({}, {}, () =>
      runAction('upload-metadata', async () => {
        throw new InputError('name is 31 characters; the App Store allows 30', {
          file: 'metadata/en-US/name.txt',
          line: 1,
        });
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(errorLines(result.lines)).toEqual([
      '::error file=metadata/en-US/name.txt,line=1::name is 31 characters; the App Store allows 30',
    ]);
  });

  test.each([
    [
      '403 with the role this action needs',
      new ForbiddenError(403, [item(403, 'The given operation is not allowed', 'You do not have access.')], request()),
      { requiredRole: 'App Manager' },
      "GET /v1/apps?filter[bundleId]=com.example answered 403: The given operation is not allowed: You do not have access. Hint: the key's role lacks access; this action needs a key with the App Manager role (or Admin) (Users and Access → Integrations).",
    ],
    [
      '403 for an unaccepted Program License Agreement: the agreement, not the role',
      new ForbiddenError(
        403,
        [
          {
            status: '403',
            code: 'FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED',
            title: 'A required agreement is missing or has expired.',
            detail: 'This request requires an in-effect agreement that has not been signed or has expired.',
          },
        ],
        request(),
      ),
      { requiredRole: 'App Manager' },
      /answered 403: A required agreement is missing or has expired: .* Hint: the team's Program License Agreement \(or another required agreement\) is unaccepted or expired: the Account Holder must accept it .* no key or role change helps until then\.$/,
    ],
    [
      '403 without a named role',
      new ForbiddenError(403, [], request()),
      {},
      "GET /v1/apps?filter[bundleId]=com.example answered 403: HTTP 403. Hint: the key's role lacks access; use a key whose role covers what this action does (Users and Access → Integrations).",
    ],
    [
      '429',
      new RateLimitError(
        429,
        [item(429, 'The request rate limit has been reached.', 'We have received too many requests.')],
        request(),
        60_000,
      ),
      {},
      /answered 429: .* Hint: the key's hourly request budget \(X-Rate-Limit\) is spent, and every job using the key shares it/,
    ],
    [
      'network',
      new NetworkError('connection reset', request(), { maybeApplied: true }),
      {},
      'GET /v1/apps?filter[bundleId]=com.example: connection reset',
    ],
    [
      'other API error',
      new ConflictError(409, [item(409, 'Conflict', 'already exists')], request()),
      {},
      'GET /v1/apps?filter[bundleId]=com.example answered 409: Conflict: already exists',
    ],
    [
      'unknown error',
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      {},
      "Cannot read properties of undefined (reading 'id'). Hint: this is a bug in assign-testflight-group; please report it with this log.",
    ],
    [
      'a thrown string',
      'plain string',
      {},
      'plain string. Hint: this is a bug in assign-testflight-group; please report it with this log.',
    ],
    [
      'a message with a token in it',
      new Error('upstream said: Bearer eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl'),
      {},
      'upstream said: Bearer [REDACTED]. Hint: this is a bug in assign-testflight-group; please report it with this log.',
    ],
  ])('%s', async (_name, error, options, expected) => {
    const result = await asRunner({}, {}, () =>
      runAction(
        'assign-testflight-group',
        async () => {
          throw error;
        },
        options,
      ),
    );
    expect(result.exitCode).toBe(1);
    const lines = errorLines(result.lines);
    expect(lines).toHaveLength(1);
    if (typeof expected === 'string') expect(lines[0]).toBe(`::error::${expected}`);
    else expect(lines[0]).toMatch(expected);
    expect(failureMessage('assign-testflight-group', error, options)).toBe(lines[0]!.slice('::error::'.length));
    expect(result.stdout).not.toMatch(/eyJhbGciOiJFUzI1NiJ9\.eyJ/);
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });

  test("a bug's stack goes to the debug log only, redacted", async () => {
    const result = await asRunner({}, {}, () =>
      runAction('x', async () => {
        throw new Error('failed with Bearer eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl');
      }),
    );
    const debug = result.lines.filter((l) => l.startsWith('::debug::'));
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatch(/^::debug::Error: failed with Bearer \[REDACTED\]%0A +at /);
    expect(result.stdout).not.toContain('eyJhbGciOiJFUzI1NiJ9');
  });
});
