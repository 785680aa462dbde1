/** Plans the non-localized fields: copyright and version string, categories, App Review information. */
import { canonicalCategory } from '../categories.js';
import { CATEGORY_FIELDS, COPYRIGHT, REVIEW_FIELDS, type CategoryField } from '../fields.js';
import type { Finding } from '../findings.js';
import type { MetadataSource, SourceValue } from '../source/model.js';
import type { RemoteAppInfo, RemoteVersion } from '../remote/model.js';
import type { Change, Step } from './model.js';

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
  findings.push({ level: 'warning', code: 'live-not-editable', message: `The ${label} of a live version cannot change; ${v.file} was skipped.`, file: v.file, line: v.line, field: label });
}

export function planVersionAttributes(input: GlobalInput, findings: Finding[]): Step | undefined {
  const changes: Change[] = [];
  const v = input.source.global.copyright;
  const before = input.version?.copyright;
  if (v && (before ?? null) !== v.value && !(before === undefined && v.value === null)) {
    if (input.live) skipLive(findings, COPYRIGHT.label, v);
    else changes.push({ resource: 'version', field: 'copyright', label: 'copyright', attribute: 'copyright', ...(before !== undefined ? { before } : {}), after: v.value, file: v.file, line: v.line });
  }
  if (input.renameTo && input.version) {
    changes.push({ resource: 'version', field: 'version', label: 'version string', attribute: 'versionString', before: input.version.versionString, after: input.renameTo });
  }
  if (changes.length === 0) return undefined;
  const attributes: Step['attributes'] = Object.fromEntries(changes.map((c) => [c.attribute, c.after]));
  return { id: 'update-version:', kind: 'update-version', resourceId: input.version?.id ?? '', attributes, changes };
}

function categoryChange(field: CategoryField, v: SourceValue, input: GlobalInput, findings: Finding[]): Change | undefined {
  const at = { file: v.file, line: v.line, field: field.key };
  if (v.value === null) {
    findings.push({ level: 'error', code: 'cannot-clear', message: `The ${field.label} cannot be cleared through the App Store Connect API; remove ${v.file} or change the category in App Store Connect.`, ...at });
    return undefined;
  }
  const canonical = canonicalCategory(v.value, field.parent !== undefined);
  if (!canonical.id) {
    findings.push({ level: 'error', code: 'unknown-category', message: `${v.file}: "${v.value}" is not an App Store category id (e.g. PRODUCTIVITY, GAMES_PUZZLE).`, ...at });
    return undefined;
  }
  if (canonical.legacy) {
    findings.push({ level: 'warning', code: 'legacy-category', message: `${v.file}: "${v.value}" is fastlane's old iTunes Connect spelling; use ${canonical.id}.`, ...at });
  }
  const before = input.appInfo?.categories[field.relationship];
  if (before === canonical.id) return undefined;
  return { resource: 'appInfo', field: field.key, label: field.label, attribute: field.relationship, ...(before ? { before } : {}), after: canonical.id, file: v.file, line: v.line };
}

export function planCategories(input: GlobalInput, findings: Finding[]): Step | undefined {
  const changes: Change[] = [];
  for (const field of CATEGORY_FIELDS) {
    const v = input.source.global[field.key];
    if (!v) continue;
    const c = categoryChange(field, v, input, findings);
    if (!c) continue;
    if (input.live) skipLive(findings, field.label, v);
    else if (!input.appInfoEditable || !input.appInfo) {
      findings.push({ level: 'error', code: 'not-editable', message: `The ${field.label} can only change while a version is being prepared (the app info is not editable).`, file: v.file, line: v.line, field: field.key });
    } else changes.push(c);
  }
  if (changes.length === 0) return undefined;
  return { id: 'update-categories:', kind: 'update-categories', resourceId: input.appInfo!.id, attributes: Object.fromEntries(changes.map((c) => [c.attribute, c.after])), changes };
}

/** demoAccountRequired follows the demo account: required when a name and a password are set. */
function demoRequired(input: GlobalInput, attributes: Step['attributes']): boolean | undefined {
  const review = input.source.review;
  if (!review.demo_user && !review.demo_password) return undefined;
  const current = input.version?.reviewDetail?.attributes ?? {};
  const name = 'demoAccountName' in attributes ? attributes.demoAccountName : current.demoAccountName;
  const password = 'demoAccountPassword' in attributes ? attributes.demoAccountPassword : current.demoAccountPassword;
  const required = Boolean(name) && Boolean(password);
  return current.demoAccountRequired === required ? undefined : required;
}

export function planReview(input: GlobalInput, findings: Finding[]): Step | undefined {
  const current = input.version?.reviewDetail;
  const changes: Change[] = [];
  for (const field of REVIEW_FIELDS) {
    const v = input.source.review[field.key];
    if (!v) continue;
    const before = current?.attributes[field.attribute];
    if ((typeof before === 'string' ? before : null) === v.value) continue;
    if (input.live) skipLive(findings, field.label, v);
    else changes.push({ resource: 'reviewDetail', field: `review.${field.key}`, label: field.label, attribute: field.attribute, ...(typeof before === 'string' ? { before } : {}), after: v.value, secret: true, file: v.file, line: v.line });
  }
  const attributes: Step['attributes'] = Object.fromEntries(changes.map((c) => [c.attribute, c.after]));
  const required = demoRequired(input, attributes);
  if (required !== undefined && !input.live) attributes.demoAccountRequired = required;
  if (Object.keys(attributes).length === 0) return undefined;
  if (current) return { id: 'update-review-detail:', kind: 'update-review-detail', resourceId: current.id, attributes, changes };
  return { id: 'create-review-detail:', kind: 'create-review-detail', attributes, changes };
}
