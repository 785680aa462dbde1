/**
 * What App Store Connect enforces on store metadata, kept in one place for the app-store
 * families. Apple's OpenAPI spec 4.4.1 states none of it: these are Apple's documented limits
 * and observed behaviour.
 *
 * Fidelity notes:
 * - Field limits are counted in Unicode code points: name 30, subtitle 30, keywords 100,
 *   promotional text 170, description 4000, what's new 4000 (Apple's App Store Connect help).
 *   Keywords over 100 UTF-8 bytes but within 100 code points are accepted.
 * - Editing a version's metadata outside the editable states answers 409 `STATE_ERROR`, one
 *   error per attribute, "Attribute 'description' cannot be edited at this time" (captured in
 *   fastlane issues #16626 and #17933). Promotional text can be edited in any state.
 * - `whatsNew` on an app's first version for a platform answers 409 "An attribute value is
 *   not acceptable for the current resource state." (fastlane #17307; fastlane skips release
 *   notes on a first version for this reason). The exact `code` is an assumption.
 * - Locales: the 50 App Store locales of 2026 (39 before, plus bn-BD, gu-IN, kn-IN, ml-IN,
 *   mr-IN, or-IN, pa-IN, sl-SI, ta-IN, te-IN, ur-PK). Anything else is refused (409).
 * - Apple's live responses carry `null` for unset attributes; the spec declares response
 *   attributes non-nullable, so the emulator omits unset attributes. Clients must treat absent
 *   and null alike.
 */
import type { ResourceRecord } from '../../types.js';
import { AppleError, invalidAttribute } from '../../jsonapi/errors.js';

/** Apple's list. Deliberate copy: the actions use core's domain/locales.ts; a mistake shared by
 * both would never show up in a test. */
// prettier-ignore
export const APP_STORE_LOCALES: readonly string[] = [
  'ar-SA', 'bn-BD', 'ca', 'cs', 'da', 'de-DE', 'el', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es-ES', 'es-MX', 'fi',
  'fr-CA', 'fr-FR', 'gu-IN', 'he', 'hi', 'hr', 'hu', 'id', 'it', 'ja', 'kn-IN', 'ko', 'ml-IN', 'mr-IN', 'ms',
  'nl-NL', 'no', 'or-IN', 'pa-IN', 'pl', 'pt-BR', 'pt-PT', 'ro', 'ru', 'sk', 'sl-SI', 'sv', 'ta-IN', 'te-IN',
  'th', 'tr', 'uk', 'ur-PK', 'vi', 'zh-Hans', 'zh-Hant',
];

/** `appVersionState` values in which a version's metadata can be edited. */
export const EDITABLE_VERSION_STATES: readonly string[] = [
  'PREPARE_FOR_SUBMISSION',
  'DEVELOPER_REJECTED',
  'REJECTED',
  'METADATA_REJECTED',
  'WAITING_FOR_REVIEW',
  'INVALID_BINARY',
];

/** `AppInfo.state` values in which name, subtitle, privacy URLs and categories can be edited. */
export const EDITABLE_APP_INFO_STATES: readonly string[] = [
  'PREPARE_FOR_SUBMISSION',
  'DEVELOPER_REJECTED',
  'REJECTED',
  'WAITING_FOR_REVIEW',
];

/** Attributes a live version lets you change. */
export const LIVE_EDITABLE_ATTRIBUTES: readonly string[] = ['promotionalText'];

export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  name: 30,
  subtitle: 30,
  keywords: 100,
  promotionalText: 170,
  description: 4000,
  whatsNew: 4000,
};

export const URL_ATTRIBUTES: readonly string[] = [
  'marketingUrl',
  'supportUrl',
  'privacyPolicyUrl',
  'privacyChoicesUrl',
];

const codePoints = (s: string): number => [...s].length;

/** Limits, URL syntax and locale, for the attributes present in a create or update body. */
export function checkMetadataAttributes(attributes: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') continue;
    const limit = FIELD_LIMITS[name];
    if (limit !== undefined && codePoints(value) > limit) {
      throw invalidAttribute(
        `/data/attributes/${name}`,
        `The value of '${name}' exceeds the maximum length of ${limit} characters.`,
      );
    }
    if (URL_ATTRIBUTES.includes(name) && value !== '' && !isWebUrl(value)) {
      throw invalidAttribute(`/data/attributes/${name}`, `The value of '${name}' is not a valid URL.`);
    }
  }
  if ('locale' in attributes && !APP_STORE_LOCALES.includes(String(attributes.locale))) {
    throw invalidAttribute(
      '/data/attributes/locale',
      `'${String(attributes.locale)}' is not a valid locale for the App Store.`,
    );
  }
}

export function isWebUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** 409 STATE_ERROR, one item per attribute, as captured from App Store Connect. */
export function notEditable(attributes: string[]): AppleError {
  const title = 'The request cannot be fulfilled because of the state of another resource.';
  return new AppleError(
    409,
    attributes.map((name) => ({
      status: '409',
      code: 'STATE_ERROR',
      title,
      detail: `Attribute '${name}' cannot be edited at this time`,
      source: { pointer: `/data/attributes/${name}` },
    })),
  );
}

export function notAcceptableForState(name: string): AppleError {
  return new AppleError(409, [
    {
      status: '409',
      code: 'ENTITY_ERROR.ATTRIBUTE.INVALID.INVALID_STATE',
      title: 'An attribute value is not acceptable for the current resource state.',
      detail: `The attribute '${name}' can not be set in the current state of the resource.`,
      source: { pointer: `/data/attributes/${name}` },
    },
  ]);
}

/** Applies a write's attributes: null clears (the attribute is then omitted from responses). */
export function writeAttributes(record: ResourceRecord, attributes: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) delete record.attributes[name];
    else record.attributes[name] = value;
  }
}

/** Drops null attributes from a create body. */
export function presentAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null && v !== undefined));
}
