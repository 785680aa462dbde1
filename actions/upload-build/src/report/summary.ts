/**
 * The job summary: what was uploaded (or found), its state, and where the time went, as a table
 * and a mermaid chart of the phases. The app's name is HTML-escaped (core.summary writes HTML).
 */
import { escapeHtml, summary } from '@asc-actions/core';
import type { Outcome } from '../model.js';

const STATE_TEXT: Record<Outcome['state'], string> = {
  processed: '✅ uploaded and processed',
  uploaded: '📤 uploaded; App Store Connect is processing it',
  'already-uploaded': '♻️ already in App Store Connect: nothing uploaded',
  processing: '⏳ still processing when the timeout ran out',
  'would-upload': '🧪 dry run: would upload',
};

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function phaseChart(o: Outcome): string | undefined {
  const phases = o.timings.filter((t) => t.ms > 0);
  if (phases.length < 2) return undefined;
  return [
    '```mermaid',
    'pie showData',
    '    title Where the time went (seconds)',
    ...phases.map((p) => `    "${p.phase}" : ${(p.ms / 1000).toFixed(1)}`),
    '```',
  ].join('\n');
}

export async function writeSummary(o: Outcome, failure?: string): Promise<void> {
  const t = o.target;
  summary.addHeading(
    `Build upload: ${escapeHtml(t.app.name)} ${escapeHtml(t.version)} (${escapeHtml(t.buildNumber)}) for ${t.platform}`,
    2,
  );
  if (failure) summary.addRaw(`<p>❌ ${escapeHtml(failure)}</p>`, true);
  summary.addTable([
    [
      { data: 'What', header: true },
      { data: 'Value', header: true },
    ],
    ['State', STATE_TEXT[o.state]],
    ...(o.dryRun ? [['Plan', escapeHtml(o.plan)]] : []),
    ['File', `${escapeHtml(o.file.fileName)} (${mib(o.file.size)})`],
    ['Sent', o.sent > 0 ? `${mib(o.sent)} in ${o.parts} part(s), MD5 ${o.md5 ?? ''}` : 'nothing'],
    ['Build upload', o.uploadId ?? '—'],
    ['Build', o.buildId ?? '—'],
    ...o.warnings.map((w) => ['Apple warns', escapeHtml(`${w.code ?? ''} ${w.description ?? ''}`.trim())]),
  ]);
  const chart = phaseChart(o);
  if (chart) summary.addRaw(`\n${chart}\n`, true);
  await summary.write();
}
