/**
 * The leak scan every action test runs: nothing an action printed, wrote to GITHUB_OUTPUT or to
 * the job summary may contain the private key (in any encoding we accept), a token, or an
 * Authorization value. `::add-mask::` lines are how secrets are registered with the runner
 * (the runner swallows them), so they are the one place a secret may appear.
 */
import { keyMaterialVariants } from '../packages/core/src/auth/key-armor.js';

export interface LeakSource {
  name: string;
  text: string;
}

/**
 * Every encoding of a key that the parser accepts (core's keyMaterialVariants: PEM, literal \n,
 * base64 of the PEM, DER body and its lines), plus 20-character windows of the DER body every 4 characters (any 23-character fragment contains one):
 * a fragment of the key anywhere is a leak too.
 */
export function keyEncodings(pem: string): string[] {
  const der = pem
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((l) => !l.startsWith('-----'))
    .join('')
    .trim();
  return [...keyMaterialVariants(pem), ...windows(der, 20, 4)];
}

function windows(text: string, size: number, step: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= text.length; i += step) out.push(text.slice(i, i + size));
  return out;
}

/** Returns a description of each leak found (empty when clean). */
export function findLeaks(sources: LeakSource[], secrets: string[]): string[] {
  const needles = secrets.filter((s) => s.length >= 12);
  const found: string[] = [];
  for (const source of sources) {
    const text = source.text
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const needle of needles) {
      if (text.includes(needle))
        found.push(`${source.name} contains secret material (${needle.slice(0, 4)}…, ${needle.length} chars)`);
    }
    if (/Bearer\s+eyJ/.test(text)) found.push(`${source.name} contains an Authorization value`);
    if (/eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/.test(text))
      found.push(`${source.name} contains a JWT`);
  }
  return found;
}

export function assertNoLeaks(sources: LeakSource[], secrets: string[]): void {
  const leaks = findLeaks(sources, secrets);
  if (leaks.length > 0) throw new Error(`Secret leak:\n${leaks.join('\n')}`);
}
