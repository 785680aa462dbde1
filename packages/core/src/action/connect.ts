import { maskToken } from './mask.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { TokenSource } from '../auth/token.js';
import { createAscClient, type AscClient } from '../http/client.js';
import type { Logger } from '../logger.js';
import type { CommonInputs } from './common-inputs.js';
import { actionsLogger } from './logger.js';

/** What a test or bench may swap: the world-touching parts of the client. */
export interface ConnectDeps {
  fetch?: typeof fetch;
  clock?: Clock;
  logger?: Logger;
  concurrency?: number;
}

/** Builds the token source (every token masked before use) and the one client of an action. */
export function connect(settings: CommonInputs, deps: ConnectDeps = {}): { client: AscClient; tokens: TokenSource } {
  const clock = deps.clock ?? systemClock;
  const tokens = new TokenSource({
    key: settings.privateKey,
    keyId: settings.keyId,
    issuerId: settings.issuerId,
    clock,
    onToken: maskToken,
  });
  const client = createAscClient({
    tokens,
    baseUrl: settings.apiBaseUrl,
    clock,
    fetch: deps.fetch,
    logger: deps.logger ?? actionsLogger(),
    concurrency: deps.concurrency,
    userAgent: 'asc-actions',
  });
  return { client, tokens };
}
