import { createPrivateKey } from 'node:crypto';
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '@asc-actions/asc-emulator';
import { TokenSource, createAscClient } from '@asc-actions/core';
import { generateTestKey } from '../../test-support/keys.js';
import type { BenchRow } from '../table.js';

const N = 600;

/**
 * The same N sequential GETs against the emulator, once raw (node:http, the client's own
 * transport since it left fetch, with one pre-signed token and JSON.parse) and once through the
 * client (auth, rate limit, retry, concurrency, error layers). Interleaved in rounds so that
 * warm-up and machine noise fall on both alike.
 */
export async function clientOverhead(): Promise<BenchRow[]> {
  const key = generateTestKey();
  const emulator = await startEmulator({ rateLimit: { limit: 1_000_000 } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const tokens = new TokenSource({ key: createPrivateKey(key.privatePem), keyId: key.keyId, issuerId: key.issuerId });
  const client = createAscClient({ tokens, baseUrl: emulator.baseUrl, concurrency: 1 });
  const token = await tokens.getToken();
  const url = `${emulator.baseUrl}/v1/apps?limit=1`;
  const raw = () =>
    new Promise<void>((resolve, reject) => {
      get(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(void JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      }).on('error', reject);
    });
  const viaClient = async () => {
    await client.get('/v1/apps', { limit: 1 });
  };
  for (let i = 0; i < 50; i++) {
    await raw();
    await viaClient();
  }
  let rawMs = 0;
  let clientMs = 0;
  for (let round = 0; round < 6; round++) {
    let t0 = performance.now();
    for (let i = 0; i < N / 6; i++) await raw();
    rawMs += performance.now() - t0;
    t0 = performance.now();
    for (let i = 0; i < N / 6; i++) await viaClient();
    clientMs += performance.now() - t0;
  }
  await emulator.close();
  const over = (clientMs - rawMs) / N;
  return [
    {
      scenario: `raw node:http GET /v1/apps against the emulator (${N})`,
      figure: `${(rawMs / N).toFixed(3)} ms/request`,
      goal: 'reference',
    },
    {
      scenario: 'client overhead per request over raw node:http',
      figure: `${over.toFixed(3)} ms (${(clientMs / rawMs).toFixed(2)}×)`,
      goal: '≤ 0.5 ms',
      met: over <= 0.5,
    },
  ];
}
