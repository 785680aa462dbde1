/**
 * Apple's locale codes.
 *
 * The App Store's 50 locales (2026: bn-BD, gu-IN, kn-IN, ml-IN, mr-IN, or-IN, pa-IN, sl-SI, ta-IN,
 * te-IN and ur-PK joined the 39 before; lists that lagged broke fastlane). TestFlight's texts take
 * any well-formed code (`en-US`, `zh-Hans`, `es-419`), so only the format is checked there.
 */

// prettier-ignore
export const APP_STORE_LOCALES: readonly string[] = [
  'ar-SA', 'bn-BD', 'ca', 'cs', 'da', 'de-DE', 'el', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es-ES', 'es-MX', 'fi',
  'fr-CA', 'fr-FR', 'gu-IN', 'he', 'hi', 'hr', 'hu', 'id', 'it', 'ja', 'kn-IN', 'ko', 'ml-IN', 'mr-IN', 'ms',
  'nl-NL', 'no', 'or-IN', 'pa-IN', 'pl', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sk', 'sl-SI', 'sv', 'ta-IN', 'te-IN',
  'th', 'tr', 'uk', 'ur-PK', 'vi', 'zh-Hans', 'zh-Hant',
];

export const isAppStoreLocale = (locale: string): boolean => APP_STORE_LOCALES.includes(locale);

const LOCALE_CODE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

/** A well-formed locale code: language, optional script, optional region (`en-US`, `zh-Hans`, `es-419`). */
export const isLocaleCode = (code: string): boolean => LOCALE_CODE.test(code);

/** Looks like a locale folder (`en`, `pt_BR`, `sr-Latn`, `zh-Hans`), as opposed to any other folder. */
export const looksLikeLocale = (name: string): boolean => /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(name);

/** The App Store locale a near miss probably meant: `pt_BR` → pt-BR, `en` → en-US, `de` → de-DE. */
export function suggestLocale(name: string): string | undefined {
  const normalized = name.replace(/_/g, '-').toLowerCase();
  const exact = APP_STORE_LOCALES.find((l) => l.toLowerCase() === normalized);
  if (exact) return exact;
  const language = normalized.split('-')[0];
  const sameLanguage = APP_STORE_LOCALES.filter((l) => l.split('-')[0]!.toLowerCase() === language);
  if (sameLanguage.length === 1) return sameLanguage[0];
  return (
    sameLanguage.find((l) => l.toLowerCase() === `${language}-${language}`) ?? (language === 'en' ? 'en-US' : undefined)
  );
}
