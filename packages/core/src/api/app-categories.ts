/** App Store categories and their subcategories (`GET /v1/appCategories`). */
import type { Query } from '../http/types.js';
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument } from './documents.js';
import type { AppCategory } from './generated/index.js';

/** Top-level categories with their subcategories included (Apple has at most ~20 per category). */
export function listAppCategories(client: AscClient, query: Query = {}): Promise<CollectedDocument<AppCategory>> {
  return collect<AppCategory>(client, '/v1/appCategories', {
    'exists[parent]': false,
    include: ['subcategories'],
    'limit[subcategories]': 50,
    ...query,
  });
}
