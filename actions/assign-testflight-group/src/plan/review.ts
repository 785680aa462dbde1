/**
 * Beta App Review (pure): whether the build is submitted, what Apple would refuse it for — every
 * missing item at once, counting what this run writes first — and another build of the version
 * that waits for review (only one can).
 */
import type { Settings } from '../inputs.js';
import type { RemoteState } from '../read/state.js';
import type { ReviewInfo } from '../read/review.js';
import type { Plan } from './steps.js';
import { missingForReview } from './readiness.js';

/** The review information as it will be after this run's writes. */
function afterWrites(review: ReviewInfo, plan: Plan, primaryLocale: string): ReviewInfo {
  const localizations = review.localizations.map((l) => ({ ...l }));
  const contact = { ...review.contact };
  for (const step of plan.steps) {
    if (step.kind === 'beta-localization') {
      let target = localizations.find((l) => l.locale === primaryLocale);
      if (!target) localizations.push((target = { id: '', locale: primaryLocale }));
      Object.assign(target, Object.fromEntries(Object.entries(step.attributes).map(([k, v]) => [k, v ?? undefined])));
    }
    if (step.kind === 'review-detail') {
      Object.assign(contact, Object.fromEntries(Object.entries(step.attributes).map(([k, v]) => [k, v ?? undefined])));
      contact.hasDemoAccountName = Boolean(contact.demoAccountName?.trim());
      contact.hasDemoAccountPassword = Boolean(contact.demoAccountPassword?.trim());
    }
  }
  return { ...review, localizations, contact };
}

export function planReview(settings: Settings, state: RemoteState, plan: Plan): void {
  const review = state.review;
  const wanted =
    review !== undefined &&
    (settings.submitForBetaReview === true ||
      (settings.submitForBetaReview === 'auto' && plan.groups.some((g) => !g.internal)));
  plan.review = { wanted, existingState: review?.submission?.state };
  if (!review || !wanted || review.submission) return;
  const compliance = state.build
    ? (settings.usesNonExemptEncryption ?? state.build.usesNonExemptEncryption)
    : (settings.usesNonExemptEncryption ?? 'unknown');
  const missing = missingForReview({
    review: afterWrites(review, plan, state.app.primaryLocale),
    primaryLocale: state.app.primaryLocale,
    compliance,
    notesLocales: Object.keys(plan.notes),
  });
  const notes = missing.find((m) => m.startsWith('What to Test'));
  if (notes) {
    plan.problems.push({
      input: 'test-notes',
      message:
        'Input "test-notes": beta review of an external group needs What to Test, and the build has none. Set test-notes (or test-notes-file), or submit-for-beta-review: false.',
    });
  }
  const others = missing.filter((m) => m !== notes);
  if (others.length > 0) {
    plan.problems.push({
      message: `Build cannot be submitted for beta review; App Store Connect is missing ${others.length} item${others.length === 1 ? '' : 's'}:\n${others.map((m) => `  - ${m}`).join('\n')}`,
    });
  }
  for (const other of review.othersInReview) {
    if (other.state === 'WAITING_FOR_REVIEW' && settings.expireBuildWaitingForReview) {
      plan.steps.push({ kind: 'expire-build', buildId: other.id, buildNumber: other.buildNumber });
    } else {
      const fix =
        other.state === 'WAITING_FOR_REVIEW'
          ? 'set expire-build-waiting-for-review: true to expire it'
          : 'wait until its review ends';
      plan.problems.push({
        input: 'expire-build-waiting-for-review',
        message: `Build ${other.buildNumber} of this version is ${other.state}; only one build per version can wait for beta review: ${fix}, or set submit-for-beta-review: false.`,
      });
    }
  }
  plan.steps.push({ kind: 'submit' });
}
