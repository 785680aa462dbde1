/**
 * Generated .ipa files for tests, the bench and the demo: a real zip (yazl) holding
 * Payload/<Name>.app/Info.plist (XML or binary, built by the `plist` library), a few other
 * entries that also carry Info.plists (a plug-in, a framework, an AppleDouble copy), and an
 * optional payload of random bytes stored uncompressed.
 */
import { createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { build, buildBinary } from 'plist';
import yazl from 'yazl';

export interface IpaSpec {
  name?: string;
  bundleId?: string | null;
  version?: string | null;
  buildNumber?: string | null;
  binary?: boolean;
  /** Random bytes in Payload/<Name>.app/<Name> (the "executable"). */
  payloadBytes?: number;
  /** More .app folders in Payload/. */
  extraApps?: string[];
  /** Leave out Payload/ entirely (a zip that is not an app). */
  noPayload?: boolean;
  /** The app folder without an Info.plist. */
  noPlist?: boolean;
}

export function infoPlist(spec: IpaSpec): Buffer {
  const dict: Record<string, string> = { CFBundleName: spec.name ?? 'Demo', CFBundlePackageType: 'APPL' };
  if (spec.bundleId !== null) dict.CFBundleIdentifier = spec.bundleId ?? 'com.example.demo';
  if (spec.version !== null) dict.CFBundleShortVersionString = spec.version ?? '1.5';
  if (spec.buildNumber !== null) dict.CFBundleVersion = spec.buildNumber ?? '100';
  return spec.binary ? Buffer.from(buildBinary(dict)) : Buffer.from(build(dict));
}

/** Random bytes as a stream, chunk by chunk (a 300 MB payload is never in memory). */
function randomStream(bytes: number): Readable {
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, 1024 * 1024);
      left -= n;
      this.push(randomBytes(n));
    },
  });
}

export async function writeIpa(path: string, spec: IpaSpec = {}): Promise<void> {
  const zip = new yazl.ZipFile();
  const name = spec.name ?? 'Demo';
  if (!spec.noPayload) {
    const app = `Payload/${name}.app`;
    if (!spec.noPlist) zip.addBuffer(infoPlist(spec), `${app}/Info.plist`);
    zip.addBuffer(
      infoPlist({ ...spec, bundleId: `${spec.bundleId ?? 'com.example.demo'}.widget` }),
      `${app}/PlugIns/Widget.appex/Info.plist`,
    );
    zip.addBuffer(Buffer.from('framework'), `${app}/Frameworks/Kit.framework/Info.plist`);
    if (spec.payloadBytes)
      zip.addReadStream(randomStream(spec.payloadBytes), `${app}/${name}`, {
        compress: false,
        size: spec.payloadBytes,
      });
    for (const extra of spec.extraApps ?? []) zip.addBuffer(infoPlist(spec), `Payload/${extra}.app/Info.plist`);
  } else {
    zip.addBuffer(Buffer.from('hello'), 'README.txt');
  }
  zip.addBuffer(Buffer.from('AppleDouble'), `__MACOSX/Payload/${name}.app/._Info.plist`);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}
