/**
 * Product Type Identifiers → what a unit is (App Store Connect Help, "Product type identifiers";
 * listed with the other reference pages in docs/evidence/sales-reports.md §2). Apple's own "type" column says
 * "In-App Purchase" for every IA* identifier; this action splits out subscriptions by Apple's
 * description (auto-renewable IAY/IAY-M, non-renewing IA9 and "Subscription (Mac)" IA9-M) and
 * keeps restored purchases (IA3), which earn nothing, apart from purchases. App bundles count as
 * downloads. Identifiers not in the table are counted as `other` and named in the summary.
 */

export const CLASSES = [
  'downloads',
  'redownloads',
  'updates',
  'inAppPurchases',
  'restoredInAppPurchases',
  'subscriptions',
  'other',
] as const;
export type UnitClass = (typeof CLASSES)[number];

export const PRODUCT_TYPES: Readonly<Record<string, { class: UnitClass; description: string }>> = {
  '1': { class: 'downloads', description: 'Free or paid app (iOS, iPadOS, visionOS, watchOS)' },
  '1-B': { class: 'downloads', description: 'App bundle (iOS, iPadOS, visionOS)' },
  'F1-B': { class: 'downloads', description: 'App bundle (Mac)' },
  '1E': { class: 'downloads', description: 'Paid app, custom iOS app' },
  '1EP': { class: 'downloads', description: 'Paid app, custom iPadOS app' },
  '1EU': { class: 'downloads', description: 'Paid app, custom universal app' },
  '1F': { class: 'downloads', description: 'Free or paid app, universal excluding tvOS' },
  '1T': { class: 'downloads', description: 'Free or paid app, iPad' },
  F1: { class: 'downloads', description: 'Free or paid app (Mac)' },
  '3': { class: 'redownloads', description: 'Re-download (iOS, tvOS, visionOS, watchOS)' },
  '3F': { class: 'redownloads', description: 'Re-download, universal excluding tvOS' },
  '7': { class: 'updates', description: 'Update (iOS, tvOS, visionOS, watchOS)' },
  '7F': { class: 'updates', description: 'Update, universal excluding tvOS' },
  '7T': { class: 'updates', description: 'Update (iPadOS, visionOS)' },
  F7: { class: 'updates', description: 'Update (Mac)' },
  FI1: { class: 'inAppPurchases', description: 'In-App Purchase (Mac)' },
  IA1: { class: 'inAppPurchases', description: 'In-App Purchase (iOS, iPadOS, visionOS)' },
  'IA1-M': { class: 'inAppPurchases', description: 'In-App Purchase (Mac)' },
  IA3: { class: 'restoredInAppPurchases', description: 'Restored non-consumable In-App Purchase' },
  IA9: { class: 'subscriptions', description: 'Non-renewing subscription (iOS, iPadOS, visionOS)' },
  'IA9-M': { class: 'subscriptions', description: 'Subscription (Mac)' },
  IAY: { class: 'subscriptions', description: 'Auto-renewable subscription (iOS, iPadOS, visionOS)' },
  'IAY-M': { class: 'subscriptions', description: 'Auto-renewable subscription (Mac)' },
};

export function classOf(productType: string): UnitClass {
  return PRODUCT_TYPES[productType]?.class ?? 'other';
}
