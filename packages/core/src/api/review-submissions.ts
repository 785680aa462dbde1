/**
 * App Review submissions (`reviewSubmissions`, `reviewSubmissionItems`): find the app's open
 * submissions, create one, add a version as an item, submit or cancel.
 * Live behaviour and sources: docs/evidence/releases.md §2.4–2.7.
 */
import type { AscClient } from '../http/client.js';
import { collect, type CollectedDocument, type WriteOptions } from './documents.js';
import type {
  Platform,
  ReviewSubmission,
  ReviewSubmissionCreateRequest,
  ReviewSubmissionItem,
  ReviewSubmissionItemCreateRequest,
  ReviewSubmissionResponse,
  ReviewSubmissionItemResponse,
  ReviewSubmissionsGetCollectionQuery,
  ReviewSubmissionUpdateRequest,
} from './generated/index.js';

export type ReviewSubmissionState = NonNullable<NonNullable<ReviewSubmission['attributes']>['state']>;

/** Submissions not finished: a draft, waiting, in review, or rejected and open. */
export const OPEN_REVIEW_SUBMISSION_STATES: readonly ReviewSubmissionState[] = [
  'READY_FOR_REVIEW',
  'WAITING_FOR_REVIEW',
  'IN_REVIEW',
  'UNRESOLVED_ISSUES',
  'CANCELING',
  'COMPLETING',
];

/** `GET /v1/reviewSubmissions?filter[app]=…` (`filter[app]` is required by the spec), every page. */
export function listReviewSubmissions(
  client: AscClient,
  appId: string,
  query: Omit<ReviewSubmissionsGetCollectionQuery, 'filter[app]'> = {},
): Promise<CollectedDocument<ReviewSubmission>> {
  return collect<ReviewSubmission>(client, '/v1/reviewSubmissions', { 'filter[app]': [appId], limit: 200, ...query });
}

export async function getReviewSubmission(client: AscClient, id: string): Promise<ReviewSubmission> {
  return (await client.get<ReviewSubmissionResponse>(`/v1/reviewSubmissions/${encodeURIComponent(id)}`)).data.data;
}

/** Always sends `platform`: what Apple assumes without it is unknown (docs/evidence/releases.md §2.4). */
export async function createReviewSubmission(
  client: AscClient,
  appId: string,
  platform: Platform,
  options: WriteOptions = {},
): Promise<ReviewSubmission> {
  const body: ReviewSubmissionCreateRequest = {
    data: {
      type: 'reviewSubmissions',
      attributes: { platform },
      relationships: { app: { data: { type: 'apps', id: appId } } },
    },
  };
  return (await client.post<ReviewSubmissionResponse>('/v1/reviewSubmissions', body, options)).data.data;
}

export async function addVersionToReviewSubmission(
  client: AscClient,
  submissionId: string,
  versionId: string,
  options: WriteOptions = {},
): Promise<ReviewSubmissionItem> {
  const body: ReviewSubmissionItemCreateRequest = {
    data: {
      type: 'reviewSubmissionItems',
      relationships: {
        reviewSubmission: { data: { type: 'reviewSubmissions', id: submissionId } },
        appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } },
      },
    },
  };
  return (await client.post<ReviewSubmissionItemResponse>('/v1/reviewSubmissionItems', body, options)).data.data;
}

async function updateReviewSubmission(
  client: AscClient,
  id: string,
  attributes: NonNullable<ReviewSubmissionUpdateRequest['data']['attributes']>,
  options: WriteOptions,
): Promise<ReviewSubmission> {
  const body: ReviewSubmissionUpdateRequest = { data: { type: 'reviewSubmissions', id, attributes } };
  return (
    await client.patch<ReviewSubmissionResponse>(`/v1/reviewSubmissions/${encodeURIComponent(id)}`, body, options)
  ).data.data;
}

/** `PATCH submitted: true`: the submission goes to App Review (WAITING_FOR_REVIEW). */
export function submitReviewSubmission(
  client: AscClient,
  id: string,
  options: WriteOptions = {},
): Promise<ReviewSubmission> {
  return updateReviewSubmission(client, id, { submitted: true }, options);
}

export function cancelReviewSubmission(
  client: AscClient,
  id: string,
  options: WriteOptions = {},
): Promise<ReviewSubmission> {
  return updateReviewSubmission(client, id, { canceled: true }, options);
}
