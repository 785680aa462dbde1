/** Locale checks shared by the TestFlight localizations (What to Test, test information). */
import type { ResourceRecord } from '../../types.js';
import { invalidAttribute } from '../../jsonapi/errors.js';
import { checkLength, checkRequiredString } from '../family.js';

/**
 * Apple's locale codes: `en-US`, `de-DE`, `zh-Hans`, `es-419`, `fr-CA` … (format check only).
 * Deliberate copy: the actions use core's domain/locales.ts; a mistake shared by both would
 * never show up in a test.
 */
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

export function checkLocale(value: unknown): string {
  checkRequiredString('/data/attributes/locale', 'locale', value);
  if (!LOCALE.test(String(value)))
    throw invalidAttribute('/data/attributes/locale', `'${String(value)}' is not a valid locale.`);
  return String(value);
}

/** Text limits in code points (TestFlight: What to Test and beta app description 4000). */
export function checkTexts(attributes: Record<string, unknown>, limits: Record<string, number>): void {
  for (const [name, max] of Object.entries(limits)) checkLength(`/data/attributes/${name}`, attributes[name], max);
}

export function duplicateLocale(existing: ResourceRecord[], locale: string, owner: string): void {
  if (existing.some((l) => l.attributes.locale === locale)) {
    throw invalidAttribute(
      '/data/attributes/locale',
      `A localization for locale '${locale}' already exists for this ${owner}.`,
    );
  }
}
