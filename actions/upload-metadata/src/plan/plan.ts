/**
 * The planner (pure): what the repository says, against what App Store Connect has, gives the
 * steps that make them equal — only the differences — and every finding on the way.
 */
import type { Platform } from '@asc-actions/core';
import { VERSION_STRING } from '../model/app-wide-fields.js';
import type { Finding } from '../model/findings.js';
import type { LocalizedValues, MetadataSource } from '../model/source.js';
import type { RemoteState, RemoteVersion } from '../model/remote.js';
import { currentVersion, type Target } from './target.js';
import { planCategories, planReview, planVersionAttributes, type GlobalInput } from './globals.js';
import { lintKeywords } from './keywords.js';
import { planAgeRating } from './age-rating.js';
import { planLocale } from './localizations.js';
import type { Plan, Step, StepKind, TargetSummary } from '../model/plan.js';
import { validateSource } from './validate.js';

export interface PlanInput {
  source: MetadataSource;
  remote: RemoteState;
  target: Target;
  platform: Platform;
}

const ORDER: StepKind[] = [
  'create-version',
  'update-version',
  'update-categories',
  'update-age-rating',
  'create-app-info-localization',
  'update-app-info-localization',
  'create-version-localization',
  'update-version-localization',
  'create-review-detail',
  'update-review-detail',
];

/** Locales to plan: the repository's; with only default/, every locale App Store Connect has. */
function localesOf(source: MetadataSource, target: Target, version: RemoteVersion | undefined): string[] {
  const hadLocales = source.hadLocales ?? source.locales.size > 0;
  if (hadLocales || Object.keys(source.defaults).length === 0) return [...source.locales.keys()];
  const remote = [...(target.appInfo?.localizations ?? []), ...(version?.localizations ?? [])].map((l) => l.locale);
  return [...new Set(remote)].filter((l) => !source.localeFilter || source.localeFilter.includes(l));
}

function valuesOf(source: MetadataSource, locale: string): LocalizedValues {
  return { ...source.defaults, ...(source.locales.get(locale) ?? {}) };
}

function summary(input: PlanInput, version: RemoteVersion | undefined): TargetSummary {
  const choice = input.target.version;
  return {
    appId: input.remote.app.id,
    bundleId: input.remote.app.bundleId,
    appName: input.remote.app.name,
    platform: input.platform,
    versionString:
      choice.kind === 'create'
        ? choice.versionString
        : choice.kind === 'rename'
          ? choice.to
          : choice.version.versionString,
    versionState: choice.kind === 'create' ? 'to be created' : (version?.state ?? ''),
    createVersion: choice.kind === 'create',
    appInfoState: input.target.appInfo?.state,
    live: input.target.live,
  };
}

function planLocales(input: PlanInput, version: RemoteVersion | undefined, findings: Finding[]): Step[] {
  const { source, target } = input;
  const steps: Step[] = [];
  const versionId = version?.id ?? (target.version.kind === 'create' ? '' : undefined);
  for (const locale of localesOf(source, target, version)) {
    const values = valuesOf(source, locale);
    const remote = {
      appInfo: target.appInfo?.localizations.find((l) => l.locale === locale),
      version: version?.localizations.find((l) => l.locale === locale),
    };
    const origin = source.kind === 'folder' ? `${source.root}/${locale}` : source.root;
    if (target.live && !remote.version) {
      findings.push({
        level: 'warning',
        code: 'live-not-editable',
        message: `${locale} is not on the live version; a live version takes no new locales, so it was skipped.`,
        file: origin,
        locale,
      });
      continue;
    }
    steps.push(
      ...planLocale(
        {
          locale,
          values,
          origin,
          remote,
          appInfoId: target.appInfo?.id,
          appInfoEditable: target.appInfoEditable,
          versionId,
          firstVersion: target.firstVersion,
          live: target.live,
        },
        findings,
      ),
    );
    if (values.keywords) {
      const name = values.name?.value ?? remote.appInfo?.attributes.name;
      const subtitle = values.subtitle?.value ?? remote.appInfo?.attributes.subtitle;
      findings.push(...lintKeywords(values.keywords, locale, name ?? undefined, subtitle ?? undefined));
    }
  }
  return steps;
}

/** Updates need what's new in every locale before App Review takes them. */
function whatsNewMissing(input: PlanInput, version: RemoteVersion | undefined, steps: Step[]): Finding[] {
  if (input.target.firstVersion || input.target.live) return [];
  const planned = new Set(steps.filter((s) => s.kind.endsWith('version-localization')).map((s) => s.locale!));
  const locales = new Set([...(version?.localizations.map((l) => l.locale) ?? []), ...planned]);
  const missing = [...locales].filter((locale) => {
    const given = valuesOf(input.source, locale).release_notes;
    const current = version?.localizations.find((l) => l.locale === locale)?.attributes.whatsNew;
    return !(given ? given.value : current);
  });
  if (missing.length === 0) return [];
  const message = `What's new is empty for ${missing.sort().join(', ')}; App Review requires it for an update (add release_notes.txt).`;
  return [{ level: 'warning', code: 'whats-new-missing', message, field: 'release_notes' }];
}

export function makePlan(input: PlanInput): Plan {
  const findings: Finding[] = [...input.source.findings, ...validateSource(input.source)];
  const version = currentVersion(input.target.version);
  const choice = input.target.version;
  const global: GlobalInput = {
    source: input.source,
    version,
    renameTo: choice.kind === 'rename' ? choice.to : undefined,
    appInfo: input.target.appInfo,
    appInfoEditable: input.target.appInfoEditable,
    live: input.target.live,
  };
  const steps: Step[] = [];
  if (choice.kind === 'create') {
    const change = {
      resource: 'version' as const,
      field: VERSION_STRING.key,
      label: VERSION_STRING.label,
      attribute: VERSION_STRING.attribute,
      after: choice.versionString,
    };
    steps.push({
      id: 'create-version:',
      kind: 'create-version',
      attributes: { platform: input.platform, versionString: choice.versionString },
      changes: [change],
    });
  }
  steps.push(
    ...[
      planVersionAttributes(global, findings),
      planCategories(global, findings),
      planAgeRating(global, findings),
    ].filter((s): s is Step => s !== undefined),
  );
  steps.push(...planLocales(input, version, findings));
  const review = planReview(global, findings);
  if (review) steps.push(review);
  findings.push(...whatsNewMissing(input, version, steps));
  steps.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const createdLocales = [
    ...new Set(steps.filter((s) => s.kind.startsWith('create-') && s.locale).map((s) => s.locale!)),
  ].sort();
  return { target: summary(input, version), steps, findings, createdLocales };
}
