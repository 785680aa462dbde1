/**
 * The job summary: the state in plain words; per day impressions → product page views →
 * downloads with the rates; each definition stated; the top territories and source types; the
 * change against the previous period with a small mermaid chart. Values from Apple (territory,
 * source type, report names) are HTML-escaped.
 */
import { escapeHtml, summary } from '@asc-actions/core';
import { DEFINITIONS, type Row, type Summary } from './summary.js';

const n = (v: number): string => v.toLocaleString('en-US');
const r = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const signed = (v: number | null): string => (v === null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)} %`);

const FUNNEL_HEAD = [
  'Impressions',
  'Product page views',
  'Page view rate',
  'Downloads',
  'Download rate',
  'Conversion',
].map((data) => ({ data, header: true }));
const funnelCells = (t: Row): string[] => [
  n(t.impressions),
  n(t.productPageViews),
  r(t.pageViewRate),
  n(t.downloads),
  r(t.downloadRate),
  r(t.conversionRate),
];

/** A small chart: conversion (%) per day for the last 14 days (labels are dates, values numbers: nothing untrusted). */
export function conversionChart(s: Summary): string {
  const days = s.days.filter((d) => d.conversionRate !== null).slice(-14);
  if (days.length < 2) return '';
  const x = days.map((d) => `"${d.date.slice(5)}"`).join(', ');
  const y = days.map((d) => String(Math.round(d.conversionRate! * 1000) / 10)).join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Conversion per day (%)"',
    `  x-axis [${x}]`,
    '  y-axis "%"',
    `  line [${y}]`,
    '```',
    '',
  ].join('\n');
}

export const STATE_TEXT: Record<Summary['state'], string> = {
  requested:
    'The analytics report request was just created. Apple needs a day or more (24–48 hours) to produce the first report instances; the next run fetches them.',
  'not-available-yet':
    'Apple has no report instance for these dates yet (daily instances come out the next day; data is complete after two to five days).',
  available: 'Reports fetched.',
};

export async function writeJobSummary(s: Summary, paths: string[]): Promise<void> {
  summary.addHeading(`App Store analytics for ${escapeHtml(s.app)} (${s.granularity.toLowerCase()})`, 3);
  summary.addRaw(`<p><b>${s.state}</b>: ${escapeHtml(STATE_TEXT[s.state])}</p>`, true);
  if (s.reports.length) {
    summary.addTable([
      ['Report', 'State', 'Instances', 'Dates', 'Rows', 'Downloaded', 'From cache'].map((data) => ({
        data,
        header: true,
      })),
      ...s.reports.map((x) => [
        escapeHtml(x.name),
        x.state,
        String(x.instances),
        x.dates ? `${x.dates.from} – ${x.dates.to}` : '—',
        n(x.rows),
        String(x.downloaded),
        String(x.fromCache),
      ]),
    ]);
  }
  if (s.days.length) {
    summary.addHeading('Impressions → product page views → downloads', 4);
    summary.addTable([
      [{ data: 'Date', header: true }, ...FUNNEL_HEAD],
      ...s.days.slice(-14).map((d) => [d.date, ...funnelCells(d)]),
      ['<b>All days</b>', ...funnelCells(s.totals)],
    ]);
    if (s.change) {
      const c = s.change;
      summary.addHeading(
        `Change: ${c.current.from} – ${c.current.to} against ${c.previous.from} – ${c.previous.to}`,
        4,
      );
      summary.addTable([
        [{ data: 'Period', header: true }, ...FUNNEL_HEAD],
        [`${c.current.from} – ${c.current.to}`, ...funnelCells(c.current.totals)],
        [`${c.previous.from} – ${c.previous.to}`, ...funnelCells(c.previous.totals)],
        [
          'Change',
          signed(c.impressions),
          signed(c.productPageViews),
          '—',
          signed(c.downloads),
          '—',
          signed(c.conversionRate),
        ],
      ]);
    }
    const chart = conversionChart(s);
    if (chart) summary.addRaw(chart, true);
    for (const [title, key, list] of [
      ['Top territories', 'territory', s.topTerritories],
      ['Top source types', 'sourceType', s.topSourceTypes],
    ] as const) {
      if (!list.length) continue;
      summary.addHeading(title, 4);
      summary.addTable([
        [{ data: key === 'territory' ? 'Territory' : 'Source type', header: true }, ...FUNNEL_HEAD],
        ...list.map((t) => [escapeHtml(String((t as unknown as Record<string, unknown>)[key])), ...funnelCells(t)]),
      ]);
    }
    summary.addRaw('<details><summary>Definitions</summary>', true);
    summary.addList(Object.entries(DEFINITIONS).map(([k, v]) => `${k}: ${escapeHtml(v)}`));
    summary.addRaw('</details>', true);
  }
  const missing = s.reports.filter((x) => x.missingColumns.length);
  const notes = [
    ...s.notes,
    ...missing.map(
      (x) => `${x.name}: columns missing for the summary: ${x.missingColumns.join(', ')} (rows were still written).`,
    ),
  ];
  if (notes.length) summary.addList(notes.map(escapeHtml));
  if (paths.length)
    summary.addRaw(`<p>Written: ${paths.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}.</p>`, true);
  await summary.write();
}
