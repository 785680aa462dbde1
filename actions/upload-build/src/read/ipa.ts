/**
 * The app's Info.plist inside an .ipa, read without reading the archive: `yauzl` walks the zip's
 * central directory (at its end, so the time does not grow with the file's size) and inflates
 * the one entry `Payload/<Name>.app/Info.plist`. Plug-ins, watch apps, frameworks and
 * `__MACOSX` copies have Info.plists too; only the main app's counts (docs/evidence/releases.md §1.10:
 * Apple-Actions and fastlane match the same path).
 */
import { InputError } from '@asc-actions/core';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { BuildFile, BundleInfo } from '../model.js';
import { readPlistKeys } from './info-plist.js';

/** An Info.plist is a few KB; a larger entry is not one to inflate. */
const MAX_PLIST_BYTES = 1024 * 1024;
const APP_DIR = /^Payload\/([^/]+\.app)\//;
const MAIN_PLIST = /^Payload\/[^/]+\.app\/Info\.plist$/;

function problem(file: BuildFile, what: string): InputError {
  return new InputError(`Input "file": ${file.shown} ${what}`, { input: 'file' });
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
      (e, zip) => (e ? reject(e) : resolve(zip)),
    ),
  );
}

/** Entry names under Payload/, the .app folders found, and the main Info.plist entries. */
function scan(zip: ZipFile): Promise<{ apps: Set<string>; plists: Entry[]; any: boolean }> {
  const apps = new Set<string>();
  const plists: Entry[] = [];
  let any = false;
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      any = true;
      const app = APP_DIR.exec(entry.fileName)?.[1];
      if (app) apps.add(app);
      if (MAIN_PLIST.test(entry.fileName)) plists.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve({ apps, plists, any }));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (e, stream) => {
      if (e) return reject(e);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_PLIST_BYTES)
          stream.destroy(new Error(`the entry inflates to more than ${MAX_PLIST_BYTES} bytes`));
        else chunks.push(c);
      });
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', reject);
    });
  });
}

async function mainPlist(file: BuildFile, zip: ZipFile): Promise<{ entry: Entry; bytes: Buffer }> {
  const { apps, plists, any } = await scan(zip);
  if (!any) throw problem(file, 'is an empty zip archive, not an app.');
  if (apps.size === 0)
    throw problem(
      file,
      'is a zip archive without an app: expected Payload/<Name>.app/ inside (the .ipa that xcodebuild -exportArchive writes).',
    );
  if (apps.size > 1)
    throw problem(
      file,
      `holds ${apps.size} apps in Payload/ (${[...apps].sort().join(', ')}); an .ipa holds exactly one.`,
    );
  const entry = plists[0];
  if (!entry) throw problem(file, `has no Info.plist in Payload/${[...apps][0]}/.`);
  if (entry.uncompressedSize > MAX_PLIST_BYTES)
    throw problem(file, `has an Info.plist of ${entry.uncompressedSize} bytes; an Info.plist is a few KB.`);
  return { entry, bytes: await inflate(zip, entry) };
}

export async function readIpaInfo(file: BuildFile): Promise<BundleInfo> {
  let zip: ZipFile;
  try {
    zip = await openZip(file.path);
  } catch (e) {
    throw problem(
      file,
      `is not a readable zip archive (${(e as Error).message}). An .ipa is a zip; rebuild or re-download it.`,
    );
  }
  try {
    const { entry, bytes } = await mainPlist(file, zip).catch((e: unknown) => {
      if (e instanceof InputError) throw e;
      throw problem(file, `is a corrupt zip archive (${(e as Error).message}).`);
    });
    try {
      return { plistPath: entry.fileName, ...readPlistKeys(bytes) };
    } catch (e) {
      throw problem(file, `has an unreadable ${entry.fileName} (${(e as Error).message}).`);
    }
  } finally {
    zip.close();
  }
}
