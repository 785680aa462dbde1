/**
 * App Review information: `GET /v1/appStoreVersions/{id}/appStoreReviewDetail`,
 * `POST /v1/appStoreReviewDetails`, `GET|PATCH /v1/appStoreReviewDetails/{id}`.
 *
 * Fidelity (believed, not captured): one review detail per version (a second answers 409); the
 * version must be editable; `contactEmail` must look like an address; a required demo account
 * needs a name and a password. A version without one answers 404 on the related GET.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { AppleError, invalidAttribute, invalidRelationship } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { isEditableVersion } from './app-store-versions.js';
import { related } from './links.js';
import { notEditable, presentAttributes, writeAttributes } from './rules.js';

const ATTRIBUTES = [
  'contactFirstName',
  'contactLastName',
  'contactPhone',
  'contactEmail',
  'demoAccountName',
  'demoAccountPassword',
  'demoAccountRequired',
  'notes',
];

const type: ResourceType = {
  type: 'appStoreReviewDetails',
  relationships: { appStoreVersion: { type: 'appStoreVersions' } },
};

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function checkValues(after: Record<string, unknown>): void {
  const email = after.contactEmail;
  if (typeof email === 'string' && email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw invalidAttribute('/data/attributes/contactEmail', 'The contact email address is not valid.');
  }
  if (after.demoAccountRequired === true && (!after.demoAccountName || !after.demoAccountPassword)) {
    throw invalidAttribute(
      '/data/attributes/demoAccountRequired',
      'A demo account name and password are required when a demo account is required.',
    );
  }
}

function create(ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ATTRIBUTES, 'CREATE');
  const versionId = (data.relationships?.appStoreVersion?.data as Linkage | undefined)?.id;
  const version = versionId ? ctx.state.get('appStoreVersions', versionId) : undefined;
  if (!version)
    throw invalidRelationship(
      '/data/relationships/appStoreVersion',
      `There is no resource of type 'appStoreVersions' with id '${String(versionId)}'`,
    );
  if (!isEditableVersion(version)) throw notEditable(Object.keys(attributes));
  if (related(ctx.state, version, 'appStoreReviewDetail', 'appStoreReviewDetails')) {
    throw invalidRelationship('/data/relationships/appStoreVersion', 'The version already has App Review information.');
  }
  checkValues(attributes);
  const record = ctx.state.create('appStoreReviewDetails', {
    attributes: presentAttributes(attributes),
    relationships: { appStoreVersion: { type: 'appStoreVersions', id: version.id } },
  });
  version.relationships.appStoreReviewDetail = { type: 'appStoreReviewDetails', id: record.id };
  return reply(ctx, record, 201);
}

function update(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  const record = requireResource(ctx, 'appStoreReviewDetails', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ATTRIBUTES, 'UPDATE');
  const version = related(ctx.state, record, 'appStoreVersion', 'appStoreVersions')!;
  if (Object.keys(attributes).length > 0 && !isEditableVersion(version)) throw notEditable(Object.keys(attributes));
  checkValues({ ...record.attributes, ...attributes });
  writeAttributes(record, attributes);
  return reply(ctx, record);
}

function ofVersion(ctx: HandlerContext): Reply {
  const version = requireResource(ctx, 'appStoreVersions', ctx.params.id ?? '');
  const record = related(ctx.state, version, 'appStoreReviewDetail', 'appStoreReviewDetails');
  if (!record) {
    throw new AppleError(404, [
      {
        status: '404',
        code: 'NOT_FOUND',
        title: 'The specified resource does not exist',
        detail: `The appStoreVersion '${version.id}' has no appStoreReviewDetail.`,
      },
    ]);
  }
  return reply(ctx, record);
}

export const appStoreReviewDetailsFamily: ResourceFamily = {
  name: 'appStoreReviewDetails',
  types: [type],
  routes: [
    { method: 'GET', path: '/v1/appStoreVersions/{id}/appStoreReviewDetail', handler: ofVersion },
    { method: 'POST', path: '/v1/appStoreReviewDetails', handler: create },
    {
      method: 'GET',
      path: '/v1/appStoreReviewDetails/{id}',
      handler: (ctx) => reply(ctx, requireResource(ctx, 'appStoreReviewDetails', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/appStoreReviewDetails/{id}', handler: update },
  ],
};
