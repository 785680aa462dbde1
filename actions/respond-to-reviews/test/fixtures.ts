/**
 * respond-to-reviews' fixtures: an app with reviews on the one action harness
 * (test-support/action-harness.ts), review seeds, and what the emulator recorded of replies.
 */
import { makeApps, reviewResponseLog, type Emulator, type SeedCustomerReview } from '@asc-actions/asc-emulator';
import { VirtualClock, type ConnectDeps } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { run } from '../src/main.js';

/** The app of these tests: "App 0001", bundle id com.example.app0001. */
export const APP_ID = '1700000001';
export const BUNDLE_ID = 'com.example.app0001';

export type World = ActionHarness<ConnectDeps>;

export function world(reviews: SeedCustomerReview[], options: { clock?: VirtualClock } = {}): Promise<World> {
  return actionHarness<ConnectDeps>({
    run,
    bundle: 'respond-to-reviews',
    seed: { apps: makeApps(2), customerReviews: reviews },
    clock: options.clock,
  });
}

/** A review of the test app; `hoursAgo` counts back from the virtual clock's start. */
export function review(id: string, hoursAgo: number, fields: Partial<SeedCustomerReview> = {}): SeedCustomerReview {
  const created = new Date(Date.parse('2026-11-26T12:00:00Z') - hoursAgo * 3_600_000)
    .toISOString()
    .replace('.000Z', 'Z');
  return {
    id,
    app: APP_ID,
    rating: 5,
    title: 'Great',
    body: 'Love it',
    reviewerNickname: 'Sam',
    createdDate: created,
    territory: 'USA',
    ...fields,
  };
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
