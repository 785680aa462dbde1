/**
 * Every field upload-metadata manages: its fastlane file name, the key in a metadata file, the
 * API resource and attribute it maps to, and Apple's rules for it. One table, so the folder
 * reader, the file reader, the planner and the reports agree.
 */
import type { AppInfoLocalizationAttributes, AppStoreVersionLocalizationAttributes } from '@asc-actions/core';
import { CATEGORY_FIELDS, COPYRIGHT, VERSION_STRING } from './app-wide-fields.js';

export type LocalizedKey =
  | 'name'
  | 'subtitle'
  | 'privacy_url'
  | 'privacy_choices_url'
  | 'apple_tv_privacy_policy'
  | 'description'
  | 'keywords'
  | 'promotional_text'
  | 'release_notes'
  | 'marketing_url'
  | 'support_url';

export type LocalizedResource = 'appInfoLocalization' | 'versionLocalization';

interface LocalizedFieldBase {
  key: LocalizedKey;
  /** What people call it (summaries, messages). */
  label: string;
  /** Apple's limit in Unicode code points. */
  limit?: number;
  url?: boolean;
  /** Can be cleared (the API takes null). */
  clearable: boolean;
  /** Can change on a live version (`edit-live`). */
  liveEditable?: boolean;
  /** Other names accepted in a metadata file (Apple's attribute names, fastlane's old ones). */
  aliases: string[];
}

/** The resource a localized field belongs to, and its API attribute there. */
export type LocalizedField = LocalizedFieldBase &
  (
    | { resource: 'appInfoLocalization'; attribute: keyof AppInfoLocalizationAttributes }
    | { resource: 'versionLocalization'; attribute: keyof AppStoreVersionLocalizationAttributes }
  );

export const LOCALIZED_FIELDS: readonly LocalizedField[] = [
  {
    key: 'name',
    resource: 'appInfoLocalization',
    attribute: 'name',
    label: 'name',
    limit: 30,
    clearable: false,
    aliases: [],
  },
  {
    key: 'subtitle',
    resource: 'appInfoLocalization',
    attribute: 'subtitle',
    label: 'subtitle',
    limit: 30,
    clearable: true,
    aliases: [],
  },
  {
    key: 'privacy_url',
    resource: 'appInfoLocalization',
    attribute: 'privacyPolicyUrl',
    label: 'privacy policy URL',
    url: true,
    clearable: true,
    aliases: ['privacyPolicyUrl', 'privacy_policy_url'],
  },
  {
    key: 'privacy_choices_url',
    resource: 'appInfoLocalization',
    attribute: 'privacyChoicesUrl',
    label: 'privacy choices URL',
    url: true,
    clearable: true,
    aliases: ['privacyChoicesUrl'],
  },
  {
    key: 'apple_tv_privacy_policy',
    resource: 'appInfoLocalization',
    attribute: 'privacyPolicyText',
    label: 'tvOS privacy policy',
    clearable: true,
    aliases: ['privacyPolicyText'],
  },
  {
    key: 'description',
    resource: 'versionLocalization',
    attribute: 'description',
    label: 'description',
    limit: 4000,
    clearable: true,
    aliases: [],
  },
  {
    key: 'keywords',
    resource: 'versionLocalization',
    attribute: 'keywords',
    label: 'keywords',
    limit: 100,
    clearable: true,
    aliases: [],
  },
  {
    key: 'promotional_text',
    resource: 'versionLocalization',
    attribute: 'promotionalText',
    label: 'promotional text',
    limit: 170,
    clearable: true,
    liveEditable: true,
    aliases: ['promotionalText'],
  },
  {
    key: 'release_notes',
    resource: 'versionLocalization',
    attribute: 'whatsNew',
    label: "what's new",
    limit: 4000,
    clearable: true,
    aliases: ['whatsNew', 'whats_new'],
  },
  {
    key: 'marketing_url',
    resource: 'versionLocalization',
    attribute: 'marketingUrl',
    label: 'marketing URL',
    url: true,
    clearable: true,
    aliases: ['marketingUrl'],
  },
  {
    key: 'support_url',
    resource: 'versionLocalization',
    attribute: 'supportUrl',
    label: 'support URL',
    url: true,
    clearable: true,
    aliases: ['supportUrl'],
  },
];

/** Age rating answers are `age_rating.<question>`; App Review information is `review.<key>`. */
export const AGE_RATING_GROUP = 'age_rating';
export const REVIEW_GROUP = 'review';

/** The group a change's field is ordered by: `review.notes` → review. */
export const fieldGroup = (field: string): string => field.replace(/\..*/, '');

/** The order people read fields in (summaries, PR comments), from the field tables. */
export const FIELD_ORDER: readonly string[] = [
  VERSION_STRING.key,
  COPYRIGHT.key,
  ...CATEGORY_FIELDS.map((f) => f.key),
  AGE_RATING_GROUP,
  ...LOCALIZED_FIELDS.map((f) => f.key),
  REVIEW_GROUP,
];

/** A value that clears a field explicitly (fastlane has no way to). */
export const CLEAR_MARKER = '<clear>';

/** The canonical key for a name used in a file (fastlane stem, Apple attribute or alias). */
export function resolveFieldName<T extends { key: string; aliases: string[] }>(
  fields: readonly T[],
  name: string,
): T | undefined {
  return fields.find((f) => f.key === name || f.aliases.includes(name));
}
