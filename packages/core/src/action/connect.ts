import { maskToken } from './mask.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { TokenSource } from '../auth/token.js';
import { createAscClient, type AscClient } from '../http/client.js';
import { defaultExchange, describeProxy } from '../http/proxy.js';
import type { Exchange } from '../http/exchange.js';
import type { Logger } from '../logger.js';
import type { CommonInputs } from './common-inputs.js';
import { actionsLogger } from './logger.js';
import { journaledExchange } from './journal.js';

/** What a test or bench may swap: the world-touching parts of the client. */
export interface ConnectDeps {
  /** The HTTP exchange (default node:http(s), or undici through a proxy); Node's `fetch` fits. */
  fetch?: Exchange;
  clock?: Clock;
  logger?: Logger;
  concurrency?: number;
}

/** Builds the token source (every token masked before use) and the one client of an action. */
export function connect(settings: CommonInputs, deps: ConnectDeps = {}): { client: AscClient; tokens: TokenSource } {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? actionsLogger();
  const proxy = describeProxy();
  if (proxy !== undefined && deps.fetch === undefined)
    logger.info(`Requests to App Store Connect and upload URLs go through the proxy: ${proxy}.`);
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
    // Writes App Store Connect accepted are journaled for the failure summary (runAction).
    fetch: journaledExchange(deps.fetch ?? defaultExchange(), new URL(settings.apiBaseUrl).origin),
    logger,
    concurrency: deps.concurrency,
    retry: { budgetMs: settings.retryBudgetMs },
    userAgent: 'asc-actions',
  });
  return { client, tokens };
}
