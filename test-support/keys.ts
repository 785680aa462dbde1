import { generateKeyPairSync, randomUUID } from 'node:crypto';

export interface TestKey {
  keyId: string;
  issuerId: string;
  privatePem: string;
  publicPem: string;
}

/** A fresh App Store Connect-style key (EC P-256, PKCS#8) made at run time; never written to the repo. */
export function generateTestKey(keyId = randomKeyId()): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    keyId,
    issuerId: randomUUID(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function randomKeyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: 10 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}
