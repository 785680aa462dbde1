/**
 * The inputs every action shares: credentials, `api-base-url`, `dry-run`. Each credential is
 * the input, else this project's env name (ASC_ISSUER_ID, ASC_KEY_ID, ASC_PRIVATE_KEY, set once
 * at job level), else fastlane's and the asc CLI's names (auth/credential-sources.ts). The key is
 * masked, in every encoding, before anything else happens; the log names the sources used.
 */
import type { KeyObject } from 'node:crypto';
import { info, setSecret, warning } from '@actions/core';
import { InputError } from '../errors.js';
import { readKeyFile, resolvePrivateKey } from '../auth/key-locate.js';
import {
  fastlaneNotes,
  firstSource,
  ISSUER_ID_SOURCES,
  KEY_ID_SOURCES,
  KEY_SOURCE_NAMES,
  keySource,
  type Source,
} from '../auth/credential-sources.js';
import { validateIssuerId, validateKeyId } from '../auth/token.js';
import { normalizeApiBaseUrl } from '../http/base-url.js';
import { DEFAULT_API_BASE_URL } from '../http/client.js';
import { DEFAULT_RETRY_BUDGET_MS } from '../http/retry.js';
import { FORK_NOTE, isForkPullRequest } from './fork-event.js';
import { boolean, duration, optional } from './inputs.js';
import { Masker, maskSecret } from './mask.js';

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

const looked = (input: string, envNames: readonly string[]): string =>
  [`input ${input}`, ...envNames.map((n) => `env ${n}`)].join(', ');

export function readCommonInputs(options: CommonInputsOptions = {}): CommonInputs {
  const env = options.env ?? process.env;
  const masker = new Masker();
  const key = keySource(optional('private-key'), env);
  // A path is not key material; masking it would only hide it in messages.
  if (key !== undefined && key.form !== 'path' && !/^[^\n]*\.p8$/.test(key.value)) masker.keyText(key.value);
  // The GitHub token arms the secret tripwire too (any action may be given one).
  maskSecret(optional('github-token'));
  maskSecret(env.GITHUB_TOKEN);
  const passphrase = optional('private-key-passphrase');
  if (passphrase !== undefined) setSecret(passphrase);
  const forkNote = isForkPullRequest(env) ? FORK_NOTE : undefined;

  const keyId = firstSource({ name: 'key-id', value: optional('key-id') }, KEY_ID_SOURCES, env);
  if (keyId === undefined) {
    throw new InputError(
      `No App Store Connect key id was found. Looked at: ${looked('key-id', KEY_ID_SOURCES)}.${forkNote ? ` ${forkNote}` : ''}`,
      { input: 'key-id' },
    );
  }
  validateKeyId(keyId.value);
  const issuer = firstSource({ name: 'issuer-id', value: optional('issuer-id') }, ISSUER_ID_SOURCES, env);
  if (issuer !== undefined) validateIssuerId(issuer.value);
  const apiBaseUrl = normalizeApiBaseUrl(optional('api-base-url') ?? DEFAULT_API_BASE_URL);
  const dryRun = boolean('dry-run', false);
  const retryBudgetMs = duration('retry-budget', DEFAULT_RETRY_BUDGET_MS);

  const resolved = resolvePrivateKey({
    value: key?.value ?? '',
    sourceName: key?.name,
    isPath: key?.form === 'path',
    lookedAt: ['input private-key', ...KEY_SOURCE_NAMES],
    emptyNote: forkNote,
    passphrase,
    keyId: keyId.value,
    cwd: options.cwd,
    homeDir: options.homeDir,
    readFile: (path) => {
      const text = readKeyFile(path);
      if (text !== undefined) masker.keyText(text);
      return text;
    },
  });
  masker.keyObject(resolved.key);
  logSources(keyId, issuer, key, resolved.path, env);
  return {
    issuerId: issuer === undefined ? null : issuer.value,
    keyId: keyId.value,
    privateKey: resolved.key,
    keySource: resolved.source,
    ...(resolved.path !== undefined ? { keyPath: resolved.path } : {}),
    apiBaseUrl,
    dryRun,
    retryBudgetMs,
  };
}

/** One line naming where each credential came from (names and paths only, never values). */
function logSources(
  keyId: Source,
  issuer: Source | undefined,
  key: Source | undefined,
  path: string | undefined,
  env: NodeJS.ProcessEnv,
): void {
  const keyFrom =
    key === undefined ? `the file ${path}` : path !== undefined ? `${key.name} (the file ${path})` : key.name;
  const issuerFrom = issuer === undefined ? 'issuer-id: none (an individual key)' : `issuer-id from ${issuer.name}`;
  info(`Credentials: key-id ${keyId.value} from ${keyId.name}; ${issuerFrom}; private key from ${keyFrom}.`);
  for (const note of fastlaneNotes(env)) warning(note);
}
