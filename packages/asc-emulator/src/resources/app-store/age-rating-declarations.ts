/**
 * Writing an age rating declaration: `PATCH /v1/ageRatingDeclarations/{id}` (reading it, and the
 * seeding, are app-review/age-ratings.ts and app-review/seed.ts). A new editable app info made
 * for a new version starts from the newest one's answers (new-version.ts, `seedDeclaration`).
 *
 * Fidelity: the attributes and their enums are the spec's (4.4.1, including the 2025 questions:
 * advertising, ageAssurance, healthOrWellnessTopics, messagingAndChat, parentalControls,
 * userGeneratedContent, gunsOrOtherWeapons, ageRatingOverrideV2 …); the contract worker checks
 * them, so a wrong enum value or a non-boolean answers 400 as Apple would. fastlane's deliver
 * writes the declaration of the editable app info (deliver/lib/deliver/upload_metadata.rb
 * `set_app_rating`: `app_info.fetch_age_rating_declaration`, then `update`). That a declaration
 * cannot change while its app info is not editable (409 STATE_ERROR) is believed, like the
 * categories' rule (app-infos.ts), not captured.
 */
import type { HandlerContext } from '../../routing/router.js';
import type { Reply } from '../../jsonapi/reply.js';
import type { ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import { singleDocument } from '../../jsonapi/documents.js';
import { invalidAttribute, stateError } from '../../jsonapi/errors.js';
import { bodyData, requireResource, type ResourceFamily } from '../family.js';
import { EDITABLE_APP_INFO_STATES, writeAttributes } from './rules.js';

function reply(ctx: HandlerContext, record: ResourceRecord): Reply {
  return {
    status: 200,
    json: singleDocument(record, { origin: ctx.origin, query: ctx.query, types: ctx.types, state: ctx.state }),
  };
}

/** Makes an app info's declaration (answers unset, or `answers` from a seed). */
export function seedDeclaration(
  state: EmulatorState,
  appInfo: ResourceRecord,
  answers: Record<string, unknown> = {},
): void {
  const record = state.create('ageRatingDeclarations', { attributes: { ...answers }, relationships: {} });
  appInfo.relationships.ageRatingDeclaration = { type: 'ageRatingDeclarations', id: record.id };
}

function patch(ctx: HandlerContext): Reply {
  const id = ctx.params.id ?? '';
  const record = requireResource(ctx, 'ageRatingDeclarations', id);
  const data = bodyData(ctx);
  if (data.id !== id)
    throw invalidAttribute(
      '/data/id',
      `The id '${String(data.id)}' in the request body does not match the id '${id}' in the path.`,
    );
  const owner = ctx.state.all('appInfos').find((i) => ctx.state.relatedId(i, 'ageRatingDeclaration') === id);
  if (owner && !EDITABLE_APP_INFO_STATES.includes(String(owner.attributes.state))) {
    throw stateError(
      `The age rating declaration cannot be edited while its app info is '${String(owner.attributes.state)}'.`,
    );
  }
  writeAttributes(record, data.attributes ?? {});
  return reply(ctx, record);
}

export const ageRatingUpdatesFamily: ResourceFamily = {
  name: 'ageRatingDeclarationUpdates',
  types: [],
  routes: [{ method: 'PATCH', path: '/v1/ageRatingDeclarations/{id}', handler: patch }],
};
