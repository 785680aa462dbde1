/**
 * The inputs every action shares: credentials, `api-base-url`, `dry-run`. The three credentials
 * fall back to env `ASC_ISSUER_ID`, `ASC_KEY_ID`, `ASC_PRIVATE_KEY` (set once at job level).
 * The key is masked, in every encoding, before anything else happens.
 */
import type { KeyObject } from 'node:crypto';
import { setSecret } from '@actions/core';
import { InputError } from '../errors.js';
import { FORK_HINT, readKeyFile, resolvePrivateKey } from '../auth/key-locate.js';
import { validateIssuerId, validateKeyId } from '../auth/token.js';
import { normalizeApiBaseUrl } from '../http/base-url.js';
import { DEFAULT_API_BASE_URL } from '../http/client.js';
import { DEFAULT_RETRY_BUDGET_MS } from '../http/retry.js';
import { boolean, duration, optional } from './inputs.js';
import { maskKeyObject, maskKeyText, maskSecret } from './mask.js';

export interface CommonInputs {
  /** null for an individual key (`issuer-id` left empty). */
  issuerId: string | null;
  keyId: string;
  privateKey: KeyObject;
  keySource: 'input' | 'file' | 'search';
  /** The `.p8` file the key was read from, when it came from one. */
  keyPath?: string;
  /** Without a trailing slash. */
  apiBaseUrl: string;
  dryRun: boolean;
  /** How long all retries of the step may wait in total (input `retry-budget`, default 15 minutes). */
  retryBudgetMs: number;
}

export interface CommonInputsOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  homeDir?: string;
}

function credential(input: string, envName: string, env: NodeJS.ProcessEnv): string {
  return optional(input) ?? env[envName]?.trim() ?? '';
}

export function readCommonInputs(options: CommonInputsOptions = {}): CommonInputs {
  const env = options.env ?? process.env;
  const keyText = credential('private-key', 'ASC_PRIVATE_KEY', env);
  // A path to a .p8 file is not key material; masking it would only hide it in messages.
  if (!/^[^\n]*\.p8$/.test(keyText)) maskKeyText(keyText);
  // The GitHub token arms the secret tripwire too (any action may be given one).
  maskSecret(optional('github-token'));
  maskSecret(env.GITHUB_TOKEN);
  const passphrase = optional('private-key-passphrase');
  if (passphrase !== undefined) setSecret(passphrase);

  const keyId = credential('key-id', 'ASC_KEY_ID', env);
  if (keyId === '') throw new InputError(`key-id is empty (and so is env ASC_KEY_ID). ${FORK_HINT}`, { input: 'key-id' });
  validateKeyId(keyId);
  const issuer = credential('issuer-id', 'ASC_ISSUER_ID', env);
  if (issuer !== '') validateIssuerId(issuer);
  const apiBaseUrl = normalizeApiBaseUrl(optional('api-base-url') ?? DEFAULT_API_BASE_URL);
  const dryRun = boolean('dry-run', false);
  const retryBudgetMs = duration('retry-budget', DEFAULT_RETRY_BUDGET_MS);

  const resolved = resolvePrivateKey({
    value: keyText,
    passphrase,
    keyId,
    cwd: options.cwd,
    homeDir: options.homeDir,
    readFile: (path) => {
      const text = readKeyFile(path);
      if (text !== undefined) maskKeyText(text);
      return text;
    },
  });
  maskKeyObject(resolved.key);
  return {
    issuerId: issuer === '' ? null : issuer,
    keyId,
    privateKey: resolved.key,
    keySource: resolved.source,
    ...(resolved.path !== undefined ? { keyPath: resolved.path } : {}),
    apiBaseUrl,
    dryRun,
    retryBudgetMs,
  };
}
