/**
 * Checks a planned category change against Apple's category list (read from the API only when
 * categories change): the ids exist, categories are top-level, each subcategory sits under the
 * category it goes with, and the secondary category differs from the primary one.
 */
import { CATEGORY_FIELDS } from '../model/app-wide-fields.js';
import type { Finding } from '../model/findings.js';
import type { RemoteAppInfo } from '../model/remote.js';
import type { CategoryRelationship } from '@asc-actions/core';
import type { StepOf } from '../model/plan.js';

/** Category id → its parent's id (undefined for a top-level category). */
export type CategoryCatalog = ReadonlyMap<string, string | undefined>;

export function checkCategories(
  step: StepOf<'update-categories'> | undefined,
  appInfo: RemoteAppInfo | undefined,
  catalog: CategoryCatalog,
): Finding[] {
  if (!step) return [];
  const findings: Finding[] = [];
  const after = (relationship: CategoryRelationship): string | undefined =>
    relationship in step.attributes ? (step.attributes[relationship] ?? undefined) : appInfo?.categories[relationship];
  for (const change of step.changes) {
    const field = CATEGORY_FIELDS.find((f) => f.key === change.field)!;
    if (change.after === null) continue;
    const id = String(change.after);
    const at = { file: change.file, line: change.line, field: field.key };
    const fail = (code: string, message: string) =>
      findings.push({ level: 'error', code, message: `${change.file ?? field.label}: ${message}`, ...at });
    if (!catalog.has(id))
      fail('unknown-category', `"${id}" is not an App Store category (App Store Connect lists ${catalog.size} ids).`);
    else if (!field.parent && catalog.get(id) !== undefined)
      fail(
        'bad-subcategory',
        `"${id}" is a subcategory; the ${field.label} must be a category such as ${catalog.get(id)}.`,
      );
    else if (field.parent) {
      const parent = after(CATEGORY_FIELDS.find((f) => f.key === field.parent)!.relationship);
      if (catalog.get(id) !== parent)
        fail('bad-subcategory', `"${id}" is not a subcategory of ${parent ?? 'the (unset) category'}.`);
    }
  }
  const primary = after('primaryCategory');
  if (primary && primary === after('secondaryCategory')) {
    const change = step.changes.find((c) => c.attribute === 'secondaryCategory' || c.attribute === 'primaryCategory')!;
    findings.push({
      level: 'error',
      code: 'same-category',
      message: `${change.file ?? 'categories'}: the secondary category must differ from the primary category (${primary}).`,
      file: change.file,
      line: change.line,
    });
  }
  return findings;
}
