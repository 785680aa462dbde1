/**
 * Readiness items for Pricing and Availability (pure): the app needs a price (free is a price)
 * and at least one territory it is available in. No action sets either: the fix is App Store
 * Connect's Pricing and Availability page. Not read (undefined) when the version is already
 * submitted, and then not listed.
 */
import type { PricingState, ReadinessItem } from '../model.js';

const PAGE = 'App Store Connect → your app → Pricing and Availability';

export function pricingItems(pricing: PricingState | undefined): ReadinessItem[] {
  if (!pricing) return [];
  const price: ReadinessItem = pricing.hasPrice
    ? { item: 'price', ok: true, detail: 'a price is set' }
    : {
        item: 'price',
        ok: false,
        detail: 'the app has no price (not even Free)',
        fix: `choose a price in ${PAGE} (no action sets it)`,
      };
  const a = pricing.availability;
  const availability: ReadinessItem =
    a.kind === 'set' && a.available
      ? { item: 'availability', ok: true, detail: 'available in at least one territory' }
      : {
          item: 'availability',
          ok: false,
          detail: a.kind === 'none' ? 'availability is not set up' : 'the app is not available in any territory',
          fix: `make it available in at least one country or region in ${PAGE} (no action sets it)`,
        };
  return [price, availability];
}
