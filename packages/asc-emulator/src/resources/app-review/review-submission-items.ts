/**
 * Review submission items: `POST /v1/reviewSubmissionItems` (an App Store version; other item
 * kinds answer 501), `DELETE /v1/reviewSubmissionItems/{id}`.
 *
 * Fidelity (docs/evidence/releases.md §2.5, §2.7):
 * - a version already in another open submission answers 409 "… was already added to another
 *   reviewSubmission with id X" (the text asc's `prepareReviewSubmissionForCreate` matches to
 *   find and reuse X; moderate); adding it to the same submission twice answers the same 409;
 * - a version that is not ready answers 409 STATE_ERROR.ENTITY_STATE_INVALID with
 *   `meta.associatedErrors` (version-readiness.ts);
 * - items can be added or removed only while the submission is READY_FOR_REVIEW;
 * - after the item is added the version is READY_FOR_REVIEW (fastlane waits for exactly this,
 *   `submit_for_review.rb`), which is not an editable state: edits go before the item.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { invalidRelationship, notImplemented, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { linkChild, unlinkChild } from '../app-store/links.js';
import { isEditableVersion } from '../app-store/app-store-versions.js';
import { itemsOf, setVersionState } from './review-clock.js';
import { OPEN_STATES, reviewReply, tickReviews } from './review-submissions.js';
import { checkVersionReady } from './version-readiness.js';

const itemsType: ResourceType = {
  type: 'reviewSubmissionItems',
  relationships: { appStoreVersion: { type: 'appStoreVersions' } },
};

function linked(ctx: HandlerContext, name: string, type: string): ResourceRecord | undefined {
  const rel = bodyData(ctx).relationships?.[name];
  if (!rel) return undefined;
  const id = (rel.data as Linkage | undefined)?.id;
  const record = id ? ctx.state.get(type, id) : undefined;
  if (!record)
    throw invalidRelationship(
      `/data/relationships/${name}`,
      `There is no resource of type '${type}' with id '${String(id)}'`,
    );
  return record;
}

function checkNotElsewhere(ctx: HandlerContext, version: ResourceRecord): void {
  for (const submission of ctx.state.all('reviewSubmissions')) {
    if (!OPEN_STATES.includes(String(submission.attributes.state))) continue;
    if (itemsOf(ctx.state, submission).some((i) => ctx.state.relatedId(i, 'appStoreVersion') === version.id)) {
      throw stateError(
        `appStoreVersions with id '${version.id}' was already added to another reviewSubmission with id '${submission.id}'`,
      );
    }
  }
}

function create(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const data = bodyData(ctx);
  checkAllowedAttributes(data.attributes ?? {}, [], 'CREATE');
  const others = Object.keys(data.relationships ?? {}).filter(
    (n) => n !== 'reviewSubmission' && n !== 'appStoreVersion',
  );
  if (others.length) throw notImplemented(`review submission items of kind ${others.join(', ')}`);
  const submission = linked(ctx, 'reviewSubmission', 'reviewSubmissions');
  const version = linked(ctx, 'appStoreVersion', 'appStoreVersions');
  if (!submission)
    throw invalidRelationship(
      '/data/relationships/reviewSubmission',
      "You must provide a value for the relationship 'reviewSubmission'",
    );
  if (!version) throw invalidRelationship('/data/relationships/appStoreVersion', 'An item needs an appStoreVersion.');
  if (submission.attributes.state !== 'READY_FOR_REVIEW')
    throw stateError(
      `reviewSubmission with id '${submission.id}' is ${String(submission.attributes.state)}; items cannot be added.`,
    );
  if (
    ctx.state.relatedId(version, 'app') !== ctx.state.relatedId(submission, 'app') ||
    version.attributes.platform !== submission.attributes.platform
  ) {
    throw invalidRelationship(
      '/data/relationships/appStoreVersion',
      `appStoreVersions with id '${version.id}' does not belong to the app and platform of the reviewSubmission.`,
    );
  }
  checkNotElsewhere(ctx, version);
  if (!isEditableVersion(version))
    throw stateError(
      `appStoreVersions with id '${version.id}' is ${String(version.attributes.appVersionState)} and cannot be submitted for review.`,
    );
  checkVersionReady(ctx.state, version);
  const item = ctx.state.create('reviewSubmissionItems', {
    attributes: { state: 'READY_FOR_REVIEW' },
    relationships: {
      reviewSubmission: { type: 'reviewSubmissions', id: submission.id },
      appStoreVersion: { type: 'appStoreVersions', id: version.id },
    },
  });
  linkChild(submission, 'items', item);
  submission.relationships.appStoreVersionForReview = { type: 'appStoreVersions', id: version.id };
  setVersionState(version, 'READY_FOR_REVIEW');
  return reviewReply(ctx, item, 201);
}

function remove(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const item = requireResource(ctx, 'reviewSubmissionItems', ctx.params.id ?? '');
  const submission = ctx.state.get('reviewSubmissions', ctx.state.relatedId(item, 'reviewSubmission') ?? '');
  if (submission && submission.attributes.state !== 'READY_FOR_REVIEW')
    throw stateError(
      `reviewSubmission with id '${submission.id}' is ${String(submission.attributes.state)}; items cannot be removed.`,
    );
  const version = ctx.state.get('appStoreVersions', ctx.state.relatedId(item, 'appStoreVersion') ?? '');
  if (version?.attributes.appVersionState === 'READY_FOR_REVIEW') setVersionState(version, 'PREPARE_FOR_SUBMISSION');
  if (submission) {
    unlinkChild(submission, 'items', item);
    if (ctx.state.relatedId(submission, 'appStoreVersionForReview') === version?.id)
      delete submission.relationships.appStoreVersionForReview;
  }
  ctx.state.remove('reviewSubmissionItems', item.id);
  return { status: 204 };
}

export const reviewSubmissionItemsFamily: ResourceFamily = {
  name: 'reviewSubmissionItems',
  types: [itemsType],
  routes: [
    { method: 'POST', path: '/v1/reviewSubmissionItems', handler: create },
    { method: 'DELETE', path: '/v1/reviewSubmissionItems/{id}', handler: remove },
  ],
};
