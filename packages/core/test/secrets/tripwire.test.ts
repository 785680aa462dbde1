import { generateKeyPairSync } from 'node:crypto';
import {
  clearSecrets,
  containsSecret,
  registerKeySecret,
  registerSecret,
  registerToken,
} from '../../src/secrets/registry.js';
import { guardSink, SecretLeakError } from '../../src/secrets/tripwire.js';
import { redactText } from '../../src/errors.js';
import { sanitizeLogText, sanitizeValue } from '../../src/action/log-text.js';

const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const body = pem
  .split('\n')
  .filter((l) => l && !l.startsWith('-----'))
  .join('');

beforeEach(() => {
  clearSecrets();
  registerKeySecret(pem);
  registerSecret('ghs_0123456789abcdefghijABCDEFGHIJ012345');
});
afterAll(() => clearSecrets());

test.each([
  ['the PEM', pem],
  ['the PEM as JSON', JSON.stringify({ description: `INPUT_PRIVATE-KEY=${pem}` })],
  ['the PEM with literal \\n', pem.replace(/\n/g, '\\n')],
  ['the DER body', body],
  ['a 24-character fragment', `x${body.slice(31, 55)}y`],
  ['base64 of the PEM', Buffer.from(pem).toString('base64')],
  ['the PEM markdown-escaped', pem.replace(/\+/g, '\\+')],
  ['the GitHub token', 'token: ghs_0123456789abcdefghijABCDEFGHIJ012345.'],
])('the tripwire catches %s and names the sink, never the secret', (_name, text) => {
  expect(containsSecret(text)).toBe(true);
  let error: unknown;
  try {
    guardSink('output "plan"', text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SecretLeakError);
  expect((error as Error).message).toMatch(
    /^A secret \(the App Store Connect private key or the GitHub token\) reached output "plan"; the step stopped and nothing was sent there\./,
  );
  expect(containsSecret((error as Error).message)).toBe(false);
});

test('ordinary text passes', () => {
  expect(() => guardSink('a log line', 'Planned 3 changes for de-DE: description, keywords, whatsNew.')).not.toThrow();
  expect(containsSecret('')).toBe(false);
});

test('redaction: an issued token, each of its segments alone, and base64 of the Authorization value', () => {
  const token =
    'eyJhbGciOiJFUzI1NiIsImtpZCI6IjJYOVI0SE1CNkYifQ.eyJpc3MiOiI2OWE2ZGU3MC0wM2RiLTQ3ZTMifQ.c2lnbmF0dXJlLXNlZ21lbnQtb2YtdGhlLWp3dC1pcy1sb25n';
  registerToken(token);
  const [header, payload, signature] = token.split('.') as [string, string, string];
  for (const piece of [header, payload, signature]) expect(redactText(`saw ${piece} here`)).toBe('saw [REDACTED] here');
  for (const value of [`Bearer ${token}`, token]) {
    const b64 = Buffer.from(value).toString('base64');
    expect(redactText(`auth=${b64};`)).toBe('auth=[REDACTED-BASE64];');
    const shifted = Buffer.from(`Authorization: ${value}`).toString('base64');
    expect(redactText(shifted)).not.toContain(shifted.slice(-30));
  }
  expect(redactText('plain words stay')).toBe('plain words stay');
});

test('log text: \\r, control characters and ANSI escapes become visible; workflow commands are defused', () => {
  expect(sanitizeLogText('title\r::add-mask::x')).toBe('title\\r::add-mask::x');
  expect(sanitizeLogText('a\n::stop-commands::tok\n  ::error::boom\n##[group]x')).toBe(
    'a\n\\::stop-commands::tok\n\\  ::error::boom\n\\##[group]x',
  );
  expect(sanitizeLogText('\u001b[2J\u0000\u0085\u2028end')).toBe('\\x1b[2J\\0\\x85\\u2028end');
  expect(sanitizeLogText('plain\ttext\nline two')).toBe('plain\ttext\nline two');
});

test('a placeholder value is flattened, made visible and clipped', () => {
  expect(sanitizeValue('Ann\r\n::error::x\u001b[1m', 100)).toBe('Ann\\r\\n::error::x\\x1b[1m');
  expect(sanitizeValue('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  expect(sanitizeValue('Zoë', 40)).toBe('Zoë');
});
