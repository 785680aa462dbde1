/** What readiness needs beyond the version: screenshots on the primary locale, the age rating. */
import {
  includedOfType,
  linkedIds,
  listAppInfos,
  listScreenshotSets,
  type AgeRatingDeclaration,
  type AscClient,
} from '@asc-actions/core';
import type { AppInfo, VersionInfo } from '../model.js';

/** The questions that have no default: an undeclared rating leaves them null. */
const AGE_RATING_QUESTIONS = [
  'violenceCartoonOrFantasy',
  'violenceRealistic',
  'profanityOrCrudeHumor',
  'sexualContentOrNudity',
  'gamblingSimulated',
  'horrorOrFearThemes',
] as const;

/** Display types with at least one screenshot on the primary locale (or the first), undefined without localizations. */
export async function readScreenshotTypes(
  client: AscClient,
  app: AppInfo,
  version: VersionInfo,
): Promise<string[] | undefined> {
  const loc = version.localizations.find((l) => l.locale === app.primaryLocale) ?? version.localizations[0];
  if (!loc) return undefined;
  const doc = await listScreenshotSets(client, loc.id, {
    include: ['appScreenshots'],
    'limit[appScreenshots]': 50,
    limit: 50,
  });
  return doc.data
    .filter((s) => linkedIds(s.relationships?.appScreenshots).length > 0)
    .map((s) => s.attributes?.screenshotDisplayType ?? '')
    .filter((t) => t !== '');
}

/** Whether the age rating questionnaire is answered, on the app info being prepared (or the live one). */
export async function readAgeRatingDeclared(client: AscClient, appId: string): Promise<boolean | undefined> {
  const doc = await listAppInfos(client, appId, { include: ['ageRatingDeclaration'] });
  const info = doc.data.find((i) => i.attributes?.state !== 'READY_FOR_DISTRIBUTION') ?? doc.data[0];
  if (!info) return undefined;
  const rating = includedOfType<AgeRatingDeclaration>(doc.included, 'ageRatingDeclarations').get(
    linkedIds(info.relationships?.ageRatingDeclaration)[0] ?? '',
  );
  const answers = (rating?.attributes ?? {}) as Record<string, unknown>;
  return rating !== undefined && AGE_RATING_QUESTIONS.every((q) => answers[q] !== undefined && answers[q] !== null);
}
