/** Plans the localized fields of one locale: app info localization and version localization. */
import { LOCALIZED_FIELDS, type LocalizedField, type LocalizedResource } from '../model/fields.js';
import type { Finding } from '../model/findings.js';
import type { LocalizedValues, SourceValue } from '../model/source.js';
import type { RemoteLocalization } from '../model/remote.js';
import type { AppInfoLocalizationAttributes, AppStoreVersionLocalizationAttributes } from '@asc-actions/core';
import type { Change, Step, StepAttributes, StepKind, StepOf } from '../model/plan.js';

export interface LocaleInput {
  locale: string;
  values: LocalizedValues;
  /** Where the locale lives in the repo (for "a new locale needs a name"). */
  origin: string;
  remote: { appInfo?: RemoteLocalization; version?: RemoteLocalization };
  appInfoId?: string;
  appInfoEditable: boolean;
  /** The target version exists or will (false: edit-live with nothing to create into). */
  versionId?: string;
  firstVersion: boolean;
  live: boolean;
}

const same = (before: string | undefined, after: string | null): boolean => (before ?? null) === after;

function change(field: LocalizedField, locale: string, before: string | undefined, v: SourceValue): Change {
  return {
    resource: field.resource,
    locale,
    field: field.key,
    label: field.label,
    attribute: field.attribute,
    ...(before !== undefined ? { before } : {}),
    after: v.value,
    ...(field.limit !== undefined ? { limit: field.limit } : {}),
    file: v.file,
    line: v.line,
  };
}

function warn(
  findings: Finding[],
  code: string,
  message: string,
  v: SourceValue,
  locale: string,
  field: string,
  level: Finding['level'] = 'warning',
): void {
  findings.push({ level, code, message, file: v.file, line: v.line, locale, field });
}

/** A change and the field it changes. */
interface Picked {
  field: LocalizedField;
  change: Change;
}

/** The changes of one resource kind, after the rules that drop or refuse some of them. */
function changesFor(input: LocaleInput, resource: LocalizedResource, findings: Finding[]): Picked[] {
  const remote = resource === 'appInfoLocalization' ? input.remote.appInfo : input.remote.version;
  const out: Picked[] = [];
  for (const field of LOCALIZED_FIELDS.filter((f) => f.resource === resource)) {
    const v = input.values[field.key];
    if (!v) continue;
    const before = remote?.attributes[field.attribute];
    if (field.key === 'release_notes' && input.firstVersion && v.value !== null) {
      warn(
        findings,
        'first-version-whats-new',
        `${input.locale}: what's new is not accepted on an app's first version; ${v.file} was skipped.`,
        v,
        input.locale,
        field.key,
      );
      continue;
    }
    if (!remote && v.value === null) continue;
    if (same(before, v.value)) continue;
    if (input.live && !field.liveEditable) {
      warn(
        findings,
        'live-not-editable',
        `${input.locale}: the ${field.label} of a live version cannot change (only promotional text can); ${v.file} was skipped.`,
        v,
        input.locale,
        field.key,
      );
      continue;
    }
    if (resource === 'appInfoLocalization' && !input.appInfoEditable && !input.live) {
      const message = `${input.locale}: the ${field.label} can only change while a version is being prepared (the app info is not editable); ${v.file} differs from App Store Connect.`;
      warn(findings, 'not-editable', message, v, input.locale, field.key, 'error');
      continue;
    }
    out.push({ field, change: change(field, input.locale, before, v) });
  }
  return out;
}

function appInfoAttributes(picked: readonly Picked[]): AppInfoLocalizationAttributes {
  const attributes: AppInfoLocalizationAttributes = {};
  for (const { field, change } of picked)
    if (field.resource === 'appInfoLocalization') attributes[field.attribute] = change.after;
  return attributes;
}

function versionAttributes(picked: readonly Picked[]): AppStoreVersionLocalizationAttributes {
  const attributes: AppStoreVersionLocalizationAttributes = {};
  for (const { field, change } of picked)
    if (field.resource === 'versionLocalization') attributes[field.attribute] = change.after;
  return attributes;
}

function step<K extends StepKind>(
  kind: K,
  locale: string,
  resourceId: string | undefined,
  picked: readonly Picked[],
  attributes: StepAttributes[K],
): StepOf<K> {
  return {
    id: `${kind}:${locale}`,
    kind,
    ...(resourceId !== undefined ? { resourceId } : {}),
    locale,
    attributes,
    changes: picked.map((p) => p.change),
  };
}

function appInfoStep(input: LocaleInput, findings: Finding[], newLocale: boolean): Step | undefined {
  const picked = changesFor(input, 'appInfoLocalization', findings);
  const attributes = appInfoAttributes(picked);
  const { locale } = input;
  if (input.remote.appInfo)
    return picked.length
      ? step('update-app-info-localization', locale, input.remote.appInfo.id, picked, attributes)
      : undefined;
  if (input.live || !input.appInfoEditable || !input.appInfoId) return undefined;
  const name = attributes.name;
  if (typeof name !== 'string') {
    const message = `${locale} is a new locale on App Store Connect and needs a name: add ${input.origin}/name.txt (or a name in default/).`;
    findings.push({
      level: 'error',
      code: 'new-locale-needs-name',
      message,
      file: input.origin,
      locale,
      field: 'name',
    });
    return undefined;
  }
  return newLocale || picked.length
    ? step('create-app-info-localization', locale, undefined, picked, { locale, ...attributes, name })
    : undefined;
}

function versionStep(input: LocaleInput, findings: Finding[]): Step | undefined {
  const picked = changesFor(input, 'versionLocalization', findings);
  const attributes = versionAttributes(picked);
  const { locale } = input;
  if (input.remote.version)
    return picked.length
      ? step('update-version-localization', locale, input.remote.version.id, picked, attributes)
      : undefined;
  if (input.live || input.versionId === undefined) return undefined;
  return step('create-version-localization', locale, undefined, picked, { locale, ...attributes });
}

/** Steps for one locale. A locale missing on App Store Connect gets both localizations created. */
export function planLocale(input: LocaleInput, findings: Finding[]): Step[] {
  const newLocale = !input.remote.appInfo && !input.remote.version;
  return [appInfoStep(input, findings, newLocale), versionStep(input, findings)].filter(
    (s): s is Step => s !== undefined,
  );
}
