/**
 * Registers secrets with the runner (`::add-mask::`) so they never appear in logs. Each distinct
 * string is registered once per Masker (the key as given and as parsed share most encodings);
 * every encoding that could appear is still registered.
 */
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

/** Masks key material once per distinct string. */
export class Masker {
  private readonly done = new Set<string>();

  private mask(value: string): void {
    if (value === '' || this.done.has(value)) return;
    this.done.add(value);
    setSecret(value);
  }

  /**
   * Key text as given and every encoding of it we accept, each long line on its own (the runner
   * masks line by line, so a multi-line value alone would not hide a PEM's lines).
   */
  keyText(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (this.done.has(trimmed)) return;
    this.mask(trimmed);
    for (const variant of keyMaterialVariants(trimmed)) this.mask(variant);
    registerKeySecret(trimmed);
  }

  /** The encodings of a parsed key too: the input may have been SEC1 or encrypted. */
  keyObject(key: KeyObject): void {
    this.keyText(key.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
}

/** Masks key text and its encodings (a Masker of its own). */
export function maskKeyText(text: string): void {
  new Masker().keyText(text);
}

/** Masks the encodings of a parsed key (a Masker of its own). */
export function maskKeyObject(key: KeyObject): void {
  new Masker().keyObject(key);
}
