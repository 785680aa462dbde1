/** A plan: typed steps, each with the field changes it makes (old → new). Pure data. */
import type { Finding } from './findings.js';

export type ResourceKind =
  'appInfoLocalization' | 'versionLocalization' | 'version' | 'appInfo' | 'reviewDetail' | 'ageRating';

export interface Change {
  resource: ResourceKind;
  locale?: string;
  /** Our field key (`description`, `primary_category`, `review.notes`). */
  field: string;
  label: string;
  /** The API attribute or relationship. */
  attribute: string;
  /** undefined: not set on App Store Connect. */
  before?: string;
  /** null: cleared. */
  after: string | null;
  limit?: number;
  /** Contact details and demo credentials: never shown. */
  secret?: boolean;
  file?: string;
  line?: number;
}

export type StepKind =
  | 'create-version'
  | 'update-version'
  | 'create-app-info-localization'
  | 'update-app-info-localization'
  | 'create-version-localization'
  | 'update-version-localization'
  | 'update-categories'
  | 'update-age-rating'
  | 'create-review-detail'
  | 'update-review-detail';

export type AttributeValue = string | boolean | null;

export interface Step {
  /** Unique in a plan: `update-version-localization:de-DE`. */
  id: string;
  kind: StepKind;
  /** The resource a step updates ('' when it does not exist yet). */
  resourceId?: string;
  locale?: string;
  /** Attributes (or, for categories, relationship → category id) the request carries. */
  attributes: Record<string, AttributeValue>;
  changes: Change[];
}

export interface TargetSummary {
  appId: string;
  bundleId: string;
  appName: string;
  platform: string;
  versionString: string;
  versionState: string;
  /** The version is created by this run. */
  createVersion: boolean;
  appInfoState?: string;
  live: boolean;
}

export interface Plan {
  target: TargetSummary;
  steps: Step[];
  findings: Finding[];
  createdLocales: string[];
}

/** Every change, ordered for people: app-wide fields first, then by locale, fields in a stable order. */
export function changesOf(plan: Pick<Plan, 'steps'>): Change[] {
  const all = plan.steps.flatMap((s) => s.changes);
  const rank = (c: Change) =>
    FIELD_ORDER.indexOf(c.field.replace(/^review\..*/, 'review').replace(/^age_rating\..*/, 'age_rating'));
  return all
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.locale ?? '').localeCompare(b.c.locale ?? '') || rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

const FIELD_ORDER = [
  'version',
  'copyright',
  'primary_category',
  'primary_first_sub_category',
  'primary_second_sub_category',
  'secondary_category',
  'secondary_first_sub_category',
  'secondary_second_sub_category',
  'age_rating',
  'name',
  'subtitle',
  'privacy_url',
  'privacy_choices_url',
  'apple_tv_privacy_policy',
  'description',
  'keywords',
  'promotional_text',
  'release_notes',
  'marketing_url',
  'support_url',
  'review',
];
