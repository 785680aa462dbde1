/**
 * Analytics Reports: report requests → reports → instances → segments (spec 4.4.1 paths under
 * /v1/analyticsReportRequests, /v1/analyticsReports, /v1/analyticsReportInstances,
 * /v1/analyticsReportSegments and /v1/apps/{id}/analyticsReportRequests).
 *
 * Rules, with their evidence:
 * - Roles (Apple, "Downloading Analytics Reports" / the Analytics API collection page): only an
 *   Admin key may create or delete a request; Admin, Sales and Reports and Finance keys may read
 *   requests, reports, instances and segments. Others get Apple's 403 FORBIDDEN_ERROR.
 * - One ONGOING request per app: a second answers 409 STATE_ERROR (the account of Apple's
 *   answer; the detail text is the emulator's own words, not a recorded response). A request
 *   stopped for inactivity no longer counts, so a new one can replace it.
 * - A ONE_TIME_SNAPSHOT can be requested once a month (Apple's Analytics Reports overview,
 *   "Retrieve missed reports"): another within 30 days answers 409 STATE_ERROR.
 * - Each request holds the whole catalog of reports (catalog.ts); instances appear over the clock
 *   (instances.ts); segments are gzip with checksum and size (segments.ts).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { listResources } from '../../jsonapi/collection.js';
import { forbidden, invalidRelationship, stateError } from '../../jsonapi/errors.js';
import { bodyData, checkAllowedAttributes, requireResource, type ResourceFamily } from '../family.js';
import type { Linkage } from '../../types.js';
import { catalog } from './catalog.js';
import { analyticsControl, type KeyRole } from './control.js';
import { settleInstances } from './instances.js';
import { segmentsRoute, settleSegments } from './segments.js';
import type { SeedAnalytics } from './seed-types.js';

const READERS: readonly KeyRole[] = ['ADMIN', 'SALES_AND_REPORTS', 'FINANCE'];
const SNAPSHOT_EVERY_MS = 30 * 86_400_000;

const types: ResourceType[] = [
  { type: 'analyticsReportRequests', relationships: { reports: { type: 'analyticsReports', many: true } } },
  { type: 'analyticsReports', relationships: { instances: { type: 'analyticsReportInstances', many: true } } },
  { type: 'analyticsReportInstances', relationships: { segments: { type: 'analyticsReportSegments', many: true } } },
  { type: 'analyticsReportSegments', relationships: {} },
];

function role(ctx: HandlerContext): KeyRole {
  return (ctx.keyId && analyticsControl(ctx.state).keyRoles.get(ctx.keyId)) || 'ADMIN';
}

function mustRead(ctx: HandlerContext): void {
  if (!READERS.includes(role(ctx))) throw forbidden();
}

const dc = (ctx: HandlerContext) => ({ origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state });

/** Creates a request and its reports (the seed uses it too). */
export function createRequest(
  ctx: Pick<HandlerContext, 'state'>,
  appId: string,
  accessType: string,
  createdAt: number,
  id?: string,
): string {
  const control = analyticsControl(ctx.state);
  const request = ctx.state.create('analyticsReportRequests', {
    id,
    attributes: { accessType, stoppedDueToInactivity: false },
  });
  const reports: Linkage[] = catalog(control.reportsPerRequest).map((r, i) => {
    const report = ctx.state.create('analyticsReports', {
      id: `${request.id}-r${String(i + 1).padStart(3, '0')}`,
      attributes: { name: r.name, category: r.category },
    });
    control.reports.set(report.id, request.id);
    return { type: 'analyticsReports', id: report.id };
  });
  ctx.state.update('analyticsReportRequests', request.id, { relationships: { reports } });
  control.requests.set(request.id, { appId, createdAt });
  return request.id;
}

function create(ctx: HandlerContext): Reply {
  if (role(ctx) !== 'ADMIN') throw forbidden();
  const data = bodyData(ctx);
  const attributes = data.attributes ?? {};
  checkAllowedAttributes(attributes, ['accessType'], 'CREATE');
  const appId = String((data.relationships?.app?.data as Linkage | undefined)?.id ?? '');
  if (!ctx.state.get('apps', appId))
    throw invalidRelationship('/data/relationships/app', `There is no resource of type 'apps' with id '${appId}'`);
  const control = analyticsControl(ctx.state);
  const mine = ctx.state
    .all('analyticsReportRequests')
    .filter((r) => control.requests.get(r.id)?.appId === appId && r.attributes.accessType === attributes.accessType);
  if (attributes.accessType === 'ONGOING' && mine.some((r) => r.attributes.stoppedDueToInactivity !== true)) {
    throw stateError('An ONGOING analytics report request already exists for this app.');
  }
  if (
    attributes.accessType === 'ONE_TIME_SNAPSHOT' &&
    mine.some((r) => ctx.now() - control.requests.get(r.id)!.createdAt < SNAPSHOT_EVERY_MS)
  ) {
    throw stateError('A ONE_TIME_SNAPSHOT analytics report request can be made once a month.');
  }
  const id = createRequest(ctx, appId, String(attributes.accessType), ctx.now());
  return { status: 201, json: singleDocument(ctx.state.get('analyticsReportRequests', id)!, dc(ctx)) };
}

function listForApp(ctx: HandlerContext): Reply {
  mustRead(ctx);
  const app = requireResource(ctx, 'apps', ctx.params.id ?? '');
  const control = analyticsControl(ctx.state);
  return listResources(
    ctx,
    'analyticsReportRequests',
    ctx.state.all('analyticsReportRequests').filter((r) => control.requests.get(r.id)?.appId === app.id),
  );
}

function getRequest(ctx: HandlerContext): Reply {
  mustRead(ctx);
  return {
    status: 200,
    json: singleDocument(requireResource(ctx, 'analyticsReportRequests', ctx.params.id ?? ''), dc(ctx)),
  };
}

function deleteRequest(ctx: HandlerContext): Reply {
  if (role(ctx) !== 'ADMIN') throw forbidden();
  const request = requireResource(ctx, 'analyticsReportRequests', ctx.params.id ?? '');
  ctx.state.remove('analyticsReportRequests', request.id);
  analyticsControl(ctx.state).requests.delete(request.id);
  return { status: 204 };
}

function listReports(ctx: HandlerContext): Reply {
  mustRead(ctx);
  const request = requireResource(ctx, 'analyticsReportRequests', ctx.params.id ?? '');
  const control = analyticsControl(ctx.state);
  return listResources(
    ctx,
    'analyticsReports',
    ctx.state.all('analyticsReports').filter((r) => control.reports.get(r.id) === request.id),
  );
}

function getReport(ctx: HandlerContext): Reply {
  mustRead(ctx);
  return { status: 200, json: singleDocument(requireResource(ctx, 'analyticsReports', ctx.params.id ?? ''), dc(ctx)) };
}

function listInstances(ctx: HandlerContext): Reply {
  mustRead(ctx);
  const report = requireResource(ctx, 'analyticsReports', ctx.params.id ?? '');
  return listResources(ctx, 'analyticsReportInstances', settleInstances(ctx.state, report, ctx.now()));
}

function getInstance(ctx: HandlerContext): Reply {
  mustRead(ctx);
  return {
    status: 200,
    json: singleDocument(requireResource(ctx, 'analyticsReportInstances', ctx.params.id ?? ''), dc(ctx)),
  };
}

function listSegments(ctx: HandlerContext): Reply {
  mustRead(ctx);
  const instance = requireResource(ctx, 'analyticsReportInstances', ctx.params.id ?? '');
  return listResources(ctx, 'analyticsReportSegments', settleSegments(ctx.state, instance, ctx.origin, ctx.now()));
}

function getSegment(ctx: HandlerContext): Reply {
  mustRead(ctx);
  return {
    status: 200,
    json: singleDocument(requireResource(ctx, 'analyticsReportSegments', ctx.params.id ?? ''), dc(ctx)),
  };
}

function seed(state: Parameters<NonNullable<ResourceFamily['seed']>>[0], s: { analytics?: SeedAnalytics }): void {
  const a = s.analytics;
  if (!a) return;
  const control = analyticsControl(state);
  if (a.segmentRows !== undefined) control.segmentRows = a.segmentRows;
  if (a.territories !== undefined) control.territories = a.territories;
  if (a.reportsPerRequest !== undefined) control.reportsPerRequest = a.reportsPerRequest;
  for (const [keyId, r] of Object.entries(a.keyRoles ?? {})) control.keyRoles.set(keyId, r);
  for (const r of a.requests ?? []) {
    const app = state.get('apps', r.app) ?? state.apps().find((x) => x.attributes.bundleId === r.app);
    if (!app) throw new Error(`analytics seed: no app ${r.app}`);
    const id = createRequest({ state }, app.id, r.accessType ?? 'ONGOING', Date.parse(r.createdAt), r.id);
    if (r.stoppedAt) {
      control.requests.get(id)!.stoppedAt = Date.parse(r.stoppedAt);
      state.update('analyticsReportRequests', id, { attributes: { stoppedDueToInactivity: true } });
    }
  }
}

export const analyticsReportsFamily: ResourceFamily = {
  name: 'analyticsReports',
  types,
  routes: [
    { method: 'POST', path: '/v1/analyticsReportRequests', handler: create },
    { method: 'GET', path: '/v1/apps/{id}/analyticsReportRequests', handler: listForApp },
    { method: 'GET', path: '/v1/analyticsReportRequests/{id}', handler: getRequest },
    { method: 'DELETE', path: '/v1/analyticsReportRequests/{id}', handler: deleteRequest },
    { method: 'GET', path: '/v1/analyticsReportRequests/{id}/reports', handler: listReports },
    { method: 'GET', path: '/v1/analyticsReports/{id}', handler: getReport },
    { method: 'GET', path: '/v1/analyticsReports/{id}/instances', handler: listInstances },
    { method: 'GET', path: '/v1/analyticsReportInstances/{id}', handler: getInstance },
    { method: 'GET', path: '/v1/analyticsReportInstances/{id}/segments', handler: listSegments },
    { method: 'GET', path: '/v1/analyticsReportSegments/{id}', handler: getSegment },
  ],
  // The segment download URLs (pre-signed in Apple's answers).
  rawRoutes: [segmentsRoute],
  seed,
};

export { analyticsControl, stopForInactivity, type AnalyticsControl, type KeyRole } from './control.js';
export { analyticsLines, type RowSpec } from './rows.js';
export { catalog as analyticsCatalog, catalogReport, type CatalogReport } from './catalog.js';
export type { SeedAnalytics } from './seed-types.js';
