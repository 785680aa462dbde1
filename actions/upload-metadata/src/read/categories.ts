/** Apple's category list for a platform, as id → parent id (one request, only when categories change). */
import { linkedIds, listAppCategories, type AscClient } from '@asc-actions/core';
import type { CategoryCatalog } from '../plan/category-check.js';

export async function readCategoryCatalog(client: AscClient, platform: string): Promise<CategoryCatalog> {
  const doc = await listAppCategories(client, { 'filter[platforms]': [platform] });
  const catalog = new Map<string, string | undefined>();
  for (const category of doc.data) {
    catalog.set(category.id, undefined);
    for (const sub of linkedIds(category.relationships?.subcategories)) catalog.set(sub, category.id);
  }
  return catalog;
}
