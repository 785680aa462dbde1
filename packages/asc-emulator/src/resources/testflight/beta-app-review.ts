/**
 * Beta App Review submissions: `POST|GET /v1/betaAppReviewSubmissions` (`filter[build]`
 * required), `GET /v1/betaAppReviewSubmissions/{id}`, `GET /v1/builds/{id}/betaAppReviewSubmission`.
 *
 * Fidelity (the spec says none of this):
 * - a build is submitted once (a second submission is a 409);
 * - only one build per version may wait for (or be in) beta review: submitting another build of
 *   the same version answers 409 ("Another build is in review") until that one is reviewed or
 *   its build expired;
 * - missing test information is refused with a **422 that names only the first missing item**
 *   (fastlane users quote "Beta App Description is missing. - Beta App Description is required
 *   to submit a build for external testing."; codemagic users saw an opaque 500 instead);
 * - `GET /v1/builds/{id}/betaAppReviewSubmission` of a build never submitted answers 404 here
 *   (Apple is believed to send `data: null`, which the spec's schema does not allow);
 * - the review itself does not advance with time: tests set `betaReviewState` on the record.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { AppleError, invalidRelationship, resourceNotFound, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, type ResourceFamily } from '../family.js';
import { tick } from './links.js';
import { compliancePending, isListed } from './timeline.js';
import { refreshBuild, submissionOf } from './states.js';
import { requireBuild } from './builds.js';
import { reviewDetailOf } from './seed.js';

const type: ResourceType = { type: 'betaAppReviewSubmissions', relationships: { build: { type: 'builds' } } };

const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** What Apple requires before a build can go to beta review, as [title, detail] pairs, in order. */
export function missingTestInformation(state: EmulatorState, build: ResourceRecord): Array<[string, string]> {
  const app = state.get('apps', state.relatedId(build, 'app') ?? '');
  if (!app) return [];
  const out: Array<[string, string]> = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) out.push([`${what} is missing.`, `${what} is required to submit a build for external testing.`]);
  };
  need(build.attributes.usesNonExemptEncryption !== undefined, 'Export Compliance Information');
  const localizations = state.all('betaAppLocalizations').filter((l) => state.relatedId(l, 'app') === app.id);
  const main = localizations.find((l) => l.attributes.locale === app.attributes.primaryLocale) ?? localizations[0];
  need(filled(main?.attributes.description), 'Beta App Description');
  need(filled(main?.attributes.feedbackEmail), 'Feedback Email');
  const review = reviewDetailOf(state, app).attributes;
  for (const [name, label] of [
    ['contactFirstName', 'First Name'],
    ['contactLastName', 'Last Name'],
    ['contactPhone', 'Phone Number'],
    ['contactEmail', 'Email'],
  ] as const) {
    need(filled(review[name]), `Beta App Review Contact ${label}`);
  }
  if (review.demoAccountRequired === true)
    need(filled(review.demoAccountName) && filled(review.demoAccountPassword), 'Beta App Review Sign-In Information');
  const notes = state.relatedIds(build, 'betaBuildLocalizations').map((id) => state.get('betaBuildLocalizations', id));
  need(
    notes.some((l) => filled(l?.attributes.whatsNew)),
    'What to Test',
  );
  return out;
}

function otherInReview(state: EmulatorState, build: ResourceRecord): ResourceRecord | undefined {
  const prv = state.relatedId(build, 'preReleaseVersion');
  return state
    .all('builds')
    .find(
      (b) =>
        b.id !== build.id &&
        state.relatedId(b, 'preReleaseVersion') === prv &&
        b.attributes.expired !== true &&
        ['WAITING_FOR_REVIEW', 'IN_REVIEW'].includes(String(submissionOf(state, b)?.attributes.betaReviewState)),
    );
}

function checkSubmittable(ctx: HandlerContext, build: ResourceRecord): void {
  if (submissionOf(ctx.state, build))
    throw stateError(`Build '${build.id}' has already been submitted for beta review.`);
  if (build.attributes.expired === true || build.attributes.processingState !== 'VALID') {
    throw stateError(`Build '${build.id}' is not in a state that can be submitted for beta review.`);
  }
  const other = otherInReview(ctx.state, build);
  if (other) {
    throw stateError(
      "Another build is in review. You can't submit a build for testing if another build is already in review. Wait until your other build has been reviewed, and resubmit this build.",
    );
  }
  if (compliancePending(ctx.state, build.id, ctx.now())) {
    throw new AppleError(422, [
      {
        status: '422',
        code: 'ENTITY_UNPROCESSABLE',
        title: 'Export Compliance Information is missing.',
        detail: 'Export Compliance Information is required to submit a build for external testing.',
      },
    ]);
  }
  const [first] = missingTestInformation(ctx.state, build);
  if (first)
    throw new AppleError(422, [{ status: '422', code: 'ENTITY_UNPROCESSABLE', title: first[0], detail: first[1] }]);
}

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function submit(ctx: HandlerContext): Reply {
  tick(ctx);
  const data = bodyData(ctx);
  checkAllowedAttributes(data.attributes ?? {}, [], 'CREATE');
  const buildId = (data.relationships?.build?.data as Linkage | undefined)?.id ?? '';
  const build = ctx.state.get('builds', buildId);
  if (!build || !isListed(ctx.state, buildId, ctx.now())) {
    throw invalidRelationship(
      '/data/relationships/build',
      `There is no resource of type 'builds' with id '${buildId}'`,
    );
  }
  checkSubmittable(ctx, build);
  const record = ctx.state.create('betaAppReviewSubmissions', {
    attributes: { betaReviewState: 'WAITING_FOR_REVIEW', submittedDate: new Date(ctx.now()).toISOString() },
    relationships: { build: { type: 'builds', id: build.id } },
  });
  build.relationships.betaAppReviewSubmission = { type: 'betaAppReviewSubmissions', id: record.id };
  refreshBuild(ctx.state, build, ctx.now());
  return reply(ctx, record, 201);
}

function requireSubmission(ctx: HandlerContext, id: string): ResourceRecord {
  const record = ctx.state.get('betaAppReviewSubmissions', id);
  if (!record || !isListed(ctx.state, ctx.state.relatedId(record, 'build') ?? '', ctx.now()))
    throw resourceNotFound('betaAppReviewSubmissions', id);
  return record;
}

export const betaAppReviewFamily: ResourceFamily = {
  name: 'betaAppReviewSubmissions',
  types: [type],
  routes: [
    { method: 'POST', path: '/v1/betaAppReviewSubmissions', handler: submit },
    {
      method: 'GET',
      path: '/v1/betaAppReviewSubmissions',
      handler: (ctx) => {
        tick(ctx);
        const now = ctx.now();
        const visible = ctx.state
          .all('betaAppReviewSubmissions')
          .filter((s) => isListed(ctx.state, ctx.state.relatedId(s, 'build') ?? '', now));
        return listResources(ctx, 'betaAppReviewSubmissions', visible);
      },
    },
    {
      method: 'GET',
      path: '/v1/betaAppReviewSubmissions/{id}',
      handler: (ctx) => (tick(ctx), reply(ctx, requireSubmission(ctx, ctx.params.id ?? ''))),
    },
    {
      method: 'GET',
      path: '/v1/builds/{id}/betaAppReviewSubmission',
      handler: (ctx) => {
        tick(ctx);
        const build = requireBuild(ctx, ctx.params.id ?? '');
        const submission = submissionOf(ctx.state, build);
        if (!submission) throw resourceNotFound('betaAppReviewSubmissions', `of build ${build.id}`);
        return reply(ctx, submission);
      },
    },
  ],
};
