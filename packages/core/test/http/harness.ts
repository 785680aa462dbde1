import { createPrivateKey } from 'node:crypto';
import { startEmulator, type Emulator, type StartOptions } from '@asc-actions/asc-emulator';
import { VirtualClock } from '../../src/clock.js';
import { TokenSource } from '../../src/auth/token.js';
import { createAscClient, type AscClient, type ClientOptions } from '../../src/http/client.js';
import { generateTestKey, type TestKey } from '../../../../test-support/keys.js';

export interface Harness {
  emulator: Emulator;
  client: AscClient;
  tokens: TokenSource;
  clock: VirtualClock;
  key: TestKey;
  close(): Promise<void>;
}

/** An emulator and a client sharing one virtual clock and a key generated for this run. */
export async function harness(
  options: { emulator?: StartOptions; client?: Partial<ClientOptions> } = {},
): Promise<Harness> {
  const clock = new VirtualClock();
  const key = generateTestKey();
  const emulator = await startEmulator({ clock, ...options.emulator });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const tokens = new TokenSource({
    key: createPrivateKey(key.privatePem),
    keyId: key.keyId,
    issuerId: key.issuerId,
    clock,
  });
  const client = createAscClient({
    tokens,
    baseUrl: emulator.baseUrl,
    clock,
    retry: { random: () => 0.5 },
    ...options.client,
  });
  return { emulator, client, tokens, clock, key, close: () => emulator.close() };
}
