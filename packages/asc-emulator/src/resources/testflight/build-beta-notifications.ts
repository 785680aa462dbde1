/**
 * Manual "a new build is ready" notifications: `POST /v1/buildBetaNotifications` (the spec has no
 * read). Each is stored, so tests can count them.
 *
 * Fidelity:
 * - while the build's automatic notification is on, Apple refuses with **409
 *   STATE_ERROR.ENTITY_STATE_INVALID "Auto-notify already enabled"** (the asc CLI matches that
 *   answer: App-Store-Connect-CLI PR #2044, `internal/asc/client_builds.go`
 *   `isAutoNotifyAlreadyEnabledNotificationError`);
 * - a build still processing cannot be announced (409 STATE_ERROR — an assumption);
 * - a second notification for a build is accepted (nothing says Apple refuses it): a client that
 *   must notify once has to keep track itself.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Linkage } from '../../types.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { AppleError, invalidRelationship, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, type ResourceFamily } from '../family.js';
import { tick } from './links.js';
import { isListed } from './timeline.js';

const type: ResourceType = { type: 'buildBetaNotifications', relationships: {} };

function notify(ctx: HandlerContext) {
  tick(ctx);
  const data = bodyData(ctx);
  checkAllowedAttributes(data.attributes ?? {}, [], 'CREATE');
  const buildId = (data.relationships?.build?.data as Linkage | undefined)?.id ?? '';
  const build = ctx.state.get('builds', buildId);
  if (!build || !isListed(ctx.state, buildId, ctx.now()))
    throw invalidRelationship(
      '/data/relationships/build',
      `There is no resource of type 'builds' with id '${buildId}'`,
    );
  if (build.attributes.processingState !== 'VALID')
    throw stateError(
      `Build '${buildId}' is ${String(build.attributes.processingState)}; testers cannot be notified yet.`,
    );
  if (ctx.state.get('buildBetaDetails', buildId)?.attributes.autoNotifyEnabled === true) {
    throw new AppleError(409, [
      {
        status: '409',
        code: 'STATE_ERROR.ENTITY_STATE_INVALID',
        title: 'The request cannot be fulfilled because of the state of another resource.',
        detail: 'Auto-notify already enabled.',
      },
    ]);
  }
  const record = ctx.state.create('buildBetaNotifications', {
    attributes: {},
    relationships: { build: { type: 'builds', id: buildId } },
  });
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status: 201, json: singleDocument(record, dc) };
}

export const buildBetaNotificationsFamily: ResourceFamily = {
  name: 'buildBetaNotifications',
  types: [type],
  routes: [{ method: 'POST', path: '/v1/buildBetaNotifications', handler: notify }],
};
