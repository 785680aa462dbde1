/** Plans the non-localized fields: copyright and version string, categories, App Review information. */
import { canonicalCategory } from '../model/categories.js';
import type { AppStoreReviewDetailAttributes } from '@asc-actions/core';
import {
  CATEGORY_FIELDS,
  COPYRIGHT,
  REVIEW_FIELDS,
  VERSION_STRING,
  type CategoryField,
} from '../model/app-wide-fields.js';
import { REVIEW_GROUP } from '../model/fields.js';
import type { Finding } from '../model/findings.js';
import type { MetadataSource, SourceValue } from '../model/source.js';
import type { RemoteAppInfo, RemoteVersion } from '../model/remote.js';
import type { Change, Step, StepAttributes } from '../model/plan.js';

export interface GlobalInput {
  source: MetadataSource;
  version?: RemoteVersion;
  /** A new version string for the editable version (`create-version` renaming it). */
  renameTo?: string;
  appInfo?: RemoteAppInfo;
  appInfoEditable: boolean;
  live: boolean;
}

function skipLive(findings: Finding[], label: string, v: SourceValue): void {
  findings.push({
    level: 'warning',
    code: 'live-not-editable',
    message: `The ${label} of a live version cannot change; ${v.file} was skipped.`,
    file: v.file,
    line: v.line,
    field: label,
  });
}

export function planVersionAttributes(input: GlobalInput, findings: Finding[]): Step | undefined {
  const changes: Change[] = [];
  const attributes: StepAttributes['update-version'] = {};
  const v = input.source.global.copyright;
  const before = input.version?.copyright;
  if (v && (before ?? null) !== v.value && !(before === undefined && v.value === null)) {
    if (input.live) skipLive(findings, COPYRIGHT.label, v);
    else {
      attributes[COPYRIGHT.attribute] = v.value;
      changes.push({
        resource: 'version',
        field: COPYRIGHT.key,
        label: COPYRIGHT.label,
        attribute: COPYRIGHT.attribute,
        ...(before !== undefined ? { before } : {}),
        after: v.value,
        file: v.file,
        line: v.line,
      });
    }
  }
  if (input.renameTo && input.version) {
    attributes[VERSION_STRING.attribute] = input.renameTo;
    changes.push({
      resource: 'version',
      field: VERSION_STRING.key,
      label: VERSION_STRING.label,
      attribute: VERSION_STRING.attribute,
      before: input.version.versionString,
      after: input.renameTo,
    });
  }
  if (changes.length === 0) return undefined;
  return { id: 'update-version:', kind: 'update-version', resourceId: input.version?.id ?? '', attributes, changes };
}

/** A category file's value as Apple's id; null clears; undefined: refused (a finding says why). */
function categoryId(field: CategoryField, v: SourceValue, findings: Finding[]): string | null | undefined {
  if (v.value === null) return null;
  const at = { file: v.file, line: v.line, field: field.key };
  const canonical = canonicalCategory(v.value, field.parent !== undefined);
  if (!canonical.id) {
    findings.push({
      level: 'error',
      code: 'unknown-category',
      message: `${v.file}: "${v.value}" is not an App Store category id (e.g. PRODUCTIVITY, GAMES_PUZZLE).`,
      ...at,
    });
    return undefined;
  }
  if (canonical.legacy) {
    findings.push({
      level: 'warning',
      code: 'legacy-category',
      message: `${v.file}: "${v.value}" is fastlane's old iTunes Connect spelling; use ${canonical.id}.`,
      ...at,
    });
  }
  return canonical.id;
}

/**
 * What each category relationship should be. As deliver does, a category that is given sets
 * its two subcategories too: to the value given, or to none (a stale subcategory left under a
 * new category is refused by Apple). A cleared category clears its subcategories.
 */
function wantedCategories(
  input: GlobalInput,
  findings: Finding[],
): Map<CategoryField, { id: string | null; v?: SourceValue }> {
  const wanted = new Map<CategoryField, { id: string | null; v?: SourceValue }>();
  for (const field of CATEGORY_FIELDS) {
    const v = input.source.global[field.key];
    if (!v) continue;
    const id = categoryId(field, v, findings);
    if (id !== undefined) wanted.set(field, { id, v });
  }
  for (const parent of CATEGORY_FIELDS.filter((f) => !f.parent)) {
    const set = wanted.get(parent);
    if (!set) continue;
    for (const sub of CATEGORY_FIELDS.filter((f) => f.parent === parent.key)) {
      const given = wanted.get(sub);
      if (set.id === null && given?.id) {
        findings.push({
          level: 'error',
          code: 'bad-subcategory',
          message: `${given.v!.file}: the ${sub.label} cannot be set while ${set.v!.file} clears the ${parent.label}.`,
          file: given.v!.file,
          line: given.v!.line,
          field: sub.key,
        });
      }
      if (!given || set.id === null) wanted.set(sub, { id: null, v: given?.v ?? set.v });
    }
  }
  return wanted;
}

export function planCategories(input: GlobalInput, findings: Finding[]): Step | undefined {
  const changes: Change[] = [];
  const attributes: StepAttributes['update-categories'] = {};
  for (const [field, { id, v }] of wantedCategories(input, findings)) {
    const before = input.appInfo?.categories[field.relationship];
    if ((before ?? null) === id) continue;
    const source = v!;
    if (input.live) skipLive(findings, field.label, source);
    else if (!input.appInfoEditable || !input.appInfo) {
      findings.push({
        level: 'error',
        code: 'not-editable',
        message: `The ${field.label} can only change while a version is being prepared (the app info is not editable).`,
        file: source.file,
        line: source.line,
        field: field.key,
      });
    } else {
      attributes[field.relationship] = id;
      changes.push({
        resource: 'appInfo',
        field: field.key,
        label: field.label,
        attribute: field.relationship,
        ...(before ? { before } : {}),
        after: id,
        file: source.file,
        line: source.line,
      });
    }
  }
  if (changes.length === 0) return undefined;
  const primaryCleared = changes.find((c) => c.attribute === 'primaryCategory' && c.after === null);
  if (primaryCleared) {
    findings.push({
      level: 'warning',
      code: 'primary-category-cleared',
      message: `${primaryCleared.file}: the primary category is cleared; App Review needs one before the version can be submitted.`,
      file: primaryCleared.file,
      line: primaryCleared.line,
      field: 'primary_category',
    });
  }
  return {
    id: 'update-categories:',
    kind: 'update-categories',
    resourceId: input.appInfo!.id,
    attributes,
    changes,
  };
}

/**
 * demoAccountRequired follows the demo account, as deliver's set_review_information does
 * (required only when both a name and a password are set): blank demo files, as
 * `deliver download_metadata` writes them for apps without sign-in, turn it off; missing files
 * change nothing.
 */
function demoRequired(input: GlobalInput, attributes: AppStoreReviewDetailAttributes): boolean | undefined {
  const review = input.source.review;
  const blank = input.source.blankReview;
  const mentioned = (key: 'demo_user' | 'demo_password') => review[key] !== undefined || blank.includes(key);
  if (!mentioned('demo_user') && !mentioned('demo_password')) return undefined;
  const current = input.version?.reviewDetail?.attributes ?? {};
  const value = (key: 'demo_user' | 'demo_password', attribute: 'demoAccountName' | 'demoAccountPassword') =>
    blank.includes(key) ? '' : attribute in attributes ? attributes[attribute] : current[attribute];
  const required =
    Boolean(value('demo_user', 'demoAccountName')) && Boolean(value('demo_password', 'demoAccountPassword'));
  return current.demoAccountRequired === required ? undefined : required;
}

export function planReview(input: GlobalInput, findings: Finding[]): Step | undefined {
  const current = input.version?.reviewDetail;
  const changes: Change[] = [];
  const attributes: AppStoreReviewDetailAttributes = {};
  for (const field of REVIEW_FIELDS) {
    const v = input.source.review[field.key];
    if (!v) continue;
    const before = current?.attributes[field.attribute];
    if ((typeof before === 'string' ? before : null) === v.value) continue;
    if (input.live) skipLive(findings, field.label, v);
    else {
      attributes[field.attribute] = v.value;
      changes.push({
        resource: 'reviewDetail',
        field: `${REVIEW_GROUP}.${field.key}`,
        label: field.label,
        attribute: field.attribute,
        ...(typeof before === 'string' ? { before } : {}),
        after: v.value,
        secret: true,
        file: v.file,
        line: v.line,
      });
    }
  }
  const required = demoRequired(input, attributes);
  if (required !== undefined && !input.live) {
    attributes.demoAccountRequired = required;
    const before = current?.attributes.demoAccountRequired;
    const file =
      (input.source.review.demo_password ?? input.source.review.demo_user)?.file ??
      `${input.source.root}/review_information`;
    changes.push({
      resource: 'reviewDetail',
      field: `${REVIEW_GROUP}.demo_account_required`,
      label: 'sign-in required',
      attribute: 'demoAccountRequired',
      ...(typeof before === 'boolean' ? { before: String(before) } : {}),
      after: String(required),
      file,
    });
  }
  if (Object.keys(attributes).length === 0) return undefined;
  if (current)
    return { id: 'update-review-detail:', kind: 'update-review-detail', resourceId: current.id, attributes, changes };
  return { id: 'create-review-detail:', kind: 'create-review-detail', attributes, changes };
}
