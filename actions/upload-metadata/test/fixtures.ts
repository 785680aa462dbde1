/**
 * upload-metadata's own test fixtures: its harness settings, the plan output parsed, and helpers
 * that read the emulator's store. Everything else is test-support/action-harness.ts.
 */
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EDITABLE_VERSION_STATES, type ConnectDeps } from '@asc-actions/core';
import type { Emulator, Seed } from '@asc-actions/asc-emulator';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import type { RunResult } from '../../../test-support/runner.js';
import { run } from '../src/main.js';

export type Harness = ActionHarness<ConnectDeps>;

/**
 * The action harness for upload-metadata. Metadata trees (`tree()`) are made under the temp
 * folder, so that is the workspace the action reads them in (a bundle run may name its own).
 * `realClock`: for bundle runs, which poll and sign tokens on the real clock.
 */
export function harness(seed: Seed, options: { realClock?: boolean } = {}): Promise<Harness> {
  return actionHarness<ConnectDeps>({
    run,
    bundle: 'upload-metadata',
    seed,
    realClock: options.realClock,
    env: { GITHUB_WORKSPACE: realpathSync(tmpdir()) },
  });
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
  const v = emulator.state
    .all('appStoreVersions')
    .find(
      (r) =>
        emulator.state.relatedId(r, 'app') === appId &&
        r.attributes.platform === platform &&
        (EDITABLE_VERSION_STATES as readonly string[]).includes(String(r.attributes.appVersionState)),
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
