/**
 * What Beta App Review needs, read before anything is written: the app's test information per
 * locale, its review contact and sign-in details, the build's existing submission, and other
 * builds of the same version that wait for (or are in) review.
 */
import {
  getBetaAppReviewDetail,
  includedOfType,
  listBetaAppLocalizations,
  listBuilds,
  maskValue,
  type AscClient,
  type BetaAppReviewSubmission,
} from '@asc-actions/core';
import type { AppInfo, BuildInfo, BuildLinks } from '../model.js';

export interface ReviewInfo {
  localizations: Array<{
    id: string;
    locale: string;
    description?: string;
    feedbackEmail?: string;
    marketingUrl?: string;
    privacyPolicyUrl?: string;
  }>;
  contact: {
    contactFirstName?: string;
    contactLastName?: string;
    contactPhone?: string;
    contactEmail?: string;
    demoAccountRequired?: boolean;
    /** Read to compare with the inputs; masked, never printed. */
    demoAccountName?: string;
    demoAccountPassword?: string;
    notes?: string;
    hasDemoAccountName: boolean;
    hasDemoAccountPassword: boolean;
  };
  /** The build's own submission, if it has one. */
  submission?: { id: string; state: string };
  /** Other unexpired builds of this version waiting for or in review. */
  othersInReview: Array<{ id: string; buildNumber: string; state: string }>;
}

async function othersInReview(client: AscClient, build: BuildInfo): Promise<ReviewInfo['othersInReview']> {
  if (!build.preReleaseVersionId) return [];
  const doc = await listBuilds(client, {
    'filter[preReleaseVersion]': [build.preReleaseVersionId],
    'filter[betaAppReviewSubmission.betaReviewState]': ['WAITING_FOR_REVIEW', 'IN_REVIEW'],
    'filter[expired]': ['false'],
    include: ['betaAppReviewSubmission'],
    'fields[builds]': ['version', 'betaAppReviewSubmission'],
    'fields[betaAppReviewSubmissions]': ['betaReviewState'],
  });
  const submissions = includedOfType<BetaAppReviewSubmission>(doc.included, 'betaAppReviewSubmissions');
  return doc.data
    .filter((b) => b.id !== build.id)
    .map((b) => {
      const sid = (b.relationships?.betaAppReviewSubmission?.data as { id?: string } | undefined)?.id ?? '';
      return {
        id: b.id,
        buildNumber: b.attributes?.version ?? '?',
        state: submissions.get(sid)?.attributes?.betaReviewState ?? 'WAITING_FOR_REVIEW',
      };
    });
}

export async function readReview(
  client: AscClient,
  app: AppInfo,
  build: BuildInfo | undefined,
  links: BuildLinks | undefined,
): Promise<ReviewInfo> {
  const localizations = (await listBetaAppLocalizations(client, app.id)).map((l) => ({
    id: l.id,
    locale: l.attributes?.locale ?? '',
    description: l.attributes?.description ?? undefined,
    feedbackEmail: l.attributes?.feedbackEmail ?? undefined,
    marketingUrl: l.attributes?.marketingUrl ?? undefined,
    privacyPolicyUrl: l.attributes?.privacyPolicyUrl ?? undefined,
  }));
  const detail = (await getBetaAppReviewDetail(client, app.id)).attributes ?? {};
  // Never printed; masked in case a log line ever came near it.
  if (detail.demoAccountPassword) maskValue(detail.demoAccountPassword);
  return {
    localizations,
    contact: {
      contactFirstName: detail.contactFirstName ?? undefined,
      contactLastName: detail.contactLastName ?? undefined,
      contactPhone: detail.contactPhone ?? undefined,
      contactEmail: detail.contactEmail ?? undefined,
      demoAccountRequired: detail.demoAccountRequired ?? undefined,
      demoAccountName: detail.demoAccountName ?? undefined,
      demoAccountPassword: detail.demoAccountPassword ?? undefined,
      notes: detail.notes ?? undefined,
      hasDemoAccountName: Boolean(detail.demoAccountName?.trim()),
      hasDemoAccountPassword: Boolean(detail.demoAccountPassword?.trim()),
    },
    submission: links?.submission,
    othersInReview: build ? await othersInReview(client, build) : [],
  };
}
