/**
 * Checks every value the repository gives, before anything is compared or written: Apple's
 * limits in code points, URLs, one-line fields, the review contact email. Errors name the file
 * and the line where the limit is crossed.
 */
import { REVIEW_FIELDS } from '../model/app-wide-fields.js';
import { LOCALIZED_FIELDS, type LocalizedField } from '../model/fields.js';
import type { Finding } from '../model/findings.js';
import type { LocalizedValues, MetadataSource, SourceValue } from '../model/source.js';

const ONE_LINE = new Set([
  'name',
  'subtitle',
  'keywords',
  'privacy_url',
  'privacy_choices_url',
  'marketing_url',
  'support_url',
]);

export const codePoints = (text: string): number => [...text].length;

/** The line (within the file) on which the `limit`-th code point is passed. */
function lineOfExcess(v: SourceValue, limit: number): number {
  const chars = [...(v.value ?? '')].slice(0, limit + 1);
  return v.line + chars.filter((c) => c === '\n').length;
}

export function isWebUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function checkField(field: LocalizedField, v: SourceValue, locale: string, findings: Finding[]): void {
  const text = v.value;
  const at = { file: v.file, locale, field: field.key };
  if (text === null) {
    if (!field.clearable)
      findings.push({
        level: 'error',
        code: 'cannot-clear',
        message: `${v.file}: the ${field.label} cannot be cleared.`,
        line: v.line,
        ...at,
      });
    return;
  }
  if (field.limit !== undefined && codePoints(text) > field.limit) {
    const message = `${v.file}: the ${field.label} (${locale}) is ${codePoints(text)} characters; App Store Connect allows ${field.limit}.`;
    findings.push({ level: 'error', code: 'too-long', message, line: lineOfExcess(v, field.limit), ...at });
  }
  if (ONE_LINE.has(field.key) && text.includes('\n')) {
    findings.push({
      level: 'error',
      code: 'multi-line',
      message: `${v.file}: the ${field.label} (${locale}) must be one line.`,
      line: v.line + 1,
      ...at,
    });
  }
  if (field.url && !isWebUrl(text)) {
    findings.push({
      level: 'error',
      code: 'bad-url',
      message: `${v.file}: the ${field.label} (${locale}) "${text.slice(0, 80)}" is not an http(s) URL with a host.`,
      line: v.line,
      ...at,
    });
  }
  if (field.key === 'keywords' && Buffer.byteLength(text, 'utf8') > 100) {
    const message = `${v.file}: the keywords (${locale}) are ${Buffer.byteLength(text, 'utf8')} UTF-8 bytes; the API takes them (${codePoints(text)} of 100 characters) but some Apple tools count bytes.`;
    findings.push({ level: 'warning', code: 'keywords-bytes', message, line: v.line, ...at });
  }
}

function checkLocale(values: LocalizedValues, locale: string, findings: Finding[]): void {
  for (const field of LOCALIZED_FIELDS) {
    const v = values[field.key];
    if (v) checkField(field, v, locale, findings);
  }
}

export function validateSource(source: MetadataSource): Finding[] {
  const findings: Finding[] = [];
  checkLocale(source.defaults, 'default', findings);
  for (const [locale, values] of source.locales) checkLocale(values, locale, findings);
  const email = source.review.email_address;
  if (email?.value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value)) {
    // The address itself is not quoted: review contact details are never printed.
    findings.push({
      level: 'error',
      code: 'bad-email',
      message: `${email.file}: the App Review contact email is not an email address.`,
      file: email.file,
      line: email.line,
      field: 'review.email_address',
    });
  }
  for (const field of REVIEW_FIELDS) {
    const v = source.review[field.key];
    if (v?.value && field.key !== 'notes' && v.value.includes('\n')) {
      findings.push({
        level: 'error',
        code: 'multi-line',
        message: `${v.file}: the ${field.label} must be one line.`,
        file: v.file,
        line: v.line,
        field: `review.${field.key}`,
      });
    }
  }
  return findings;
}
