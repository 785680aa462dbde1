/** Plans the localized fields of one locale: app info localization and version localization. */
import { LOCALIZED_FIELDS, type LocalizedField, type LocalizedResource } from '../model/fields.js';
import type { Finding } from '../model/findings.js';
import type { LocalizedValues, SourceValue } from '../model/source.js';
import type { RemoteLocalization } from '../model/remote.js';
import type { Change, Step } from '../model/plan.js';

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

/** The changes of one resource kind, after the rules that drop or refuse some of them. */
function changesFor(input: LocaleInput, resource: LocalizedResource, findings: Finding[]): Change[] {
  const remote = resource === 'appInfoLocalization' ? input.remote.appInfo : input.remote.version;
  const out: Change[] = [];
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
    out.push(change(field, input.locale, before, v));
  }
  return out;
}

function step(
  kind: Step['kind'],
  locale: string,
  resourceId: string | undefined,
  changes: Change[],
  creating: boolean,
): Step {
  const attributes: Step['attributes'] = creating ? { locale } : {};
  for (const c of changes) attributes[c.attribute] = c.after;
  return {
    id: `${kind}:${locale}`,
    kind,
    ...(resourceId !== undefined ? { resourceId } : {}),
    locale,
    attributes,
    changes,
  };
}

function appInfoStep(input: LocaleInput, findings: Finding[], newLocale: boolean): Step | undefined {
  const changes = changesFor(input, 'appInfoLocalization', findings);
  if (input.remote.appInfo)
    return changes.length
      ? step('update-app-info-localization', input.locale, input.remote.appInfo.id, changes, false)
      : undefined;
  if (input.live || !input.appInfoEditable || !input.appInfoId) return undefined;
  if (!changes.some((c) => c.field === 'name' && c.after !== null)) {
    const message = `${input.locale} is a new locale on App Store Connect and needs a name: add ${input.origin}/name.txt (or a name in default/).`;
    findings.push({
      level: 'error',
      code: 'new-locale-needs-name',
      message,
      file: input.origin,
      locale: input.locale,
      field: 'name',
    });
    return undefined;
  }
  return newLocale || changes.length
    ? step('create-app-info-localization', input.locale, undefined, changes, true)
    : undefined;
}

function versionStep(input: LocaleInput, findings: Finding[]): Step | undefined {
  const changes = changesFor(input, 'versionLocalization', findings);
  if (input.remote.version)
    return changes.length
      ? step('update-version-localization', input.locale, input.remote.version.id, changes, false)
      : undefined;
  if (input.live || input.versionId === undefined) return undefined;
  return step('create-version-localization', input.locale, undefined, changes, true);
}

/** Steps for one locale. A locale missing on App Store Connect gets both localizations created. */
export function planLocale(input: LocaleInput, findings: Finding[]): Step[] {
  const newLocale = !input.remote.appInfo && !input.remote.version;
  return [appInfoStep(input, findings, newLocale), versionStep(input, findings)].filter(
    (s): s is Step => s !== undefined,
  );
}
