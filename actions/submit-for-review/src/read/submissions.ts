/** The app's unfinished review submissions on the platform, with the version each holds. */
import {
  OPEN_REVIEW_SUBMISSION_STATES,
  linkedIds,
  listReviewSubmissions,
  type AscClient,
  type Platform,
} from '@asc-actions/core';
import type { SubmissionInfo } from '../model.js';

export async function readSubmissions(client: AscClient, appId: string, platform: Platform): Promise<SubmissionInfo[]> {
  const doc = await listReviewSubmissions(client, appId, {
    'filter[platform]': [platform],
    'filter[state]': [...OPEN_REVIEW_SUBMISSION_STATES],
    include: ['items', 'appStoreVersionForReview'],
  });
  return doc.data.map((s) => ({
    id: s.id,
    state: s.attributes?.state ?? 'UNKNOWN',
    itemCount: linkedIds(s.relationships?.items).length,
    versionId: linkedIds(s.relationships?.appStoreVersionForReview)[0],
  }));
}
