/**
 * Review submissions: `GET /v1/reviewSubmissions` (`filter[app]` required by the spec),
 * `GET /v1/apps/{id}/reviewSubmissions`, `POST`, `GET|PATCH /v1/reviewSubmissions/{id}`
 * (`submitted: true`, `canceled: true`), `GET /v1/reviewSubmissions/{id}/items`.
 *
 * Fidelity (docs/evidence/releases.md §2.4–2.6):
 * - at most one unsubmitted (READY_FOR_REVIEW) submission per app and platform: a second POST
 *   answers 409 (smbcloud-ascapi-aso crate docs; fastlane and asc both reuse the draft; moderate);
 * - `platform` is optional in the spec ("no longer required"); what Apple assumes without it is
 *   unknown, so the emulator takes IOS, as App Store Connect's default platform;
 * - submitting a submission that is not READY_FOR_REVIEW (submitting twice) or holds no items
 *   answers 409 STATE_ERROR (the spec lists 409; the texts are the emulator's);
 * - `canceled: true` goes through CANCELING (spec enum) to COMPLETE on the next read; the
 *   versions go back to DEVELOPER_REJECTED, which is editable (fastlane's editable states).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { childrenOf } from '../app-store/links.js';
import { itemsOf, refreshReviews, setVersionState, startReview, stopReview, versionsOf } from './review-clock.js';

export const OPEN_STATES = ['READY_FOR_REVIEW', 'WAITING_FOR_REVIEW', 'IN_REVIEW', 'UNRESOLVED_ISSUES'];

const submissionsType: ResourceType = {
  type: 'reviewSubmissions',
  relationships: {
    app: { type: 'apps' },
    items: { type: 'reviewSubmissionItems', many: true },
    appStoreVersionForReview: { type: 'appStoreVersions' },
  },
};

export function reviewReply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  return {
    status,
    json: singleDocument(record, { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state }),
  };
}

/** Call first in every App Review handler (and in version reads): brings review states to the clock. */
export function tickReviews(ctx: HandlerContext): void {
  refreshReviews(ctx.state, ctx.now());
}

function create(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['platform'], 'CREATE');
  const appId = (data.relationships?.app?.data as Linkage | undefined)?.id;
  const app = appId ? ctx.state.get('apps', appId) : undefined;
  if (!app)
    throw invalidRelationship(
      '/data/relationships/app',
      `There is no resource of type 'apps' with id '${String(appId)}'`,
    );
  const platform = attributes.platform ?? 'IOS';
  const draft = childrenOf(ctx.state, 'reviewSubmissions', 'app', app.id).find(
    (s) => s.attributes.platform === platform && s.attributes.state === 'READY_FOR_REVIEW',
  );
  if (draft)
    throw stateError(
      `A reviewSubmission with id '${draft.id}' for this app and platform is not yet submitted; add items to it instead.`,
    );
  const record = ctx.state.create('reviewSubmissions', {
    attributes: { platform, state: 'READY_FOR_REVIEW' },
    relationships: { app: { type: 'apps', id: app.id }, items: [] },
  });
  return reviewReply(ctx, record, 201);
}

function submit(ctx: HandlerContext, submission: ResourceRecord): void {
  if (submission.attributes.state !== 'READY_FOR_REVIEW') {
    throw stateError(
      `reviewSubmission with id '${submission.id}' is ${String(submission.attributes.state)} and cannot be submitted.`,
    );
  }
  const versions = versionsOf(ctx.state, submission);
  if (itemsOf(ctx.state, submission).length === 0)
    throw stateError(`reviewSubmission with id '${submission.id}' has no items to submit.`);
  submission.attributes.state = 'WAITING_FOR_REVIEW';
  submission.attributes.submittedDate = new Date(ctx.now()).toISOString();
  for (const v of versions) setVersionState(v, 'WAITING_FOR_REVIEW');
  startReview(ctx.state, submission, ctx.now());
}

function cancel(ctx: HandlerContext, submission: ResourceRecord): void {
  if (!OPEN_STATES.includes(String(submission.attributes.state))) {
    throw stateError(
      `reviewSubmission with id '${submission.id}' is ${String(submission.attributes.state)} and cannot be canceled.`,
    );
  }
  if (submission.attributes.state === 'IN_REVIEW')
    throw stateError(`reviewSubmission with id '${submission.id}' is in review and cannot be canceled now.`);
  submission.attributes.state = 'CANCELING';
  for (const v of versionsOf(ctx.state, submission)) setVersionState(v, 'DEVELOPER_REJECTED');
  stopReview(ctx.state, submission);
}

function update(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const id = ctx.params.id ?? '';
  const submission = requireResource(ctx, 'reviewSubmissions', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['platform', 'submitted', 'canceled'], 'UPDATE');
  if (attributes.submitted === true && attributes.canceled === true)
    throw invalidAttribute('/data/attributes/canceled', 'A submission cannot be submitted and canceled at once.');
  if (
    attributes.platform !== undefined &&
    attributes.platform !== null &&
    attributes.platform !== submission.attributes.platform
  ) {
    if (submission.attributes.state !== 'READY_FOR_REVIEW')
      throw stateError(`The platform of reviewSubmission with id '${id}' cannot be changed now.`);
    submission.attributes.platform = attributes.platform;
  }
  if (attributes.submitted === true) submit(ctx, submission);
  if (attributes.canceled === true) cancel(ctx, submission);
  return reviewReply(ctx, submission);
}

function submissionsOfApp(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  return listResources(ctx, 'reviewSubmissions', childrenOf(ctx.state, 'reviewSubmissions', 'app', app.id));
}

function itemsOfSubmission(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const submission = requireResource(ctx, 'reviewSubmissions', ctx.params.id ?? '');
  return listResources(ctx, 'reviewSubmissionItems', itemsOf(ctx.state, submission));
}

export const reviewSubmissionsFamily: ResourceFamily = {
  name: 'reviewSubmissions',
  types: [submissionsType],
  routes: [
    {
      method: 'GET',
      path: '/v1/reviewSubmissions',
      handler: (ctx) => (tickReviews(ctx), listResources(ctx, 'reviewSubmissions', ctx.state.all('reviewSubmissions'))),
    },
    { method: 'GET', path: '/v1/apps/{id}/reviewSubmissions', handler: submissionsOfApp },
    { method: 'POST', path: '/v1/reviewSubmissions', handler: create },
    {
      method: 'GET',
      path: '/v1/reviewSubmissions/{id}',
      handler: (ctx) => (
        tickReviews(ctx),
        reviewReply(ctx, requireResource(ctx, 'reviewSubmissions', ctx.params.id ?? ''))
      ),
    },
    { method: 'PATCH', path: '/v1/reviewSubmissions/{id}', handler: update },
    { method: 'GET', path: '/v1/reviewSubmissions/{id}/items', handler: itemsOfSubmission },
  ],
};
