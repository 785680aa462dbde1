/**
 * Beta test information to write (point 8): the app's beta localization in its primary locale
 * (Beta App Description, feedback e-mail, marketing and privacy URLs) and the Beta App Review
 * contact and demo account. Same blank rules as upload-metadata: an empty input sets nothing, the
 * value `<clear>` clears the field.
 */
import { InputError, inputs, maskValue } from '@asc-actions/core';
import { EMAIL } from './testers.js';

export const CLEAR = '<clear>';
/** A value to set, or null to clear. */
type Value = string | null;

export interface TestInformation {
  localization: { description?: Value; feedbackEmail?: Value; marketingUrl?: Value; privacyPolicyUrl?: Value };
  review: {
    contactFirstName?: Value;
    contactLastName?: Value;
    contactPhone?: Value;
    contactEmail?: Value;
    demoAccountName?: Value;
    demoAccountPassword?: Value;
    demoAccountRequired?: boolean;
    notes?: Value;
  };
}

const LOCALIZATION = {
  'beta-description': 'description',
  'feedback-email': 'feedbackEmail',
  'marketing-url': 'marketingUrl',
  'privacy-policy-url': 'privacyPolicyUrl',
} as const;
const REVIEW = {
  'review-contact-first-name': 'contactFirstName',
  'review-contact-last-name': 'contactLastName',
  'review-contact-phone': 'contactPhone',
  'review-contact-email': 'contactEmail',
  'demo-account-name': 'demoAccountName',
  'demo-account-password': 'demoAccountPassword',
  'review-notes': 'notes',
} as const;
const LIMITS: Record<string, number> = { 'beta-description': 4000, 'review-notes': 4000 };

function value(name: string): Value | undefined {
  const raw = inputs.optional(name);
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === CLEAR) return null;
  const max = LIMITS[name];
  if (max !== undefined && [...text].length > max)
    throw new InputError(`Input "${name}" has ${[...text].length} characters; Apple allows at most ${max}.`, {
      input: name,
    });
  if ((name === 'feedback-email' || name === 'review-contact-email') && !EMAIL.test(text)) {
    throw new InputError(
      `Input "${name}" must be an e-mail address (e.g. beta@example.com); got ${JSON.stringify(text.slice(0, 80))}.`,
      { input: name },
    );
  }
  if (name.endsWith('-url') && !/^https?:\/\/\S+$/.test(text))
    throw new InputError(`Input "${name}" must be an http(s) URL; got ${JSON.stringify(text.slice(0, 80))}.`, {
      input: name,
    });
  return text;
}

export function readTestInformation(): TestInformation {
  const out: TestInformation = { localization: {}, review: {} };
  for (const [name, field] of Object.entries(LOCALIZATION)) {
    const v = value(name);
    if (v !== undefined) out.localization[field] = v;
  }
  for (const [name, field] of Object.entries(REVIEW)) {
    const v = value(name);
    if (v !== undefined) out.review[field] = v;
  }
  if (out.review.demoAccountPassword) maskValue(out.review.demoAccountPassword);
  if (inputs.optional('demo-account-required') !== undefined)
    out.review.demoAccountRequired = inputs.boolean('demo-account-required', false);
  return out;
}

export function hasTestInformation(t: TestInformation): boolean {
  return Object.keys(t.localization).length > 0 || Object.keys(t.review).length > 0;
}
