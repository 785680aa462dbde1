/**
 * Age rating declarations: `GET /v1/appInfos/{id}/ageRatingDeclaration`, and
 * `include=ageRatingDeclaration` on app infos. Apple creates the declaration with the app info;
 * until the questionnaire is answered its answers are null (the emulator omits them, as it
 * omits every unset attribute; see app-store/rules.ts).
 */
import type { ResourceType } from '../../jsonapi/resource-types.js';
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import { resourceNotFound } from '../../jsonapi/errors.js';
import { requireResource, type ResourceFamily } from '../family.js';
import { related } from '../app-store/links.js';
import { reviewReply } from './review-submissions.js';

const ageRatingType: ResourceType = { type: 'ageRatingDeclarations', relationships: {} };

function ofAppInfo(ctx: HandlerContext): Reply {
  const info = requireResource(ctx, 'appInfos', ctx.params.id ?? '');
  const rating = related(ctx.state, info, 'ageRatingDeclaration', 'ageRatingDeclarations');
  if (!rating) throw resourceNotFound('ageRatingDeclarations', `for appInfos ${info.id}`);
  return reviewReply(ctx, rating);
}

export const ageRatingsFamily: ResourceFamily = {
  name: 'ageRatingDeclarations',
  types: [ageRatingType],
  routes: [{ method: 'GET', path: '/v1/appInfos/{id}/ageRatingDeclaration', handler: ofAppInfo }],
};
