/**
 * Pricing and Availability in readiness, through the bundle: an app never priced, an app
 * available in no territory (more territories than one include shows, so the rest are paged),
 * and an app with both — the first two refused before any write, each naming App Store
 * Connect's Pricing and Availability page; the third submitted.
 */
import { reviewReadySeed, type ReviewReadyOptions } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { run } from '../src/main.js';
import { APP_ID } from './fixtures.js';

const inputs = { app: APP_ID, version: '2.1', 'build-number': '100' };

async function harness(options: ReviewReadyOptions): Promise<ActionHarness<object>> {
  const now = Date.now();
  return actionHarness({
    run: () => run(),
    bundle: 'submit-for-review',
    seed: reviewReadySeed({ now, ...options }),
    clock: new VirtualClock(now),
  });
}

let h: ActionHarness<object> | undefined;
afterEach(async () => {
  expect(h?.emulator.violations).toEqual([]);
  await h?.close();
  h = undefined;
});

const readiness = (json: string | undefined): Array<{ item: string; ok: boolean; fix?: string }> =>
  (JSON.parse(json ?? '{}') as { items: Array<{ item: string; ok: boolean; fix?: string }> }).items;

test('an app never priced: one error naming Pricing and Availability, zero writes', async () => {
  h = await harness({ noPrice: true });
  const r = await h.runBundle(inputs);
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(
      /not ready for App Review \(1 item\); nothing was changed:%0A- price: the app has no price \(not even Free\) → choose a price in App Store Connect → your app → Pricing and Availability \(no action sets it\)/,
    ),
  ]);
  expect(h.writes()).toEqual([]);
  expect(
    readiness(r.outputs.readiness)
      .filter((i) => !i.ok)
      .map((i) => i.item),
  ).toEqual(['price']);
});

test('an app available in no territory: every territory is read (include, then the pages), one error, zero writes', async () => {
  h = await harness({ noTerritory: true });
  const r = await h.runBundle(inputs);
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(
      /- availability: the app is not available in any territory → make it available in at least one country or region in App Store Connect → your app → Pricing and Availability/,
    ),
  ]);
  expect(h.writes()).toEqual([]);
  const reads = h.transcript().filter((l) => /appAvailabilit/.test(l));
  expect(reads).toEqual([
    expect.stringMatching(/^GET \/v1\/apps\/\d+\/appAvailabilityV2\?.*limit\[territoryAvailabilities\]=50/),
    expect.stringMatching(/^GET \/v2\/appAvailabilities\/\d+\/territoryAvailabilities\?/),
  ]);
});

test('an app with a price and a territory: ready, submitted, one read each', async () => {
  h = await harness({});
  const r = await h.runBundle(inputs);
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('WAITING_FOR_REVIEW');
  expect(readiness(r.outputs.readiness).filter((i) => ['price', 'availability'].includes(i.item))).toEqual([
    { item: 'price', ok: true, detail: 'a price is set' },
    { item: 'availability', ok: true, detail: 'available in at least one territory' },
  ]);
  // One read each (a price and a territory are found in the first answer); 12 requests in all.
  expect(h.transcript().filter((l) => /appPriceSchedule|appAvailabilit/.test(l))).toHaveLength(2);
  expect(h.transcript()).toHaveLength(12);
});
