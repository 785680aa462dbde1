/**
 * TestFlight test information and Beta App Review: What to Test per build (betaBuildLocalizations),
 * the app's beta localizations and review detail, and review submissions.
 */
import type { AscClient } from '../http/client.js';
import { collect, type WriteOptions } from './documents.js';
import type {
  BetaAppLocalization,
  BetaAppReviewDetail,
  BetaAppReviewDetailWithoutIncludesResponse,
  BetaAppReviewSubmission,
  BetaAppReviewSubmissionCreateRequest,
  BetaAppReviewSubmissionResponse,
  BetaBuildLocalization,
  BetaBuildLocalizationCreateRequest,
  BetaBuildLocalizationResponse,
  BetaBuildLocalizationUpdateRequest,
} from './generated/index.js';

export async function listBetaBuildLocalizations(client: AscClient, buildId: string): Promise<BetaBuildLocalization[]> {
  return (
    await collect<BetaBuildLocalization>(client, `/v1/builds/${encodeURIComponent(buildId)}/betaBuildLocalizations`)
  ).data;
}

export async function createBetaBuildLocalization(
  client: AscClient,
  buildId: string,
  locale: string,
  whatsNew: string,
  options: WriteOptions = {},
): Promise<BetaBuildLocalization> {
  const body: BetaBuildLocalizationCreateRequest = {
    data: {
      type: 'betaBuildLocalizations',
      attributes: { locale, whatsNew },
      relationships: { build: { data: { type: 'builds', id: buildId } } },
    },
  };
  return (await client.post<BetaBuildLocalizationResponse>('/v1/betaBuildLocalizations', body, options)).data.data;
}

export async function updateBetaBuildLocalization(
  client: AscClient,
  id: string,
  whatsNew: string,
  options: WriteOptions = {},
): Promise<BetaBuildLocalization> {
  const body: BetaBuildLocalizationUpdateRequest = {
    data: { type: 'betaBuildLocalizations', id, attributes: { whatsNew } },
  };
  return (
    await client.patch<BetaBuildLocalizationResponse>(
      `/v1/betaBuildLocalizations/${encodeURIComponent(id)}`,
      body,
      options,
    )
  ).data.data;
}

/** The app's TestFlight test information per locale (Beta App Description, feedback e-mail …). */
export async function listBetaAppLocalizations(client: AscClient, appId: string): Promise<BetaAppLocalization[]> {
  return (await collect<BetaAppLocalization>(client, `/v1/apps/${encodeURIComponent(appId)}/betaAppLocalizations`))
    .data;
}

/** The app's Beta App Review contact and sign-in information. */
export async function getBetaAppReviewDetail(client: AscClient, appId: string): Promise<BetaAppReviewDetail> {
  return (
    await client.get<BetaAppReviewDetailWithoutIncludesResponse>(
      `/v1/apps/${encodeURIComponent(appId)}/betaAppReviewDetail`,
    )
  ).data.data;
}

/** Review submissions of these builds (`filter[build]` is required by the API). */
export async function listBetaAppReviewSubmissions(
  client: AscClient,
  buildIds: string[],
): Promise<BetaAppReviewSubmission[]> {
  return (await collect<BetaAppReviewSubmission>(client, '/v1/betaAppReviewSubmissions', { 'filter[build]': buildIds }))
    .data;
}

export async function submitForBetaReview(
  client: AscClient,
  buildId: string,
  options: WriteOptions = {},
): Promise<BetaAppReviewSubmission> {
  const body: BetaAppReviewSubmissionCreateRequest = {
    data: { type: 'betaAppReviewSubmissions', relationships: { build: { data: { type: 'builds', id: buildId } } } },
  };
  return (await client.post<BetaAppReviewSubmissionResponse>('/v1/betaAppReviewSubmissions', body, options)).data.data;
}
