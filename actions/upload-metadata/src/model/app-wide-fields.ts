/**
 * The app-wide fields upload-metadata manages: categories (AppInfo relationships), App Review
 * information, copyright and the version string. Their file names, API names and labels, once.
 */
import type { AppStoreReviewDetailAttributes, CategoryRelationship } from '@asc-actions/core';

export type CategoryKey =
  | 'primary_category'
  | 'primary_first_sub_category'
  | 'primary_second_sub_category'
  | 'secondary_category'
  | 'secondary_first_sub_category'
  | 'secondary_second_sub_category';

export type ReviewKey =
  'first_name' | 'last_name' | 'phone_number' | 'email_address' | 'demo_user' | 'demo_password' | 'notes';

export type GlobalKey = 'copyright' | CategoryKey;

export interface CategoryField {
  key: CategoryKey;
  /** The AppInfo relationship. */
  relationship: CategoryRelationship;
  /** The category a subcategory belongs under (undefined for the two categories). */
  parent?: CategoryKey;
  label: string;
  aliases: string[];
}

export const CATEGORY_FIELDS: readonly CategoryField[] = [
  { key: 'primary_category', relationship: 'primaryCategory', label: 'primary category', aliases: ['primaryCategory'] },
  {
    key: 'primary_first_sub_category',
    relationship: 'primarySubcategoryOne',
    parent: 'primary_category',
    label: 'primary subcategory 1',
    aliases: ['primarySubcategoryOne'],
  },
  {
    key: 'primary_second_sub_category',
    relationship: 'primarySubcategoryTwo',
    parent: 'primary_category',
    label: 'primary subcategory 2',
    aliases: ['primarySubcategoryTwo'],
  },
  {
    key: 'secondary_category',
    relationship: 'secondaryCategory',
    label: 'secondary category',
    aliases: ['secondaryCategory'],
  },
  {
    key: 'secondary_first_sub_category',
    relationship: 'secondarySubcategoryOne',
    parent: 'secondary_category',
    label: 'secondary subcategory 1',
    aliases: ['secondarySubcategoryOne'],
  },
  {
    key: 'secondary_second_sub_category',
    relationship: 'secondarySubcategoryTwo',
    parent: 'secondary_category',
    label: 'secondary subcategory 2',
    aliases: ['secondarySubcategoryTwo'],
  },
];

export interface ReviewField {
  key: ReviewKey;
  attribute: Exclude<keyof AppStoreReviewDetailAttributes, 'demoAccountRequired'>;
  label: string;
  aliases: string[];
}

/** App Review information. Values are never printed: contact details and demo credentials. */
export const REVIEW_FIELDS: readonly ReviewField[] = [
  {
    key: 'first_name',
    attribute: 'contactFirstName',
    label: 'review contact first name',
    aliases: ['contactFirstName'],
  },
  { key: 'last_name', attribute: 'contactLastName', label: 'review contact last name', aliases: ['contactLastName'] },
  { key: 'phone_number', attribute: 'contactPhone', label: 'review contact phone', aliases: ['contactPhone'] },
  { key: 'email_address', attribute: 'contactEmail', label: 'review contact email', aliases: ['contactEmail'] },
  { key: 'demo_user', attribute: 'demoAccountName', label: 'demo account name', aliases: ['demoAccountName'] },
  {
    key: 'demo_password',
    attribute: 'demoAccountPassword',
    label: 'demo account password',
    aliases: ['demoAccountPassword'],
  },
  { key: 'notes', attribute: 'notes', label: 'App Review notes', aliases: [] },
];

/** A field outside the tables above, named once. */
export interface NamedField<K extends string, A extends string> {
  key: K;
  attribute: A;
  label: string;
  aliases: string[];
}

export const COPYRIGHT: NamedField<'copyright', 'copyright'> = {
  key: 'copyright',
  attribute: 'copyright',
  label: 'copyright',
  aliases: [],
};

/** The version string: set when a version is created, or renamed (`version` naming another). */
export const VERSION_STRING: NamedField<'version', 'versionString'> = {
  key: 'version',
  attribute: 'versionString',
  label: 'version string',
  aliases: [],
};
