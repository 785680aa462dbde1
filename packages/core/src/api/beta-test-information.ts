/**
 * Writing TestFlight test information: the app's beta localizations (Beta App Description,
 * feedback e-mail, marketing and privacy URLs) and its one Beta App Review detail, whose id is the
 * app's id (fastlane PATCHes `/v1/betaAppReviewDetails/{appId}`).
 */
import type { AscClient } from '../http/client.js';
import type { WriteOptions } from './documents.js';
import type { BetaAppLocalization, BetaAppReviewDetail } from './generated/index.js';

export interface BetaAppLocalizationText {
  description?: string | null;
  feedbackEmail?: string | null;
  marketingUrl?: string | null;
  privacyPolicyUrl?: string | null;
}

export interface BetaAppReviewDetailText {
  contactFirstName?: string | null;
  contactLastName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  demoAccountName?: string | null;
  demoAccountPassword?: string | null;
  demoAccountRequired?: boolean;
  notes?: string | null;
}

export async function updateBetaAppLocalization(
  client: AscClient,
  id: string,
  attributes: BetaAppLocalizationText,
  options: WriteOptions = {},
): Promise<BetaAppLocalization> {
  const body = { data: { type: 'betaAppLocalizations', id, attributes } };
  return (
    await client.patch<{ data: BetaAppLocalization }>(
      `/v1/betaAppLocalizations/${encodeURIComponent(id)}`,
      body,
      options,
    )
  ).data.data;
}

export async function createBetaAppLocalization(
  client: AscClient,
  appId: string,
  locale: string,
  attributes: BetaAppLocalizationText,
  options: WriteOptions = {},
): Promise<BetaAppLocalization> {
  const body = {
    data: {
      type: 'betaAppLocalizations',
      attributes: { locale, ...attributes },
      relationships: { app: { data: { type: 'apps', id: appId } } },
    },
  };
  return (await client.post<{ data: BetaAppLocalization }>('/v1/betaAppLocalizations', body, options)).data.data;
}

export async function updateBetaAppReviewDetail(
  client: AscClient,
  appId: string,
  attributes: BetaAppReviewDetailText,
  options: WriteOptions = {},
): Promise<BetaAppReviewDetail> {
  const body = { data: { type: 'betaAppReviewDetails', id: appId, attributes } };
  return (
    await client.patch<{ data: BetaAppReviewDetail }>(
      `/v1/betaAppReviewDetails/${encodeURIComponent(appId)}`,
      body,
      options,
    )
  ).data.data;
}
