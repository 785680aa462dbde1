/**
 * `POST /v1/appStoreVersionReleaseRequests`: releases a version approved with `releaseType`
 * MANUAL, i.e. in PENDING_DEVELOPER_RELEASE (spec 4.4.1; Apple's docs; docs/evidence/releases.md §2.9,
 * strong). The spec lists 409 among the answers; which one Apple gives for another state or a
 * second request is unknown: the emulator answers 409 STATE_ERROR for any state but
 * PENDING_DEVELOPER_RELEASE, so a repeated request (the version is live by then) is refused.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage } from '../../types.js';
import { invalidRelationship, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, type ResourceFamily } from '../family.js';
import { releaseVersion } from './review-clock.js';
import { reviewReply, tickReviews } from './review-submissions.js';

const releaseRequestType: ResourceType = { type: 'appStoreVersionReleaseRequests', relationships: {} };

function create(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const data = bodyData(ctx);
  checkAllowedAttributes(data.attributes ?? {}, [], 'CREATE');
  const versionId = (data.relationships?.appStoreVersion?.data as Linkage | undefined)?.id;
  const version = versionId ? ctx.state.get('appStoreVersions', versionId) : undefined;
  if (!version)
    throw invalidRelationship(
      '/data/relationships/appStoreVersion',
      `There is no resource of type 'appStoreVersions' with id '${String(versionId)}'`,
    );
  if (version.attributes.appVersionState !== 'PENDING_DEVELOPER_RELEASE') {
    throw stateError(
      `appStoreVersions with id '${version.id}' is ${String(version.attributes.appVersionState)}; only a version pending developer release can be released.`,
    );
  }
  releaseVersion(ctx.state, version, ctx.now());
  const record = ctx.state.create('appStoreVersionReleaseRequests', {
    relationships: { appStoreVersion: { type: 'appStoreVersions', id: version.id } },
  });
  return reviewReply(ctx, record, 201);
}

export const releaseRequestsFamily: ResourceFamily = {
  name: 'appStoreVersionReleaseRequests',
  types: [releaseRequestType],
  routes: [{ method: 'POST', path: '/v1/appStoreVersionReleaseRequests', handler: create }],
};
