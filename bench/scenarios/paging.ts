import { createPrivateKey } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { makeApps, startEmulator } from '@asc-actions/asc-emulator';
import { TokenSource, createAscClient } from '@asc-actions/core';
import { generateTestKey } from '../../test-support/keys.js';
import type { BenchRow } from '../table.js';

/** Walks 10,000 apps with limit=200 (50 pages) through links.next. */
export async function paging10k(): Promise<BenchRow[]> {
  const key = generateTestKey();
  const emulator = await startEmulator({ seed: { apps: makeApps(10_000) }, rateLimit: { limit: 1_000_000 } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const tokens = new TokenSource({ key: createPrivateKey(key.privatePem), keyId: key.keyId, issuerId: key.issuerId });
  const client = createAscClient({ tokens, baseUrl: emulator.baseUrl });
  const t0 = performance.now();
  let items = 0;
  for await (const _ of client.paginate('/v1/apps', {}, { maxItems: 20_000 })) items++;
  const ms = performance.now() - t0;
  const pages = emulator.requests.length;
  const validated = emulator.violations.length === 0;
  await emulator.close();
  return [
    {
      scenario: 'paging 10,000 apps, limit=200 (emulator validating every page)',
      figure: `${items} items, ${pages} requests, ${ms.toFixed(0)} ms`,
      goal: '50 requests, all items',
      met: items === 10_000 && pages === 50 && validated,
    },
  ];
}
