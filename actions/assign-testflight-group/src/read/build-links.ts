/**
 * One read of what hangs off the build: the groups that have it, its What to Test per locale and
 * its beta review submission (`GET /v1/builds/{id}?include=betaGroups,betaBuildLocalizations,
 * betaAppReviewSubmission`, all in the spec's include list). Used before planning and again to
 * read back. When the build is in 50 groups (Apple's `limit[betaGroups]` maximum), the groups are
 * listed in full instead.
 */
import {
  getBuild,
  includedOfType,
  linkedIds,
  listBetaGroups,
  type AscClient,
  type BetaAppReviewSubmission,
  type BetaBuildLocalization,
} from '@asc-actions/core';
import type { BuildLinks } from '../model.js';

const INCLUDE_MAX = 50;

export async function readBuildLinks(client: AscClient, appId: string, buildId: string): Promise<BuildLinks> {
  const doc = await getBuild(client, buildId, {
    'fields[builds]': ['betaGroups', 'betaBuildLocalizations', 'betaAppReviewSubmission'],
    include: ['betaGroups', 'betaBuildLocalizations', 'betaAppReviewSubmission'],
    'fields[betaGroups]': ['name'],
    'limit[betaGroups]': INCLUDE_MAX,
    'limit[betaBuildLocalizations]': INCLUDE_MAX,
  });
  const rel = doc.data.relationships ?? {};
  let groupIds = linkedIds(rel.betaGroups);
  if (groupIds.length >= INCLUDE_MAX) {
    groupIds = (
      await listBetaGroups(client, appId, { 'filter[builds]': [buildId], 'fields[betaGroups]': ['name'] })
    ).map((g) => g.id);
  }
  const notes = includedOfType<BetaBuildLocalization>(doc.included ?? [], 'betaBuildLocalizations');
  const submissions = includedOfType<BetaAppReviewSubmission>(doc.included ?? [], 'betaAppReviewSubmissions');
  const submission = submissions.get(linkedIds(rel.betaAppReviewSubmission)[0] ?? '');
  return {
    groupIds: new Set(groupIds),
    notes: linkedIds(rel.betaBuildLocalizations).flatMap((id) => {
      const l = notes.get(id);
      return l ? [{ id, locale: l.attributes?.locale ?? '', whatsNew: l.attributes?.whatsNew ?? undefined }] : [];
    }),
    submission: submission
      ? { id: submission.id, state: submission.attributes?.betaReviewState ?? 'WAITING_FOR_REVIEW' }
      : undefined,
  };
}
