/** The job summary: what was planned or done, as a table, then the warnings and the result. */
import { escapeHtml, summary } from '@asc-actions/core';
import type { StepResult } from '../apply/steps.js';
import { errorsOf, warningsOf, type Finding } from '../model/findings.js';
import { changesOf, type Change, type Plan } from '../model/plan.js';
import { lengthOf, shown, where } from './display.js';

export interface SummaryInput {
  plan: Plan;
  dryRun: boolean;
  /** A real run refused by the checks: this many problems stopped it (errors, or warnings with fail-on-warnings). */
  refused?: number;
  results?: StepResult[];
  notPersisted?: Change[];
}

const STATUS: Record<string, string> = { applied: '✅ applied', failed: '❌ failed' };

function heading(input: SummaryInput): string {
  const t = input.plan.target;
  const version = `${t.platform} ${t.versionString}${t.createVersion ? ' (new)' : ''}${t.live ? ' (live)' : ''}`;
  const refused = input.refused ?? 0;
  const mode = input.dryRun
    ? 'plan (dry run)'
    : refused > 0
      ? `not applied: ${refused} problem${refused > 1 ? 's' : ''}`
      : input.results
        ? 'applied'
        : 'plan';
  return escapeHtml(`App Store metadata — ${t.appName || t.bundleId} ${version}: ${mode}`);
}

function stepOf(plan: Plan, change: Change): string {
  return plan.steps.find((s) => s.changes.includes(change))!.id;
}

function rows(input: SummaryInput): string[][] {
  const withStatus = input.results !== undefined;
  return changesOf(input.plan).map((c) => {
    const row = [
      where(c),
      escapeHtml(c.label),
      escapeHtml(shown(c, 'before')),
      escapeHtml(shown(c, 'after')),
      lengthOf(c),
    ];
    if (withStatus) {
      const result = input.results!.find((r) => r.stepId === stepOf(input.plan, c));
      const lost = input.notPersisted?.includes(c) ? '⚠️ did not persist' : undefined;
      row.push(lost ?? STATUS[result?.status ?? ''] ?? 'not attempted');
    }
    return row;
  });
}

function resultLine(input: SummaryInput): string {
  const results = input.results ?? [];
  const failed = results.filter((r) => r.status === 'failed');
  const lost = input.notPersisted ?? [];
  if (failed.length === 0 && lost.length === 0) return `All ${results.length} steps applied and read back.`;
  const parts = [`${results.length - failed.length} of ${results.length} steps applied`];
  if (failed.length) parts.push(`failed: ${failed.map((r) => `${r.stepId} (${r.error ?? ''})`).join('; ')}`);
  if (lost.length) parts.push(`${lost.length} change(s) did not persist`);
  return `${parts.join('; ')}. A rerun applies what is missing.`;
}

function findingList(title: string, findings: Finding[]): void {
  if (findings.length === 0) return;
  summary.addHeading(`${title} (${findings.length})`, 4);
  summary.addList(findings.map((f) => escapeHtml(f.message)));
}

export async function writeSummary(input: SummaryInput): Promise<void> {
  const plan = input.plan;
  const changes = changesOf(plan);
  summary.addHeading(heading(input), 3);
  const locales = new Set(changes.map((c) => c.locale).filter(Boolean));
  const created = plan.createdLocales.length ? `, new locales: ${plan.createdLocales.join(', ')}` : '';
  summary.addRaw(
    `<p>${changes.length} change(s) in ${locales.size} locale(s)${escapeHtml(created)}; ${warningsOf(plan.findings).length} warning(s).</p>`,
    true,
  );
  if (changes.length > 0) {
    const header = ['Locale', 'Field', 'Before', 'After', 'Length', ...(input.results ? ['Status'] : [])].map((h) => ({
      data: h,
      header: true,
    }));
    summary.addTable([header, ...rows(input)]);
  } else {
    summary.addRaw('<p>No differences: App Store Connect already matches the repository.</p>', true);
  }
  if (input.results) summary.addRaw(`<p><strong>Result:</strong> ${escapeHtml(resultLine(input))}</p>`, true);
  findingList('Errors', errorsOf(plan.findings));
  findingList('Warnings', warningsOf(plan.findings));
  await summary.write();
}
