/**
 * Plans the age rating: the answers the repository gives against the declaration of the app
 * info being edited (the editable one, as deliver's set_app_rating writes). Only answers that
 * differ are sent; a declaration is app-wide, so like the categories it changes only while a
 * version is being prepared.
 */
import type { Finding } from '../model/findings.js';
import type { GlobalInput } from './globals.js';
import { AGE_RATING_GROUP } from '../model/fields.js';
import type { Change, Step, StepAttributes } from '../model/plan.js';

const text = (v: string | boolean | null | undefined): string | undefined =>
  v === undefined || v === null ? undefined : String(v);

export function planAgeRating(input: GlobalInput, findings: Finding[]): Step | undefined {
  const given = input.source.ageRating;
  if (!given) return undefined;
  const current = input.appInfo?.ageRating;
  const changes: Change[] = [];
  const attributes: StepAttributes['update-age-rating'] = {};
  for (const [question, { value, line }] of Object.entries(given.answers)) {
    const before = current?.answers[question];
    if ((before ?? null) === value) continue;
    const at = { file: given.file, line, field: `${AGE_RATING_GROUP}.${question}` };
    if (input.live) {
      findings.push({
        level: 'warning',
        code: 'live-not-editable',
        message: `${given.file}:${line}: the age rating cannot change on a live version; "${question}" was skipped.`,
        ...at,
      });
      continue;
    }
    if (!input.appInfoEditable || !current) {
      findings.push({
        level: 'error',
        code: 'not-editable',
        message: `${given.file}:${line}: the age rating can only change while a version is being prepared (the app info is not editable).`,
        ...at,
      });
      continue;
    }
    attributes[question] = value;
    changes.push({
      resource: 'ageRating',
      label: `age rating: ${question}`,
      attribute: question,
      ...(text(before) !== undefined ? { before: text(before) } : {}),
      after: text(value) ?? null,
      ...at,
    });
  }
  if (changes.length === 0) return undefined;
  return { id: 'update-age-rating:', kind: 'update-age-rating', resourceId: current!.id, attributes, changes };
}
