import { createPrivateKey } from 'node:crypto';
import { startEmulator } from '@asc-actions/asc-emulator';
import { TokenSource, VirtualClock, createAscClient } from '@asc-actions/core';
import { generateTestKey } from '../../test-support/keys.js';
import type { BenchRow } from '../table.js';

/** One simulated hour of a request every 2 s (1,800 requests) on a virtual clock shared with the emulator. */
export async function signaturesPerHour(): Promise<BenchRow[]> {
  const key = generateTestKey();
  const clock = new VirtualClock();
  const emulator = await startEmulator({ clock, rateLimit: { limit: 1_000_000 } });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const tokens = new TokenSource({
    key: createPrivateKey(key.privatePem),
    keyId: key.keyId,
    issuerId: key.issuerId,
    clock,
  });
  const client = createAscClient({ tokens, baseUrl: emulator.baseUrl, clock });
  let requests = 0;
  for (let t = 0; t < 3_600_000; t += 2_000) {
    await client.get('/v1/apps', { limit: 1 });
    requests++;
    clock.advance(2_000);
  }
  const unauthorized = emulator.requests.filter((r) => r.status === 401).length;
  await emulator.close();
  // A token is valid 20 minutes from its iat, which is backdated 60 s for clock skew, and the
  // source renews it 2 minutes before expiry: each token serves 17 minutes, so an hour needs
  // ⌈60/17⌉ = 4 signatures when every token is signed exactly once.
  const perToken = (1200 - 60 - 120) / 60;
  const needed = Math.ceil(60 / perToken);
  return [
    {
      scenario: `signatures in a simulated hour (${requests} requests)`,
      figure: `${tokens.signatures} signatures, ${(tokens.signatures / needed).toFixed(2)} per token lifetime, ${unauthorized} × 401`,
      goal: `≤ 1 per token lifetime (${needed} an hour)`,
      met: tokens.signatures <= needed && unauthorized === 0,
    },
  ];
}
