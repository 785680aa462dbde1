/** The pull-request comment: the plan as a markdown table, kept under GitHub's comment size. */
import { errorsOf, warningsOf } from '../model/findings.js';
import { changesOf, type Plan } from '../model/plan.js';
import { lengthOf, shown, where } from './display.js';

const MAX_ROWS = 150;
const MAX_WARNINGS = 30;

/**
 * Text from the repository or App Store Connect in a table cell: literal, one line, no HTML, no
 * markdown, no @mentions or #references (core's escapeMarkdown backslashes the `#` of the HTML
 * entities it makes, which GitHub then shows as `&#39;`).
 */
export const cell = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]#|~@])/g, '\\$1')
    .replace(/\r?\n/g, ' ');

export function commentBody(plan: Plan, marker: string, context: { sha?: string; runUrl?: string }): string {
  const t = plan.target;
  const changes = changesOf(plan);
  const lines = [
    marker,
    `### App Store metadata plan — ${cell(t.appName || t.bundleId)} ${t.platform} ${cell(t.versionString)}${t.createVersion ? ' (new version)' : ''}`,
    '',
    changes.length === 0
      ? 'No differences: App Store Connect already matches this branch.'
      : `${changes.length} change(s)${plan.createdLocales.length ? `, new locales: ${plan.createdLocales.join(', ')}` : ''}. Nothing is written until this is merged.`,
  ];
  if (changes.length > 0) {
    lines.push('', '| Locale | Field | Before | After | Length |', '| --- | --- | --- | --- | --- |');
    for (const c of changes.slice(0, MAX_ROWS))
      lines.push(
        `| ${where(c)} | ${cell(c.label)} | ${cell(shown(c, 'before', 40))} | ${cell(shown(c, 'after', 40))} | ${lengthOf(c)} |`,
      );
    if (changes.length > MAX_ROWS)
      lines.push('', `…and ${changes.length - MAX_ROWS} more changes: see the job summary.`);
  }
  const errors = errorsOf(plan.findings);
  if (errors.length > 0) {
    lines.push('', `**${errors.length} error(s): this plan cannot be applied until they are fixed.**`, '');
    for (const e of errors.slice(0, MAX_WARNINGS)) lines.push(`- ${cell(e.message)}`);
  }
  const warnings = warningsOf(plan.findings);
  if (warnings.length > 0) {
    lines.push('', `<details><summary>${warnings.length} warning(s)</summary>`, '');
    for (const w of warnings.slice(0, MAX_WARNINGS)) lines.push(`- ${cell(w.message)}`);
    if (warnings.length > MAX_WARNINGS)
      lines.push(`- …and ${warnings.length - MAX_WARNINGS} more (see the job summary)`);
    lines.push('', '</details>');
  }
  const footer = [context.sha ? `for ${context.sha.slice(0, 7)}` : '', context.runUrl ? `[run](${context.runUrl})` : '']
    .filter(Boolean)
    .join(' · ');
  lines.push('', `<sub>upload-metadata${footer ? ` ${footer}` : ''}</sub>`);
  return lines.join('\n');
}
