/**
 * The job summary: what was fetched, totals per currency (never one grand total across
 * currencies), units by kind, the top territories and, for a range, a chart over the days.
 * Report text is untrusted: every value from a report is HTML-escaped in tables.
 */
import { escapeHtml, summary } from '@asc-actions/core';
import type { SummaryJson } from './summary.js';

const TOP_TERRITORIES = 10;

const money = (byCurrency: Record<string, number>): string =>
  Object.entries(byCurrency)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([c, v]) => `${v.toFixed(2)} ${escapeHtml(c)}`)
    .join(', ') || '—';

const STATE_WORDS: Record<string, string> = {
  available: 'available',
  'no-sales': 'no sales that day (Apple: "There were no sales for the date specified")',
  'not-available-yet': 'not published yet',
};

function title(s: SummaryJson): string {
  const kind = [s.reportType, s.reportSubType, s.regionCode ? `region ${s.regionCode}` : s.frequency]
    .filter(Boolean)
    .join(' ');
  const first = s.dates[0]?.date ?? '';
  const last = s.dates.at(-1)?.date ?? '';
  return `App Store ${kind} report, ${first === last ? first : `${first} to ${last}`}`;
}

/** Mermaid bar chart of one series over the days (labels are dates, values numbers: nothing untrusted). */
export function dayChart(label: string, days: string[], values: number[]): string {
  const x = days.map((d) => `"${d.slice(5)}"`).join(', ');
  const y = values.map((v) => String(Math.round(v * 100) / 100)).join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${label}"`,
    `  x-axis [${x}]`,
    `  y-axis "${label}"`,
    `  bar [${y}]`,
    '```',
    '',
  ].join('\n');
}

function charts(s: SummaryJson): string {
  const days = Object.keys(s.days).sort();
  if (days.length < 2) return '';
  let out = dayChart(
    'Units per day',
    days,
    days.map((d) => s.days[d]!.units),
  );
  // One currency only (amounts in different currencies do not share an axis): USD when there, else the first.
  const top = 'USD' in s.proceedsByCurrency ? 'USD' : Object.keys(s.proceedsByCurrency)[0];
  if (top && /^[A-Z]{3}$/.test(top))
    out += dayChart(
      `Proceeds per day (${top})`,
      days,
      days.map((d) => s.days[d]!.proceedsByCurrency[top] ?? 0),
    );
  return out;
}

function datesTable(s: SummaryJson): void {
  const missing = s.dates.filter((d) => d.state !== 'available');
  if (s.dates.length === 1 && missing.length === 0) return;
  const counts = new Map<string, number>();
  for (const d of s.dates) counts.set(d.state, (counts.get(d.state) ?? 0) + 1);
  summary.addRaw(
    `<p>${s.dates.length} report date(s): ${[...counts].map(([state, n]) => `${n} ${STATE_WORDS[state] ?? state}`).join('; ')}; ${s.dates.filter((d) => d.source === 'cache').length} from the cache.</p>`,
    true,
  );
  if (missing.length) summary.addList(missing.map((d) => `${d.date}: ${STATE_WORDS[d.state] ?? d.state}`));
}

export async function writeJobSummary(s: SummaryJson, context: { path?: string; format: string }): Promise<void> {
  summary.addHeading(escapeHtml(title(s)), 3);
  datesTable(s);
  if (s.rows > 0 || s.status === 'available') {
    summary.addTable([
      [
        { data: 'Currency of proceeds', header: true },
        { data: 'Proceeds', header: true },
      ],
      ...Object.entries(s.proceedsByCurrency).map(([c, v]) => [escapeHtml(c), v.toFixed(2)]),
    ]);
    summary.addTable([
      [
        { data: 'Units', header: true },
        { data: 'Net', header: true },
      ],
      ...Object.entries(s.unitsByClass)
        .filter(([, v]) => v !== 0)
        .map(([c, v]) => [c, String(v)]),
      ['refund rows', String(s.refunds.rows)],
    ]);
    const territories = Object.entries(s.territories)
      .sort((a, b) => b[1].units - a[1].units || b[1].rows - a[1].rows)
      .slice(0, TOP_TERRITORIES);
    if (territories.length) {
      summary.addTable([
        [
          { data: 'Territory', header: true },
          { data: 'Units', header: true },
          { data: 'Proceeds', header: true },
        ],
        ...territories.map(([code, t]) => [escapeHtml(code), String(t.units), money(t.proceedsByCurrency)]),
      ]);
    }
    const chart = charts(s);
    if (chart) summary.addRaw(chart, true);
  }
  if (s.versionSwitches.length)
    summary.addList(
      s.versionSwitches.map(
        (v) => `Apple moved this report from version ${escapeHtml(v.from)} to ${escapeHtml(v.to)}.`,
      ),
    );
  if (s.notes.length) summary.addList(s.notes.map(escapeHtml));
  summary.addRaw(
    `<p>${s.rows} row(s)${context.path ? ` written to <code>${escapeHtml(context.path)}</code> (${context.format})` : '; no output file'}.</p>`,
    true,
  );
  await summary.write();
}
