/**
 * Test support for respond-to-reviews: an emulator with one app and its reviews, a key made at
 * run time, a virtual clock shared by the client and the emulator, and the runner's way of
 * running the action (INPUT_* variables, output and summary files, a leak scan).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeApps, reviewResponseLog, startEmulator, type Emulator, type SeedCustomerReview } from '@asc-actions/asc-emulator';
import { VirtualClock, type ConnectDeps } from '@asc-actions/core';
import { generateTestKey, type TestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runInProcess, type RunResult } from '../../../test-support/runner.js';
import { run } from '../src/main.js';

/** The app of these tests: "App 0001", bundle id com.example.app0001. */
export const APP_ID = '1700000001';
export const BUNDLE_ID = 'com.example.app0001';

export interface World {
  emulator: Emulator;
  key: TestKey;
  clock: VirtualClock;
  /** A folder standing in for GITHUB_WORKSPACE. */
  workspace: string;
  /** Runs the action in this process with these inputs (credentials and base URL added). */
  run(inputs: Record<string, string>, options?: { env?: Record<string, string | undefined>; deps?: ConnectDeps }): Promise<RunResult>;
  /** Requests that changed something (POST, PATCH, DELETE), as transcript lines. */
  writes(): string[];
  /** Transcript lines, with the emulator's origin cut. */
  transcript(): string[];
  close(): Promise<void>;
}

export async function world(reviews: SeedCustomerReview[], options: { clock?: VirtualClock } = {}): Promise<World> {
  const clock = options.clock ?? new VirtualClock();
  const emulator = await startEmulator({ seed: { apps: makeApps(2), customerReviews: reviews }, clock });
  const key = generateTestKey();
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const workspace = mkdtempSync(join(tmpdir(), 'rtr-workspace-'));
  return {
    emulator,
    key,
    clock,
    workspace,
    run: (inputs, o = {}) =>
      runInProcess(() => run({ clock, ...o.deps }), {
        inputs: { 'issuer-id': key.issuerId, 'key-id': key.keyId, 'private-key': key.privatePem, 'api-base-url': emulator.baseUrl, ...inputs },
        env: { GITHUB_WORKSPACE: workspace, ...o.env },
        secrets: keyEncodings(key.privatePem),
      }),
    writes: () => emulator.transcript().filter((l) => !l.startsWith('GET ')),
    transcript: () => emulator.transcript(),
    close: () => emulator.close(),
  };
}

/** A review of the test app; `hoursAgo` counts back from the virtual clock's start. */
export function review(id: string, hoursAgo: number, fields: Partial<SeedCustomerReview> = {}): SeedCustomerReview {
  const created = new Date(Date.parse('2026-11-26T12:00:00Z') - hoursAgo * 3_600_000).toISOString().replace('.000Z', 'Z');
  return { id, app: APP_ID, rating: 5, title: 'Great', body: 'Love it', reviewerNickname: 'Sam', createdDate: created, territory: 'USA', ...fields };
}

/** Per review id: how many replies the emulator created, and whether any reply was replaced. */
export function replyEvents(emulator: Emulator): { created: Map<string, number>; replaced: string[] } {
  const created = new Map<string, number>();
  const replaced: string[] = [];
  for (const e of reviewResponseLog(emulator.state)) {
    if (e.kind === 'create') created.set(e.reviewId, (created.get(e.reviewId) ?? 0) + 1);
    if (e.kind === 'replace') replaced.push(e.reviewId);
  }
  return { created, replaced };
}

/** The body of a review's reply in the emulator's store, if it has one. */
export function replyBody(emulator: Emulator, reviewId: string): string | undefined {
  const review = emulator.state.get('customerReviews', reviewId);
  const id = review ? emulator.state.relatedId(review, 'response') : undefined;
  return id ? String(emulator.state.get('customerReviewResponses', id)?.attributes.responseBody) : undefined;
}
