/** Registers secrets with the runner (`::add-mask::`) so they never appear in logs. */
import type { KeyObject } from 'node:crypto';
import { setSecret } from '@actions/core';
import { keyMaterialVariants } from '../auth/private-key.js';

/** Masks a token before it is used. Pass as TokenSource's `onToken`. */
export function maskToken(token: string): void {
  if (token !== '') setSecret(token);
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
}

/** Masks the encodings of a parsed key too: the input may have been SEC1 or encrypted. */
export function maskKeyObject(key: KeyObject): void {
  maskKeyText(key.export({ type: 'pkcs8', format: 'pem' }).toString());
}
