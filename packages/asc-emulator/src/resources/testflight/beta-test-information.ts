/**
 * TestFlight test information of an app: beta app localizations (`description` = Beta App
 * Description, `feedbackEmail`, URLs) and the one beta app review detail (review contact and
 * demo account). `GET|POST /v1/betaAppLocalizations`, `GET|PATCH|DELETE
 * /v1/betaAppLocalizations/{id}`, `GET /v1/apps/{id}/betaAppLocalizations`,
 * `GET /v1/betaAppReviewDetails` (`filter[app]` required), `GET|PATCH
 * /v1/betaAppReviewDetails/{id}`, `GET /v1/apps/{id}/betaAppReviewDetail`.
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { listResources } from '../../jsonapi/collection.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, invalidRelationship } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import { checkLocale, checkTexts, duplicateLocale } from './localizations.js';
import { reviewDetailOf } from './seed.js';

const LOCALIZATION_TEXT = ['description', 'feedbackEmail', 'marketingUrl', 'privacyPolicyUrl', 'tvOsPrivacyPolicy'];
const REVIEW_DETAIL = [
  'contactFirstName',
  'contactLastName',
  'contactPhone',
  'contactEmail',
  'demoAccountName',
  'demoAccountPassword',
  'demoAccountRequired',
  'notes',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const types: ResourceType[] = [
  { type: 'betaAppLocalizations', relationships: { app: { type: 'apps' } } },
  { type: 'betaAppReviewDetails', relationships: { app: { type: 'apps' } } },
];

function reply(ctx: HandlerContext, record: ResourceRecord, status = 200): Reply {
  const dc = { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state };
  return { status, json: singleDocument(record, dc) };
}

function checkEmailField(attributes: Record<string, unknown>, name: string): void {
  const v = attributes[name];
  if (typeof v === 'string' && v !== '' && !EMAIL.test(v))
    throw invalidAttribute(`/data/attributes/${name}`, `'${v}' is not a valid email address.`);
}

function assign(record: ResourceRecord, attributes: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(attributes)) record.attributes[k] = v ?? undefined;
}

function createLocalization(ctx: HandlerContext): Reply {
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['locale', ...LOCALIZATION_TEXT], 'CREATE');
  const appId = (data.relationships?.app?.data as Linkage | undefined)?.id ?? '';
  if (!ctx.state.get('apps', appId))
    throw invalidRelationship('/data/relationships/app', `There is no resource of type 'apps' with id '${appId}'`);
  const locale = checkLocale(attributes.locale);
  checkTexts(attributes, { description: 4000 });
  checkEmailField(attributes, 'feedbackEmail');
  duplicateLocale(
    ctx.state.all('betaAppLocalizations').filter((l) => ctx.state.relatedId(l, 'app') === appId),
    locale,
    'app',
  );
  const record = ctx.state.create('betaAppLocalizations', {
    attributes: { locale },
    relationships: { app: { type: 'apps', id: appId } },
  });
  const { locale: _, ...rest } = attributes;
  assign(record, rest);
  return reply(ctx, record, 201);
}

function updateLocalization(ctx: HandlerContext): Reply {
  const record = requireResource(ctx, 'betaAppLocalizations', ctx.params.id ?? '');
  const data = bodyData(ctx);
  if (data.id !== record.id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${record.id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, LOCALIZATION_TEXT, 'UPDATE');
  checkTexts(attributes, { description: 4000 });
  checkEmailField(attributes, 'feedbackEmail');
  assign(record, attributes);
  return reply(ctx, record);
}

function updateReviewDetail(ctx: HandlerContext): Reply {
  const record = requireResource(ctx, 'betaAppReviewDetails', ctx.params.id ?? '');
  const data = bodyData(ctx);
  if (data.id !== record.id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${record.id}' in the path.`,
    );
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, REVIEW_DETAIL, 'UPDATE');
  checkEmailField(attributes, 'contactEmail');
  checkTexts(attributes, { notes: 4000 });
  assign(record, attributes);
  return reply(ctx, record);
}

function listReviewDetails(ctx: HandlerContext): Reply {
  for (const id of ctx.query.list('filter[app]') ?? []) {
    const app = ctx.state.get('apps', id);
    if (app) reviewDetailOf(ctx.state, app);
  }
  return listResources(ctx, 'betaAppReviewDetails', ctx.state.all('betaAppReviewDetails'));
}

export const betaTestInformationFamily: ResourceFamily = {
  name: 'betaTestInformation',
  types,
  routes: [
    {
      method: 'GET',
      path: '/v1/betaAppLocalizations',
      handler: (ctx) => listResources(ctx, 'betaAppLocalizations', ctx.state.all('betaAppLocalizations')),
    },
    { method: 'POST', path: '/v1/betaAppLocalizations', handler: createLocalization },
    {
      method: 'GET',
      path: '/v1/betaAppLocalizations/{id}',
      handler: (ctx) => reply(ctx, requireResource(ctx, 'betaAppLocalizations', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/betaAppLocalizations/{id}', handler: updateLocalization },
    {
      method: 'DELETE',
      path: '/v1/betaAppLocalizations/{id}',
      handler: (ctx) => (
        ctx.state.remove('betaAppLocalizations', requireResource(ctx, 'betaAppLocalizations', ctx.params.id ?? '').id),
        { status: 204 }
      ),
    },
    {
      method: 'GET',
      path: '/v1/apps/{id}/betaAppLocalizations',
      handler: (ctx) => {
        const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
        return listResources(
          ctx,
          'betaAppLocalizations',
          ctx.state.all('betaAppLocalizations').filter((l) => ctx.state.relatedId(l, 'app') === app.id),
        );
      },
    },
    { method: 'GET', path: '/v1/betaAppReviewDetails', handler: listReviewDetails },
    {
      method: 'GET',
      path: '/v1/betaAppReviewDetails/{id}',
      handler: (ctx) => reply(ctx, requireResource(ctx, 'betaAppReviewDetails', ctx.params.id ?? '')),
    },
    { method: 'PATCH', path: '/v1/betaAppReviewDetails/{id}', handler: updateReviewDetail },
    {
      method: 'GET',
      path: '/v1/apps/{id}/betaAppReviewDetail',
      handler: (ctx) => reply(ctx, reviewDetailOf(ctx.state, requireResource(ctx, 'apps', ctx.params.id ?? ''))),
    },
  ],
};
