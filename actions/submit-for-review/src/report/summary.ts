/**
 * The job summary: where the version stands, the readiness table (each missing item with its
 * fix), the steps (planned in a dry run, applied otherwise), and a mermaid timeline of the
 * review path. Everything from App Store Connect is HTML-escaped.
 */
import { escapeHtml, summary } from '@asc-actions/core';
import type { ReadinessItem, Step } from '../model.js';
import { describeStep } from './steps.js';

export interface SummaryContext {
  appName: string;
  versionString: string;
  platform: string;
  dryRun: boolean;
  state: string;
  submissionId?: string;
  buildId?: string;
  readiness: ReadinessItem[];
  steps: Step[];
  /** Steps applied before a failure, when one happened. */
  applied?: Step[];
  notes: string[];
}

const PATH = [
  'PREPARE_FOR_SUBMISSION',
  'READY_FOR_REVIEW',
  'WAITING_FOR_REVIEW',
  'IN_REVIEW',
  'PENDING_DEVELOPER_RELEASE / READY_FOR_SALE',
];

function journey(state: string): string {
  const at = PATH.findIndex((p) => p.startsWith(state));
  const lines = PATH.map((p, i) => `    ${p.replace(/[^\w ]/g, ' ').replace(/\s+/g, '_')}${i === at ? ':::here' : ''}`);
  return [
    '```mermaid',
    'flowchart LR',
    lines
      .map((l) => l.trim())
      .join(' --> ')
      .replace(/^/, '    '),
    '    classDef here fill:#2da44e,color:#fff',
    '```',
  ].join('\n');
}

export async function writeSummary(ctx: SummaryContext): Promise<void> {
  const title = `App Review: ${ctx.appName} ${ctx.versionString} (${ctx.platform})${ctx.dryRun ? ' — dry run' : ''}`;
  const s = summary.addHeading(escapeHtml(title), 2);
  s.addRaw(
    `<p>State: <b>${escapeHtml(ctx.state)}</b>${ctx.submissionId ? ` · submission <code>${escapeHtml(ctx.submissionId)}</code>` : ''}${ctx.buildId ? ` · build <code>${escapeHtml(ctx.buildId)}</code>` : ''}</p>`,
    true,
  );
  s.addRaw(journey(ctx.state), true);
  s.addHeading('Readiness', 3);
  s.addTable([
    [
      { data: 'Item', header: true },
      { data: 'Status', header: true },
      { data: 'Detail', header: true },
      { data: 'Fix', header: true },
    ],
    ...ctx.readiness.map((i) => [
      escapeHtml(i.item),
      i.ok ? '✅' : '❌',
      escapeHtml(i.detail),
      escapeHtml(i.fix ?? '—'),
    ]),
  ]);
  const done = ctx.applied ?? (ctx.dryRun ? [] : ctx.steps);
  s.addHeading(ctx.dryRun ? 'Plan (nothing sent)' : 'Steps', 3);
  if (ctx.steps.length === 0) s.addRaw('<p>Nothing to do: App Store Connect already matches.</p>', true);
  else
    s.addList(
      ctx.steps.map(
        (step) => `${done.includes(step) ? '✅' : ctx.dryRun ? '◻️' : '⏸'} ${escapeHtml(describeStep(step))}`,
      ),
      true,
    );
  for (const note of ctx.notes) s.addRaw(`<p>${escapeHtml(note)}</p>`, true);
  await s.write();
}
