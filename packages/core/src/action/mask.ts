/** Registers secrets with the runner (`::add-mask::`) so they never appear in logs. */
import type { KeyObject } from 'node:crypto';
import { setSecret } from '@actions/core';
import { keyMaterialVariants } from '../auth/private-key.js';
import { registerKeySecret, registerSecret, registerToken } from '../secrets/registry.js';

/** Masks a plain secret (the GitHub token, a passphrase) and arms the tripwire with it. */
export function maskSecret(value: string | undefined): void {
  if (!value || value.trim() === '') return;
  setSecret(value.trim());
  registerSecret(value);
}

/** Masks a token before it is used. Pass as TokenSource's `onToken`. */
export function maskToken(token: string): void {
  if (token === '') return;
  setSecret(token);
  registerToken(token);
}

/**
 * Masks key text as given and every encoding of it we accept, each long line on its own
 * (the runner masks line by line, so a multi-line value alone would not hide a PEM's lines).
 */
export function maskKeyText(text: string): void {
  const trimmed = text.trim();
  if (trimmed === '') return;
  setSecret(trimmed);
  for (const variant of keyMaterialVariants(trimmed)) if (variant !== trimmed) setSecret(variant);
  registerKeySecret(trimmed);
}

/** Masks the encodings of a parsed key too: the input may have been SEC1 or encrypted. */
export function maskKeyObject(key: KeyObject): void {
  maskKeyText(key.export({ type: 'pkcs8', format: 'pem' }).toString());
}
