/**
 * What Beta App Review needs, read before anything is written: the app's test information per
 * locale, its review contact and sign-in details, the build's existing submission, and other
 * builds of the same version that wait for (or are in) review.
 */
import {
  getBetaAppReviewDetail,
  includedOfType,
  listBetaAppLocalizations,
  listBetaAppReviewSubmissions,
  listBuilds,
  maskValue,
  type AscClient,
  type BetaAppReviewSubmission,
} from '@asc-actions/core';
import type { BuildInfo } from '../model.js';
import type { AppInfo } from './state.js';

export interface ReviewInfo {
  localizations: Array<{ locale: string; description?: string; feedbackEmail?: string }>;
  contact: {
    contactFirstName?: string;
    contactLastName?: string;
    contactPhone?: string;
    contactEmail?: string;
    demoAccountRequired?: boolean;
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
      return { id: b.id, buildNumber: b.attributes?.version ?? '?', state: submissions.get(sid)?.attributes?.betaReviewState ?? 'WAITING_FOR_REVIEW' };
    });
}

export async function readReview(client: AscClient, app: AppInfo, build: BuildInfo | undefined): Promise<ReviewInfo> {
  const localizations = (await listBetaAppLocalizations(client, app.id)).map((l) => ({
    locale: l.attributes?.locale ?? '',
    description: l.attributes?.description,
    feedbackEmail: l.attributes?.feedbackEmail,
  }));
  const detail = (await getBetaAppReviewDetail(client, app.id)).attributes ?? {};
  // Never printed; masked in case a log line ever came near it.
  if (detail.demoAccountPassword) maskValue(detail.demoAccountPassword);
  const submissions = build ? await listBetaAppReviewSubmissions(client, [build.id]) : [];
  const own = submissions[0];
  return {
    localizations,
    contact: {
      contactFirstName: detail.contactFirstName,
      contactLastName: detail.contactLastName,
      contactPhone: detail.contactPhone,
      contactEmail: detail.contactEmail,
      demoAccountRequired: detail.demoAccountRequired,
      hasDemoAccountName: Boolean(detail.demoAccountName?.trim()),
      hasDemoAccountPassword: Boolean(detail.demoAccountPassword?.trim()),
    },
    submission: own ? { id: own.id, state: own.attributes?.betaReviewState ?? 'WAITING_FOR_REVIEW' } : undefined,
    othersInReview: build ? await othersInReview(client, build) : [],
  };
}
