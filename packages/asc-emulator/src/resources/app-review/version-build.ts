/**
 * A version's build: `PATCH /v1/appStoreVersions/{id}/relationships/build` (204), and the
 * `build` relationship shown with `include=build` on version reads.
 *
 * Fidelity (docs/evidence/releases.md §2.1; which builds Apple accepts is not documented, the rules here
 * mirror App Store Connect's build picker and fastlane's `select_build` by version):
 * - the version must be editable (409 STATE_ERROR, as for its attributes);
 * - the build must be listed and of the same app, platform and version string (`1.4` = `1.4.0`),
 *   else 409 ENTITY_ERROR.RELATIONSHIP.INVALID;
 * - a build still processing, failed or expired answers 409 STATE_ERROR (issue #17: "a build
 *   not processed").
 */
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { Linkage, ResourceRecord } from '../../types.js';
import { invalidAttribute, invalidRelationship, stateError } from '../../jsonapi/errors.js';
import { requireResource, type ResourceFamily } from '../family.js';
import { isEditableVersion } from '../app-store/app-store-versions.js';
import { notEditable } from '../app-store/rules.js';
import { compareVersions } from '../app-store/version-strings.js';
import { isListed } from '../testflight/timeline.js';
import { tick } from '../testflight/links.js';
import { tickReviews } from './review-submissions.js';

function trainOf(ctx: HandlerContext, build: ResourceRecord): ResourceRecord | undefined {
  const id = ctx.state.relatedId(build, 'preReleaseVersion');
  return id ? ctx.state.get('preReleaseVersions', id) : undefined;
}

function checkBuildFits(ctx: HandlerContext, version: ResourceRecord, build: ResourceRecord): void {
  const train = trainOf(ctx, build);
  const fits =
    ctx.state.relatedId(build, 'app') === ctx.state.relatedId(version, 'app') &&
    train?.attributes.platform === version.attributes.platform &&
    compareVersions(String(train?.attributes.version ?? ''), String(version.attributes.versionString)) === 0;
  if (!fits) {
    throw invalidRelationship(
      '/data',
      `Build '${build.id}' (version ${String(train?.attributes.version)}) cannot be used for version ${String(version.attributes.versionString)} of this app and platform.`,
    );
  }
  if (build.attributes.expired === true) throw stateError(`Build '${build.id}' has expired and cannot be submitted.`);
  if (build.attributes.processingState !== 'VALID')
    throw stateError(
      `Build '${build.id}' is ${String(build.attributes.processingState)}; only a processed build can be attached.`,
    );
}

function attachBuild(ctx: HandlerContext): Reply {
  tick(ctx);
  tickReviews(ctx);
  const version = requireResource(ctx, 'appStoreVersions', ctx.params.id ?? '');
  const data = (ctx.body as { data?: Linkage } | undefined)?.data;
  if (!data || data.type !== 'builds')
    throw invalidAttribute('/data', 'The request body must contain a builds linkage.');
  const build = ctx.state.get('builds', String(data.id));
  if (!build || !isListed(ctx.state, build.id, ctx.now()))
    throw invalidRelationship('/data', `There is no resource of type 'builds' with id '${String(data.id)}'`);
  if (!isEditableVersion(version)) throw notEditable(['build']);
  checkBuildFits(ctx, version, build);
  version.relationships.build = { type: 'builds', id: build.id };
  return { status: 204 };
}

export const versionBuildFamily: ResourceFamily = {
  name: 'appStoreVersions.build',
  types: [],
  routes: [{ method: 'PATCH', path: '/v1/appStoreVersions/{id}/relationships/build', handler: attachBuild }],
};
