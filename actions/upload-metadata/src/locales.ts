/** The App Store's locales and their near misses: core's domain rules (packages/core/src/domain/locales.ts). */
export { APP_STORE_LOCALES, isAppStoreLocale, looksLikeLocale, suggestLocale } from '@asc-actions/core';
