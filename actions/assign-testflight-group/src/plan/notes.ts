/**
 * What to Test and the app's beta test information (pure).
 *
 * Apple creates the build's beta localization itself, in the app's primary locale (Apple-Actions
 * waits up to 10 minutes for it to appear, then PATCHes it: upload-testflight-build
 * `src/buildMetadata.ts`; fastlane writes its default text into every localization the build
 * has: `pilot/lib/pilot/build_manager.rb` `update_localized_build_review`). So plain-text notes go
 * to that existing localization — the primary locale's, or the build's only one — and are created
 * in the primary locale only when there is none: never a new en-US one on a de-DE app.
 */
import type { Settings } from '../inputs.js';
import type { RemoteState } from '../read/state.js';
import type { Plan } from './steps.js';

function plainTarget(state: RemoteState): { id?: string; locale: string; whatsNew?: string } {
  const primary = state.notes.find((n) => n.locale === state.app.primaryLocale);
  if (primary) return primary;
  if (state.notes.length === 1) return state.notes[0]!;
  return { locale: state.app.primaryLocale };
}

export function planNotes(settings: Settings, state: RemoteState, plan: Plan): void {
  for (const n of state.notes) if ((n.whatsNew ?? '').trim() !== '') plan.notes[n.locale] = n.whatsNew!.trim();
  const notes = settings.testNotes;
  if (!notes) return;
  const wanted = 'plain' in notes ? { [plainTarget(state).locale]: notes.plain } : notes.byLocale;
  for (const [locale, text] of Object.entries(wanted)) {
    plan.notes[locale] = text;
    const existing = state.notes.find((n) => n.locale === locale);
    if (!existing) plan.steps.push({ kind: 'create-notes', locale, text });
    else if ((existing.whatsNew ?? '').trim() !== text)
      plan.steps.push({ kind: 'update-notes', id: existing.id, locale, text });
  }
}

const differs = (current: unknown, wanted: unknown): boolean =>
  wanted === null ? current !== undefined && current !== null && current !== '' : current !== wanted;

/** Beta localization (primary locale) and review detail fields that differ from what is there. */
export function planTestInformation(settings: Settings, state: RemoteState, plan: Plan): void {
  const info = settings.testInformation;
  const review = state.review;
  if (!review) return;
  const locale = state.app.primaryLocale;
  const current = review.localizations.find((l) => l.locale === locale);
  const loc = Object.fromEntries(
    Object.entries(info.localization).filter(([k, v]) =>
      differs((current as Record<string, unknown> | undefined)?.[k], v),
    ),
  );
  if (Object.keys(loc).length > 0)
    plan.steps.push({ kind: 'beta-localization', id: current?.id, locale, attributes: loc });
  const contact = review.contact as unknown as Record<string, unknown>;
  const detail = Object.fromEntries(Object.entries(info.review).filter(([k, v]) => differs(contact[k], v)));
  if (Object.keys(detail).length > 0) plan.steps.push({ kind: 'review-detail', attributes: detail });
}
