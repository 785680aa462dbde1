/**
 * The App Store Connect API key: an EC P-256 private key, Apple's `AuthKey_<KEY_ID>.p8`
 * (PKCS#8 PEM). Every form a CI secret produces is accepted (see key-armor.ts); everything else
 * is refused with a message that says what was expected and never repeats any of the input.
 * Errors carry no `cause`: crypto library messages are not ours to vouch for.
 */
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { InputError } from '../errors.js';
import { blockToPem, decodeKeyText, derDeclaredLength, type PemBlock } from './key-armor.js';

export { keyMaterialVariants } from './key-armor.js';

export type KeyProblem =
  | 'empty'
  | 'garbage'
  | 'not-der'
  | 'unterminated'
  | 'bad-body'
  | 'truncated'
  | 'invalid'
  | 'rsa'
  | 'curve'
  | 'other-type'
  | 'public'
  | 'certificate'
  | 'openssh'
  | 'unknown-block'
  | 'needs-passphrase'
  | 'wrong-passphrase';

const EXPECTED =
  'Expected the contents of the AuthKey_<KEY_ID>.p8 file from App Store Connect (Users and Access → Integrations), ' +
  'that text base64-encoded, or a path to the file.';
const APPLE_KEY = 'App Store Connect keys are EC P-256 (.p8 from Users and Access → Integrations).';
const WANT_PRIVATE =
  'it must be the private key: the .p8 file App Store Connect lets you download once, when the key is created.';

function message(problem: KeyProblem, detail: string): string {
  switch (problem) {
    case 'empty':
      return `private-key is empty. ${EXPECTED}`;
    case 'garbage':
      return `private-key is not a key: it is neither PEM text nor base64. ${EXPECTED}`;
    case 'not-der':
      return `private-key looks like base64, but it decodes to neither PEM text nor a DER-encoded key. ${EXPECTED}`;
    case 'unterminated':
      return 'private-key is cut off: its opening armor line has no matching closing line. Store the whole .p8 file in the secret, including its first and last lines.';
    case 'bad-body':
      return `private-key's PEM body is not valid base64 (stray characters between the armor lines). ${EXPECTED}`;
    case 'truncated':
      return 'private-key is truncated: its key data is shorter than the structure it declares, so part of the file was lost. Store the whole .p8 file in the secret.';
    case 'invalid':
      return `private-key's key data is not a valid PKCS#8 or SEC1 private key. ${EXPECTED}`;
    case 'rsa':
      return `private-key is an RSA key; ${APPLE_KEY}`;
    case 'curve':
      return `private-key is an EC key on curve ${detail}, not P-256; ${APPLE_KEY}`;
    case 'other-type':
      return `private-key is a key of type ${detail}; ${APPLE_KEY}`;
    case 'public':
      return `private-key is a public key; ${WANT_PRIVATE}`;
    case 'certificate':
      return `private-key is a certificate (or a certificate request or revocation list); ${WANT_PRIVATE}`;
    case 'openssh':
      return `private-key is an OpenSSH-format key; ${APPLE_KEY}`;
    case 'unknown-block':
      return `private-key holds a PEM block of a kind that is not a private key. ${EXPECTED}`;
    case 'needs-passphrase':
      return "private-key is encrypted but private-key-passphrase is empty: set private-key-passphrase (Apple's own .p8 download is not encrypted).";
    case 'wrong-passphrase':
      return 'private-key could not be decrypted with private-key-passphrase: the passphrase is wrong, or the key is damaged.';
  }
}

/** A private-key input we refuse. `problem` is for callers and tests; the message is for people. */
export class PrivateKeyError extends InputError {
  readonly problem: KeyProblem;
  readonly detail: string;
  /** `path`: the file the key was read from, named so the message points at it. */
  constructor(problem: KeyProblem, detail = '', path?: string) {
    super(message(problem, detail) + (path ? ` (read from ${path})` : ''), { input: 'private-key' });
    this.problem = problem;
    this.detail = detail;
  }
}

/** Parses an App Store Connect key from any accepted text form; throws PrivateKeyError otherwise. */
export function parsePrivateKey(input: string, passphrase?: string): KeyObject {
  const decoded = decodeKeyText(input);
  if (decoded.kind === 'problem') throw new PrivateKeyError(decoded.problem);
  const pass = passphrase === '' ? undefined : passphrase;
  const key = decoded.kind === 'der' ? importBareDer(decoded.der, pass) : importPem(decoded.blocks, pass);
  return checkKeyType(key);
}

function importPem(blocks: PemBlock[], passphrase: string | undefined): KeyObject {
  const block = blocks.find((b) => b.label.endsWith('PRIVATE KEY')) ?? blocks[0];
  if (!block) throw new PrivateKeyError('unknown-block');
  const label = block.label;
  if (label === 'PRIVATE KEY') return importDer(toDer(block), 'pkcs8', false, passphrase);
  if (label === 'ENCRYPTED PRIVATE KEY') return importDer(toDer(block), 'pkcs8', true, passphrase);
  if (label === 'EC PRIVATE KEY') {
    return block.headers.length > 0
      ? importLegacyEncrypted(block, passphrase)
      : importDer(toDer(block), 'sec1', false, passphrase);
  }
  if (label === 'RSA PRIVATE KEY') throw new PrivateKeyError('rsa');
  if (label === 'DSA PRIVATE KEY') throw new PrivateKeyError('other-type', 'DSA');
  if (label === 'OPENSSH PRIVATE KEY') throw new PrivateKeyError('openssh');
  if (label.endsWith('PUBLIC KEY')) throw new PrivateKeyError('public');
  if (/CERTIFICATE|X509 CRL/.test(label)) throw new PrivateKeyError('certificate');
  throw new PrivateKeyError('unknown-block');
}

function toDer(block: PemBlock): Buffer {
  const der = Buffer.from(block.body, 'base64');
  const declared = derDeclaredLength(der);
  if (der.length === 0 || (declared !== undefined && declared > der.length)) throw new PrivateKeyError('truncated');
  if (declared === undefined) throw new PrivateKeyError('invalid');
  return der;
}

function importDer(der: Buffer, type: 'pkcs8' | 'sec1', encrypted: boolean, passphrase: string | undefined): KeyObject {
  if (encrypted && passphrase === undefined) throw new PrivateKeyError('needs-passphrase');
  try {
    return createPrivateKey({ key: der, format: 'der', type, ...(encrypted ? { passphrase } : {}) });
  } catch {
    throw new PrivateKeyError(encrypted ? 'wrong-passphrase' : 'invalid');
  }
}

/** `EC PRIVATE KEY` with `Proc-Type: 4,ENCRYPTED` headers, as `openssl ec -aes256` writes it. */
function importLegacyEncrypted(block: PemBlock, passphrase: string | undefined): KeyObject {
  if (passphrase === undefined) throw new PrivateKeyError('needs-passphrase');
  try {
    return createPrivateKey({ key: blockToPem(block), format: 'pem', passphrase });
  } catch {
    throw new PrivateKeyError('wrong-passphrase');
  }
}

/** DER without armor: someone pasted the lines between BEGIN and END, or base64'd the DER file. */
function importBareDer(der: Buffer, passphrase: string | undefined): KeyObject {
  const declared = derDeclaredLength(der);
  if (declared !== undefined && declared > der.length) throw new PrivateKeyError('truncated');
  for (const type of ['pkcs8', 'sec1'] as const) {
    try {
      return createPrivateKey({ key: der, format: 'der', type, passphrase });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_MISSING_PASSPHRASE') throw new PrivateKeyError('needs-passphrase');
      if (code === 'ERR_OSSL_BAD_DECRYPT') throw new PrivateKeyError('wrong-passphrase');
    }
  }
  if (succeeds(() => createPublicKey({ key: der, format: 'der', type: 'spki' }))) throw new PrivateKeyError('public');
  if (succeeds(() => new X509Certificate(der))) throw new PrivateKeyError('certificate');
  throw new PrivateKeyError('invalid');
}

function succeeds(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

function checkKeyType(key: KeyObject): KeyObject {
  const type = key.asymmetricKeyType ?? 'unknown';
  if (type === 'rsa' || type === 'rsa-pss') throw new PrivateKeyError('rsa');
  if (type !== 'ec') throw new PrivateKeyError('other-type', type);
  const curve = key.asymmetricKeyDetails?.namedCurve ?? 'unknown';
  if (curve !== 'prime256v1') throw new PrivateKeyError('curve', curve);
  return key;
}

/** The SPKI PEM of a private key's public half: what the emulator registers, what tests verify with. */
export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}
