/** A plan: typed steps, each with the field changes it makes (old → new). Pure data. */
import type {
  AppInfoLocalizationAttributes,
  AppStoreReviewDetailAttributes,
  AppStoreVersionAttributes,
  AppStoreVersionLocalizationAttributes,
  CategoryRelationship,
  Platform,
} from '@asc-actions/core';
import type { AgeRatingAnswer } from './age-rating.js';
import { FIELD_ORDER, fieldGroup } from './fields.js';
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

/** What each kind of step sends: the request attributes of Apple's spec (4.4.1), by kind. */
export interface StepAttributes {
  'create-version': { platform: Platform; versionString: string };
  'update-version': AppStoreVersionAttributes;
  /** A new app info localization needs its locale and a name (the planner refuses one without). */
  'create-app-info-localization': AppInfoLocalizationAttributes & { locale: string; name: string };
  'update-app-info-localization': AppInfoLocalizationAttributes;
  'create-version-localization': AppStoreVersionLocalizationAttributes & { locale: string };
  'update-version-localization': AppStoreVersionLocalizationAttributes;
  /** Relationship → category id (null clears it). */
  'update-categories': Partial<Record<CategoryRelationship, string | null>>;
  /** Question → answer, the questions of AGE_RATING_QUESTIONS (checked when the file is read). */
  'update-age-rating': Record<string, AgeRatingAnswer>;
  'create-review-detail': AppStoreReviewDetailAttributes;
  'update-review-detail': AppStoreReviewDetailAttributes;
}

export type StepKind = keyof StepAttributes;

/** One write of a plan. */
export interface StepOf<K extends StepKind> {
  /** Unique in a plan: `update-version-localization:de-DE`. */
  id: string;
  kind: K;
  /** The resource a step updates ('' when it does not exist yet). */
  resourceId?: string;
  locale?: string;
  attributes: StepAttributes[K];
  changes: Change[];
}

export type Step = { [K in StepKind]: StepOf<K> }[StepKind];

/** For `steps.find(isStep('update-categories'))`: the step, typed by its kind. */
export const isStep =
  <K extends StepKind>(kind: K) =>
  (step: Step): step is Extract<Step, { kind: K }> =>
    step.kind === kind;

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
  const rank = (c: Change) => FIELD_ORDER.indexOf(fieldGroup(c.field));
  return all
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.locale ?? '').localeCompare(b.c.locale ?? '') || rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}
