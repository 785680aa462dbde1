/**
 * Phased releases: `POST /v1/appStoreVersionPhasedReleases`, `PATCH|DELETE …/{id}`,
 * `GET /v1/appStoreVersions/{id}/appStoreVersionPhasedRelease`.
 *
 * Fidelity (docs/evidence/releases.md §2.3; Apple's docs page "App Store Version Phased Releases"):
 * - "not available for the first version of an app": creating one for a first version answers
 *   409 (strong; the code is the emulator's);
 * - one per version: a second POST answers 409 (unknown live; the safe client reads first);
 * - created INACTIVE; it becomes ACTIVE when the version is released (review-clock.ts);
 * - PATCH: ACTIVE → PAUSED, PAUSED → ACTIVE, ACTIVE/PAUSED → COMPLETE ("Pause or resume a phased
 *   release, or immediately release an app"); anything else 409 STATE_ERROR;
 * - DELETE only while INACTIVE ("Cancel a planned phased release that has not been started");
 * - the related GET for a version without one answers 404: the spec's response requires a
 *   `data` object, and fastlane rescues the read's "no data" error (asc reports `data: null`
 *   for empty to-one reads elsewhere); clients should treat both as "none".
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage } from '../../types.js';
import { invalidAttribute, invalidRelationship, resourceNotFound, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { isEditableVersion } from '../app-store/app-store-versions.js';
import { isUpdate } from './version-readiness.js';
import { pausePhasedRelease, phasedReleaseOf, resumePhasedRelease } from './phased-state.js';
import { reviewReply, tickReviews } from './review-submissions.js';

const phasedType: ResourceType = { type: 'appStoreVersionPhasedReleases', relationships: {} };

function create(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['phasedReleaseState'], 'CREATE');
  const versionId = (data.relationships?.appStoreVersion?.data as Linkage | undefined)?.id;
  const version = versionId ? ctx.state.get('appStoreVersions', versionId) : undefined;
  if (!version)
    throw invalidRelationship(
      '/data/relationships/appStoreVersion',
      `There is no resource of type 'appStoreVersions' with id '${String(versionId)}'`,
    );
  if (!isUpdate(ctx.state, version))
    throw stateError('Phased release is not available for the first version of an app, only for subsequent releases.');
  if (phasedReleaseOf(ctx.state, version))
    throw stateError(`appStoreVersions with id '${version.id}' already has a phased release.`);
  if (!isEditableVersion(version))
    throw stateError(
      `A phased release cannot be added to a version in state ${String(version.attributes.appVersionState)}.`,
    );
  const wanted = attributes.phasedReleaseState ?? 'INACTIVE';
  if (wanted !== 'INACTIVE')
    throw invalidAttribute(
      '/data/attributes/phasedReleaseState',
      'A phased release for an unreleased version must be created INACTIVE.',
    );
  const record = ctx.state.create('appStoreVersionPhasedReleases', {
    attributes: { phasedReleaseState: 'INACTIVE' },
    relationships: { appStoreVersion: { type: 'appStoreVersions', id: version.id } },
  });
  version.relationships.appStoreVersionPhasedRelease = { type: 'appStoreVersionPhasedReleases', id: record.id };
  return reviewReply(ctx, record, 201);
}

const MOVES: Record<string, string[]> = { ACTIVE: ['PAUSED', 'COMPLETE'], PAUSED: ['ACTIVE', 'COMPLETE'] };

function update(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const id = ctx.params.id ?? '';
  const phased = requireResource(ctx, 'appStoreVersionPhasedReleases', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['phasedReleaseState'], 'UPDATE');
  const wanted = attributes.phasedReleaseState;
  const current = String(phased.attributes.phasedReleaseState);
  if (wanted === undefined || wanted === null || wanted === current) return reviewReply(ctx, phased);
  if (!(MOVES[current] ?? []).includes(String(wanted)))
    throw stateError(`A phased release in state ${current} cannot be changed to ${String(wanted)}.`);
  if (wanted === 'PAUSED') pausePhasedRelease(phased, ctx.now());
  else if (current === 'PAUSED') resumePhasedRelease(phased, ctx.now());
  phased.attributes.phasedReleaseState = wanted;
  return reviewReply(ctx, phased);
}

function remove(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const phased = requireResource(ctx, 'appStoreVersionPhasedReleases', ctx.params.id ?? '');
  if (phased.attributes.phasedReleaseState !== 'INACTIVE')
    throw stateError(
      `A phased release in state ${String(phased.attributes.phasedReleaseState)} has started and cannot be deleted.`,
    );
  const version = ctx.state.get('appStoreVersions', ctx.state.relatedId(phased, 'appStoreVersion') ?? '');
  if (version) delete version.relationships.appStoreVersionPhasedRelease;
  ctx.state.remove('appStoreVersionPhasedReleases', phased.id);
  return { status: 204 };
}

function ofVersion(ctx: HandlerContext): Reply {
  tickReviews(ctx);
  const version = requireResource(ctx, 'appStoreVersions', ctx.params.id ?? '');
  const phased = phasedReleaseOf(ctx.state, version);
  if (!phased) throw resourceNotFound('appStoreVersionPhasedReleases', `for appStoreVersions ${version.id}`);
  return reviewReply(ctx, phased);
}

export const phasedReleasesFamily: ResourceFamily = {
  name: 'appStoreVersionPhasedReleases',
  types: [phasedType],
  routes: [
    { method: 'POST', path: '/v1/appStoreVersionPhasedReleases', handler: create },
    { method: 'PATCH', path: '/v1/appStoreVersionPhasedReleases/{id}', handler: update },
    { method: 'DELETE', path: '/v1/appStoreVersionPhasedReleases/{id}', handler: remove },
    { method: 'GET', path: '/v1/appStoreVersions/{id}/appStoreVersionPhasedRelease', handler: ofVersion },
  ],
};
