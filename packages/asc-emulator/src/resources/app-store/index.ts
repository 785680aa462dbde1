/** The store-metadata families (upload-metadata's part of App Store Connect), in seeding order. */
import type { ResourceFamily } from '../family.js';
import { ageRatingUpdatesFamily } from './age-rating-declarations.js';
import { appCategoriesFamily } from './app-categories.js';
import { appInfoLocalizationsFamily } from './app-info-localizations.js';
import { appInfosFamily } from './app-infos.js';
import { appStoreVersionsFamily } from './app-store-versions.js';
import { appStoreReviewDetailsFamily } from './app-store-review-details.js';
import { seedAppStore } from './seed.js';
import { appStoreVersionLocalizationsFamily } from './app-store-version-localizations.js';
import { previewSetsFamily, screenshotSetsFamily } from './media/sets.js';
import { previewsFamily, screenshotsFamily } from './media/assets.js';
import { uploadPartsRoute } from './media/upload-parts.js';

export const appStoreFamilies: readonly ResourceFamily[] = [
  appCategoriesFamily,
  { ...appInfosFamily, seed: seedAppStore },
  appInfoLocalizationsFamily,
  appStoreVersionsFamily,
  appStoreVersionLocalizationsFamily,
  appStoreReviewDetailsFamily,
  ageRatingUpdatesFamily,
  screenshotSetsFamily,
  // The pre-signed upload URLs of screenshot and preview reservations (one path for both).
  { ...screenshotsFamily, rawRoutes: [uploadPartsRoute] },
  previewSetsFamily,
  previewsFamily,
];

export type { SeedAppInfo, SeedAppStore, SeedAppStoreVersion, SeedAttributes, SeedReviewDetail } from './seed-types.js';
export {
  APP_STORE_LOCALES,
  FIELD_LIMITS,
  EDITABLE_VERSION_STATES as EMULATED_EDITABLE_VERSION_STATES,
} from './rules.js';
export { TOP_CATEGORIES, SUBCATEGORIES } from './app-categories.js';
export { mediaControl, type MediaControl, type DeliveryOutcome } from './media/control.js';
