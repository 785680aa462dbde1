/**
 * Steps on review submissions: cancel a rejected one (when asked), create the draft, add the
 * version once, submit. Each is reconciled against a fresh read after an unclear answer, so
 * faults never leave two submissions or two items.
 */
import {
  AscError,
  addVersionToReviewSubmission,
  cancelReviewSubmission,
  createReviewSubmission,
  getReviewSubmission,
  linkedIds,
  listReviewSubmissions,
  submitReviewSubmission,
} from '@asc-actions/core';
import type { Step } from '../model.js';
import type { ApplyContext } from './context.js';
import { reconciled } from './reconcile.js';

async function drafts(ctx: ApplyContext): Promise<Array<{ id: string; versionId?: string; items: number }>> {
  const doc = await listReviewSubmissions(ctx.client, ctx.appId, {
    'filter[platform]': [ctx.platform],
    'filter[state]': ['READY_FOR_REVIEW'],
    include: ['items', 'appStoreVersionForReview'],
  });
  return doc.data.map((s) => ({
    id: s.id,
    versionId: linkedIds(s.relationships?.appStoreVersionForReview)[0],
    items: linkedIds(s.relationships?.items).length,
  }));
}

function submissionId(ctx: ApplyContext): string {
  if (!ctx.submissionId) throw new AscError('Internal: no review submission before an item or submit step.');
  return ctx.submissionId;
}

async function addItem(ctx: ApplyContext): Promise<void> {
  const check = async () =>
    (await drafts(ctx)).some((d) => d.id === ctx.submissionId && d.versionId === ctx.versionId) ? true : undefined;
  await reconciled(
    () => addVersionToReviewSubmission(ctx.client, submissionId(ctx), ctx.versionId!).then(() => true),
    check,
  );
}

/** Keeps the state Apple answers with, so no read-back is needed after it. */
async function submit(ctx: ApplyContext): Promise<void> {
  const id = submissionId(ctx);
  const check = async () => {
    const state = (await getReviewSubmission(ctx.client, id)).attributes?.state;
    return state !== undefined && state !== 'READY_FOR_REVIEW' ? state : undefined;
  };
  ctx.submittedState = await reconciled(
    () => submitReviewSubmission(ctx.client, id).then((s) => s.attributes?.state ?? ''),
    check,
  );
}

export async function runSubmissionStep(ctx: ApplyContext, step: Step): Promise<boolean> {
  switch (step.kind) {
    case 'cancel-submission': {
      const check = async () =>
        (await getReviewSubmission(ctx.client, step.submissionId)).attributes?.state === 'UNRESOLVED_ISSUES'
          ? undefined
          : true;
      await reconciled(() => cancelReviewSubmission(ctx.client, step.submissionId).then(() => true), check);
      return true;
    }
    case 'create-submission': {
      const found = async () => (await drafts(ctx))[0]?.id;
      ctx.submissionId = await reconciled(
        () => createReviewSubmission(ctx.client, ctx.appId, ctx.platform).then((s) => s.id),
        found,
      );
      return true;
    }
    case 'add-item':
      await addItem(ctx);
      return true;
    case 'submit':
      await submit(ctx);
      return true;
    default:
      return false;
  }
}
