/**
 * What App Store Connect does when a version is added, as far as known (assumptions, not
 * verified against recorded responses):
 * - the new version starts in PREPARE_FOR_SUBMISSION with the previous version's localizations
 *   (of the same platform) copied, except what's new, and its App Review information copied;
 * - when the app has no editable app info, a new one (PREPARE_FOR_SUBMISSION) is made from the
 *   newest app info, with its localizations and categories copied.
 */
import type { ResourceRecord } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import { seedDeclaration } from './age-rating-declarations.js';
import { childrenOf, linkChild, related } from './links.js';
import { EDITABLE_APP_INFO_STATES } from './rules.js';
import { CATEGORY_RELATIONSHIPS } from './app-infos.js';

function copyVersionLocalizations(state: EmulatorState, from: ResourceRecord, to: ResourceRecord): void {
  for (const loc of childrenOf(state, 'appStoreVersionLocalizations', 'appStoreVersion', from.id)) {
    const { whatsNew: _dropped, ...attributes } = loc.attributes;
    const copy = state.create('appStoreVersionLocalizations', {
      attributes,
      relationships: {
        appStoreVersion: { type: 'appStoreVersions', id: to.id },
        appScreenshotSets: [],
        appPreviewSets: [],
      },
    });
    linkChild(to, 'appStoreVersionLocalizations', copy);
  }
  const review = related(state, from, 'appStoreReviewDetail', 'appStoreReviewDetails');
  if (review) {
    const copy = state.create('appStoreReviewDetails', {
      attributes: { ...review.attributes },
      relationships: { appStoreVersion: { type: 'appStoreVersions', id: to.id } },
    });
    to.relationships.appStoreReviewDetail = { type: 'appStoreReviewDetails', id: copy.id };
  }
}

function ensureEditableAppInfo(state: EmulatorState, app: ResourceRecord): void {
  const infos = childrenOf(state, 'appInfos', 'app', app.id);
  if (infos.length === 0 || infos.some((i) => EDITABLE_APP_INFO_STATES.includes(String(i.attributes.state)))) return;
  const newest = infos[infos.length - 1]!;
  const relationships: ResourceRecord['relationships'] = {
    app: { type: 'apps', id: app.id },
    appInfoLocalizations: [],
  };
  for (const name of CATEGORY_RELATIONSHIPS)
    if (newest.relationships[name]) relationships[name] = newest.relationships[name]!;
  const info = state.create('appInfos', { attributes: { state: 'PREPARE_FOR_SUBMISSION' }, relationships });
  linkChild(app, 'appInfos', info);
  // The new app info starts from the newest one's age rating answers.
  const answers = state.get('ageRatingDeclarations', state.relatedId(newest, 'ageRatingDeclaration') ?? '')?.attributes;
  seedDeclaration(state, info, answers);
  for (const loc of childrenOf(state, 'appInfoLocalizations', 'appInfo', newest.id)) {
    const copy = state.create('appInfoLocalizations', {
      attributes: { ...loc.attributes },
      relationships: { appInfo: { type: 'appInfos', id: info.id } },
    });
    linkChild(info, 'appInfoLocalizations', copy);
  }
}

/** Side effects of adding `version` to `app`; `previous` is the platform's newest version before it. */
export function prepareNewVersion(
  state: EmulatorState,
  app: ResourceRecord,
  version: ResourceRecord,
  previous: ResourceRecord | undefined,
): void {
  if (previous) copyVersionLocalizations(state, previous, version);
  ensureEditableAppInfo(state, app);
}
