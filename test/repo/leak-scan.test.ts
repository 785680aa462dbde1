import { sign } from 'node:crypto';
import { generateTestKey } from '../../test-support/keys.js';
import { findLeaks, keyEncodings } from '../../test-support/leaks.js';

const key = generateTestKey();
const secrets = keyEncodings(key.privatePem);
const body = key.privatePem
  .split('\n')
  .filter((l) => l && !l.startsWith('-----'))
  .join('');

test.each([
  ['the PEM', key.privatePem],
  ['PEM with literal \\n', key.privatePem.replace(/\n/g, '\\n')],
  ['base64 of the PEM', Buffer.from(key.privatePem).toString('base64')],
  ['the bare DER body', body],
  ['one line of the body', key.privatePem.split('\n')[1]!],
  ['a 30-character fragment of the body', body.slice(17, 47)],
])('the scan catches %s in stdout', (_, leaked) => {
  expect(findLeaks([{ name: 'stdout', text: `before ${leaked} after` }], secrets)).not.toEqual([]);
});

test('a token or an Authorization value is caught without being registered', () => {
  const jwt = ['{"alg":"ES256","kid":"ABCDEFGHIJ","typ":"JWT"}', '{"iss":"x","aud":"appstoreconnect-v1","exp":1}']
    .map((p) => Buffer.from(p).toString('base64url'))
    .join('.');
  const token = `${jwt}.${sign('sha256', Buffer.from(jwt), key.privatePem).toString('base64url')}`;
  expect(findLeaks([{ name: 'summary', text: `token ${token}` }], [])).toEqual(['summary contains a JWT']);
  expect(findLeaks([{ name: 'stderr', text: 'authorization: Bearer eyJhbGciOi' }], [])).toEqual([
    'stderr contains an Authorization value',
  ]);
});

test('::add-mask:: lines, where secrets are registered with the runner, are not leaks; clean text passes', () => {
  const text = `::add-mask::${key.privatePem.split('\n')[1]}\nsigned a token for key ${key.keyId}\n`;
  expect(findLeaks([{ name: 'stdout', text }], secrets)).toEqual([]);
});
