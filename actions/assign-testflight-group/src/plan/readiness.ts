/**
 * What Apple requires before a build can go to Beta App Review, checked before any write so that
 * every missing item is reported at once (Apple's own answer is a 422 naming only the first, or
 * an opaque 500). Pure.
 */
import type { ReviewInfo } from '../read/review.js';

export interface ReadinessInput {
  review: ReviewInfo;
  primaryLocale: string;
  /** Export compliance after this run's write (undefined: still unanswered; 'unknown': build not listed yet). */
  compliance?: boolean | 'unknown';
  /** Locales with What to Test after this run's writes. */
  notesLocales: string[];
}

const filled = (v: string | undefined): boolean => v !== undefined && v.trim() !== '';
const WHERE = 'App Store Connect → TestFlight → Test Information';
const set = (input: string): string => `set ${input}, or ${WHERE}`;

export function missingForReview(input: ReadinessInput): string[] {
  const out: string[] = [];
  const { review } = input;
  const main = review.localizations.find((l) => l.locale === input.primaryLocale) ?? review.localizations[0];
  const locale = main?.locale ?? input.primaryLocale;
  if (input.compliance === undefined)
    out.push(
      'export compliance: the build has no answer; set uses-non-exempt-encryption (or ITSAppUsesNonExemptEncryption in Info.plist)',
    );
  if (!filled(main?.description)) out.push(`Beta App Description (${locale}): ${set('beta-description')}`);
  if (!filled(main?.feedbackEmail)) out.push(`feedback e-mail (${locale}): ${set('feedback-email')}`);
  const c = review.contact;
  const contact = [
    ['first name', c.contactFirstName, 'review-contact-first-name'],
    ['last name', c.contactLastName, 'review-contact-last-name'],
    ['phone', c.contactPhone, 'review-contact-phone'],
    ['e-mail', c.contactEmail, 'review-contact-email'],
  ].filter(([, v]) => !filled(v));
  if (contact.length > 0)
    out.push(
      `Beta App Review contact ${contact.map(([n]) => n).join(', ')}: ${set(contact.map(([, , i]) => i).join(', '))}`,
    );
  if (c.demoAccountRequired === true && !(c.hasDemoAccountName && c.hasDemoAccountPassword)) {
    out.push(
      `demo account ${[!c.hasDemoAccountName && 'user name', !c.hasDemoAccountPassword && 'password'].filter(Boolean).join(' and ')} (sign-in is marked as required): ${set('demo-account-name and demo-account-password')}`,
    );
  }
  if (input.notesLocales.length === 0) out.push('What to Test: the build has none; set test-notes or test-notes-file');
  return out;
}
