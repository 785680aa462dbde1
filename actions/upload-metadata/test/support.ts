/**
 * Test support for upload-metadata: an emulator seeded with store metadata, a key, a virtual
 * clock shared by the action's client and the emulator, metadata trees written to temp folders,
 * and the runner harness (INPUT_* variables, output and summary files, leak scan).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { VirtualClock, type ConnectDeps } from '@asc-actions/core';
import { startEmulator, type Emulator, type Seed } from '@asc-actions/asc-emulator';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runInProcess, type RunOptions, type RunResult } from '../../../test-support/runner.js';
import { run } from '../src/main.js';

export interface Harness {
  emulator: Emulator;
  key: TestKey;
  clock: VirtualClock;
  inputs(extra: Record<string, string>): Record<string, string>;
  /** Runs the action in this process with the credentials and `extra` inputs. */
  run(extra: Record<string, string>, options?: Partial<RunOptions> & { deps?: ConnectDeps }): Promise<RunResult>;
  /** The transcript lines of writes (everything but GET). */
  writes(): string[];
  close(): Promise<void>;
}

export async function harness(seed: Seed, clock = new VirtualClock()): Promise<Harness> {
  const key = generateTestKey();
  const emulator = await startEmulator({ seed, clock });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const inputs = (extra: Record<string, string>) => ({
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emulator.baseUrl,
    ...extra,
  });
  return {
    emulator,
    key,
    clock,
    inputs,
    run: (extra, options = {}) =>
      runInProcess(() => run({ clock, ...options.deps }), {
        inputs: inputs(extra),
        secrets: [...keyEncodings(key.privatePem), ...(options.secrets ?? [])],
        // tree() makes its folders under the temp folder: that is the workspace files are read from.
        env: { GITHUB_WORKSPACE: realpathSync(tmpdir()), ...options.env },
      }),
    writes: () => emulator.transcript().filter((line) => !line.startsWith('GET ')),
    close: () => emulator.close(),
  };
}

/** Writes `files` (relative path → content) under a new temp folder and returns the folder. */
const made: string[] = [];
// Registered when a test file imports this module: its temp trees go when the file is done.
afterAll(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'asc-metadata-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The plan output, parsed. */
export function planOf(result: RunResult): {
  changes: Array<{
    step: string;
    locale?: string;
    field: string;
    before: string | null;
    after: string | null;
    status?: string;
    hidden?: boolean;
  }>;
  createdLocales: string[];
  findings: Array<{ level: string; code: string; message: string; file?: string; line?: number }>;
  result?: { applied: number; failed: Array<{ step: string; error: string }>; notPersisted: unknown[] };
  version: { versionString: string; state: string; create: boolean };
} {
  return JSON.parse(result.outputs.plan ?? '{}');
}

/** Attributes of the stored localization of `locale` under a parent (appInfos or appStoreVersions). */
export function storedLocalization(
  emulator: Emulator,
  type: 'appInfoLocalizations' | 'appStoreVersionLocalizations',
  parentId: string,
  locale: string,
): Record<string, unknown> | undefined {
  const parent = type === 'appInfoLocalizations' ? 'appInfo' : 'appStoreVersion';
  const found = emulator.state
    .all(type)
    .filter((r) => emulator.state.relatedId(r, parent) === parentId && r.attributes.locale === locale);
  if (found.length > 1) throw new Error(`${found.length} ${type} for ${locale}: a duplicate was created`);
  return found[0]?.attributes;
}

export function editableVersionId(emulator: Emulator, appId: string, platform = 'IOS'): string {
  const editable = [
    'PREPARE_FOR_SUBMISSION',
    'DEVELOPER_REJECTED',
    'REJECTED',
    'METADATA_REJECTED',
    'WAITING_FOR_REVIEW',
    'INVALID_BINARY',
  ];
  const v = emulator.state
    .all('appStoreVersions')
    .find(
      (r) =>
        emulator.state.relatedId(r, 'app') === appId &&
        r.attributes.platform === platform &&
        editable.includes(String(r.attributes.appVersionState)),
    );
  if (!v) throw new Error('no editable version');
  return v.id;
}

export function editableAppInfoId(emulator: Emulator, appId: string): string {
  const info = emulator.state
    .all('appInfos')
    .find((r) => emulator.state.relatedId(r, 'app') === appId && r.attributes.state === 'PREPARE_FOR_SUBMISSION');
  if (!info) throw new Error('no editable app info');
  return info.id;
}
