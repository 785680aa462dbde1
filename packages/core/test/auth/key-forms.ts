/** Builds every form of a key a CI secret produces, from a key generated at run time. */
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface KeyForm {
  name: string;
  input: string;
  passphrase?: string;
}

const P256_PARAMETERS = '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n';

export function derBodyLines(pem: string): string[] {
  return pem
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('-----'));
}

function wrap(text: string, width: number): string {
  return (text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n');
}

export function acceptedForms(key: KeyObject): KeyForm[] {
  const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sec1 = key.export({ type: 'sec1', format: 'pem' }).toString();
  const body = derBodyLines(pem);
  const b64 = Buffer.from(pem).toString('base64');
  return [
    { name: 'PKCS#8 PEM', input: pem },
    { name: 'PEM without final newline', input: pem.trim() },
    { name: 'PEM with literal \\n', input: pem.trim().replace(/\n/g, '\\n') },
    { name: 'PEM with literal \\r\\n', input: pem.trim().replace(/\n/g, '\\r\\n') },
    { name: 'base64 of the PEM file', input: b64 },
    { name: 'base64 of the PEM file, wrapped at 76', input: `${wrap(b64, 76)}\n` },
    { name: 'base64 of the PEM without final newline', input: Buffer.from(pem.trim()).toString('base64') },
    { name: 'PEM with CRLF', input: pem.replace(/\n/g, '\r\n') },
    { name: 'PEM with blank lines and indentation', input: `\n\n   ${pem.split('\n').join('\n    ')}\n\n  ` },
    { name: 'PEM on one line with spaces', input: pem.trim().split('\n').join(' ') },
    { name: 'PEM in double quotes', input: `"${pem.trim().replace(/\n/g, '\\n')}"` },
    { name: 'SEC1 EC PRIVATE KEY', input: sec1 },
    { name: 'SEC1 after EC PARAMETERS (openssl ecparam -genkey)', input: P256_PARAMETERS + sec1 },
    {
      name: 'encrypted PKCS#8 with passphrase',
      input: key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' }).toString(),
      passphrase: 'open sesame',
    },
    {
      name: 'legacy encrypted SEC1 with passphrase',
      input: key.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'open sesame' }).toString(),
      passphrase: 'open sesame',
    },
    { name: 'bare DER body lines (pasted middle lines)', input: body.join('\n') },
    { name: 'bare DER body on one line', input: body.join('') },
    { name: 'PEM with an unneeded passphrase', input: pem, passphrase: 'unused' },
  ];
}

export interface BadForm extends KeyForm {
  problem: string;
  pattern: RegExp;
}

export function badForms(key: KeyObject): BadForm[] {
  const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const lines = pem.trim().split('\n');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
  const ed = generateKeyPairSync('ed25519').privateKey;
  const spkiPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const encrypted = key
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right one' })
    .toString();
  const notKeyDer = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]).toString('base64');
  return [
    {
      name: 'RSA PKCS#8',
      problem: 'rsa',
      pattern: /is an RSA key; App Store Connect keys are EC P-256 \(\.p8 from Users and Access → Integrations\)/,
      input: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    {
      name: 'RSA PKCS#1',
      problem: 'rsa',
      pattern: /is an RSA key/,
      input: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    },
    {
      name: 'EC P-384 PKCS#8',
      problem: 'curve',
      pattern: /EC key on curve secp384r1, not P-256/,
      input: p384.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    {
      name: 'EC P-384 SEC1',
      problem: 'curve',
      pattern: /curve secp384r1/,
      input: p384.export({ type: 'sec1', format: 'pem' }).toString(),
    },
    {
      name: 'Ed25519',
      problem: 'other-type',
      pattern: /key of type ed25519/,
      input: ed.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    {
      name: 'public key PEM',
      problem: 'public',
      pattern: /is a public key; it must be the private key/,
      input: spkiPem,
    },
    {
      name: 'public key bare base64',
      problem: 'public',
      pattern: /is a public key/,
      input: derBodyLines(spkiPem).join('\n'),
    },
    {
      name: 'RSA public key',
      problem: 'public',
      pattern: /is a public key/,
      input: rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    },
    {
      name: 'certificate block',
      problem: 'certificate',
      pattern: /is a certificate/,
      input: spkiPem.replace(/PUBLIC KEY/g, 'CERTIFICATE'),
    },
    {
      name: 'BEGIN without END',
      problem: 'unterminated',
      pattern: /cut off: its opening armor line has no matching closing line/,
      input: lines.slice(0, 3).join('\n'),
    },
    {
      name: 'body cut, END kept',
      problem: 'truncated',
      pattern: /truncated: its key data is shorter/,
      input: [lines[0], lines[1], lines.at(-1)].join('\n'),
    },
    {
      name: 'body cut mid-line',
      problem: 'truncated',
      pattern: /truncated/,
      input: [lines[0], lines[1], lines[2]!.slice(0, 30), lines.at(-1)].join('\n'),
    },
    {
      name: 'garbage',
      problem: 'garbage',
      pattern: /neither PEM text nor base64/,
      input: '%% ¿qué? §§ 12:34 ### <<>>',
    },
    {
      name: 'base64 of plain text',
      problem: 'not-der',
      pattern: /decodes to neither PEM text nor a DER-encoded key/,
      input: Buffer.from('zebra quokka narwhal, 1999').toString('base64'),
    },
    { name: 'empty', problem: 'empty', pattern: /private-key is empty/, input: '  \n ' },
    {
      name: 'stray characters in body',
      problem: 'bad-body',
      pattern: /PEM body is not valid base64/,
      input: pem.replace(lines[2]!, `${lines[2]!.slice(0, 20)}!*!${lines[2]!.slice(23)}`),
    },
    {
      name: 'DER that is not a key',
      problem: 'invalid',
      pattern: /not a valid PKCS#8 or SEC1 private key/,
      input: `-----BEGIN PRIVATE KEY-----\n${notKeyDer}\n-----END PRIVATE KEY-----\n`,
    },
    {
      name: 'OpenSSH key',
      problem: 'openssh',
      pattern: /OpenSSH-format key/,
      input: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines[1]}\n-----END OPENSSH PRIVATE KEY-----\n`,
    },
    {
      name: 'only EC PARAMETERS',
      problem: 'unknown-block',
      pattern: /PEM block of a kind that is not a private key/,
      input: '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n',
    },
    {
      name: 'encrypted, no passphrase',
      problem: 'needs-passphrase',
      pattern: /is encrypted but private-key-passphrase is empty/,
      input: encrypted,
    },
    {
      name: 'encrypted, wrong passphrase',
      problem: 'wrong-passphrase',
      pattern: /could not be decrypted with private-key-passphrase/,
      input: encrypted,
      passphrase: 'wrong one',
    },
    {
      name: 'encrypted bare DER, no passphrase',
      problem: 'needs-passphrase',
      pattern: /is encrypted/,
      input: derBodyLines(encrypted).join(''),
    },
  ];
}

/** The first substring of `input` at least `size` characters long that occurs in `text`, if any. */
export function sharedFragment(text: string, input: string, size = 6): string | undefined {
  for (let i = 0; i + size <= input.length; i++) {
    const fragment = input.slice(i, i + size);
    if (text.includes(fragment)) return fragment;
  }
  return undefined;
}
