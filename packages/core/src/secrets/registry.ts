/**
 * The secrets of this process, as the tripwire and redaction look for them: every encoding of
 * the private key that core masks (plus 20-character windows of its body, so a fragment is
 * caught too), the GitHub token, the passphrase, and each issued token with its three segments.
 * Registered by core's masking functions; nothing else needs to call in.
 */
import { keyMaterialVariants } from '../auth/key-armor.js';

const MIN_LENGTH = 12;
const needles = new Set<string>();
/** Segments of issued tokens, redacted on their own (they are not worth aborting a step for). */
const tokenSegments = new Set<string>();

function add(value: string): void {
  if (value.length >= MIN_LENGTH) needles.add(value);
}

/** Key text in any accepted encoding: its variants and windows of its base64 body. */
export function registerKeySecret(keyText: string): void {
  const variants = keyMaterialVariants(keyText);
  for (const variant of variants) add(variant);
  for (const variant of variants.filter((v) => v.includes('-----BEGIN '))) {
    const body = variant
      .replace(/\\n/g, '\n')
      .split(/\r?\n/)
      .filter((l) => !l.startsWith('-----'))
      .join('')
      .trim();
    for (let i = 0; i + 20 <= body.length; i += 4) add(body.slice(i, i + 20));
  }
}

/** A plain secret: the GitHub token, a passphrase. */
export function registerSecret(value: string | undefined): void {
  if (value) add(value.trim());
}

/** An issued JWT: the whole token is a secret, and each segment is redacted on its own. */
export function registerToken(token: string): void {
  add(token);
  for (const segment of token.split('.')) if (segment.length >= 16) tokenSegments.add(segment);
}

/** True when `text` contains any registered secret (also with markdown backslashes removed). */
export function containsSecret(text: string): boolean {
  if (needles.size === 0 || text.length < MIN_LENGTH) return false;
  const plain = text.includes('\\') ? text.replace(/\\(?=[^n])/g, '') : text;
  for (const needle of needles) if (text.includes(needle) || plain.includes(needle)) return true;
  return false;
}

/** Replaces registered secrets and token segments in `text`. */
export function redactKnownSecrets(text: string): string {
  let out = text;
  for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join('[REDACTED]');
  for (const segment of tokenSegments) if (out.includes(segment)) out = out.split(segment).join('[REDACTED]');
  return out;
}

/** For tests in one process: forgets every registered secret. */
export function clearSecrets(): void {
  needles.clear();
  tokenSegments.clear();
}
