/**
 * Findings as GitHub annotations on the files they are about. Many warnings of one kind (CRLF in
 * twenty files) become one annotation that lists the files: GitHub shows only ten per step.
 * Errors are never grouped; they stop the run before any write.
 */
import { annotate, InputError } from '@asc-actions/core';
import { errorsOf, warningsOf, type Finding } from '../model/findings.js';

const GROUP_ABOVE = 3;

function annotateOne(f: Finding): void {
  annotate(f.level, f.message, { file: f.file, line: f.line });
}

export function annotateWarnings(findings: readonly Finding[]): void {
  const byCode = new Map<string, Finding[]>();
  for (const f of findings.filter((x) => x.level !== 'error')) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  for (const group of byCode.values()) {
    if (group.length <= GROUP_ABOVE) {
      group.forEach(annotateOne);
      continue;
    }
    const [first] = group;
    const files = group.slice(1).map((f) => f.file ?? f.locale ?? '?');
    annotate(first!.level, `${first!.message} The same in ${files.length} more: ${files.join(', ')}.`, {
      file: first!.file,
      line: first!.line,
    });
  }
}

/**
 * How many findings stop the writes: the errors, or (with `fail-on-warnings`, when there are no
 * errors) the warnings. 0: the plan may be applied.
 */
export function blockingCount(findings: readonly Finding[], failOnWarnings: boolean): number {
  return errorsOf(findings).length || (failOnWarnings ? warningsOf(findings).length : 0);
}

/** Throws (after annotating the others) when the plan has errors: nothing may be written. */
export function stopOnErrors(findings: readonly Finding[]): void {
  const errors = errorsOf(findings);
  if (errors.length === 0) return;
  errors.slice(1).forEach(annotateOne);
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} above)` : '';
  throw new InputError(`${first!.message}${more} Nothing was written.`, { file: first!.file, line: first!.line });
}

export function stopOnWarnings(findings: readonly Finding[], failOnWarnings: boolean): void {
  const warnings = warningsOf(findings);
  if (!failOnWarnings || warnings.length === 0) return;
  const first = warnings[0]!.message.replace(/[.\s]+$/, '');
  const more =
    warnings.length > 1 ? ` (and ${warnings.length - 1} more warning${warnings.length > 2 ? 's' : ''} above)` : '';
  throw new InputError(`"fail-on-warnings" is true and the plan has warnings: ${first}${more}. Nothing was written.`, {
    input: 'fail-on-warnings',
  });
}
