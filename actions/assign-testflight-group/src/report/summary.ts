/**
 * The job summary: a timeline (found, processed, notes, groups, testers, review), the groups, the
 * testers' numbers and the steps. Every name or address that came from a workflow or from App
 * Store Connect is HTML-escaped (summary tables and lists are HTML).
 */
import { escapeHtml, setOutputs, summary } from '@asc-actions/core';
import { outputsOf, type Outcome } from './outcome.js';
import type { Timeline } from './timeline.js';

function title(o: Outcome): string {
  const build = o.build ? `${o.build.version} (${o.build.buildNumber})` : 'build not listed yet';
  return `${o.dryRun ? 'Dry run — ' : ''}TestFlight: ${o.app.name} ${build}`;
}

function groupRows(o: Outcome): string[][] {
  return Object.entries(o.groups).map(([name, g]) => [
    escapeHtml(name),
    g.internal ? 'internal' : 'external',
    g.created ? (o.dryRun ? 'would be created' : 'created') : 'existing',
    g.added ? (o.dryRun ? 'would be added' : 'added') : 'already had it',
  ]);
}

export async function writeSummary(
  o: Outcome,
  timeline: Timeline,
  failure?: { message: string; notDone: string[] },
): Promise<void> {
  summary.addHeading(escapeHtml(title(o)), 3);
  if (o.dryRun)
    summary.addRaw('<p>Dry run: nothing was changed. The steps below are what a real run would do.</p>', true);
  if (failure) summary.addRaw(`<p><strong>Stopped:</strong> ${escapeHtml(failure.message)}</p>`, true);
  summary.addTable([
    [
      { data: 'When', header: true },
      { data: 'Step', header: true },
      { data: 'Detail', header: true },
    ],
    ...timeline.events.map((e) => [timeline.offset(e.at), escapeHtml(e.step), escapeHtml(e.detail)]),
  ]);
  if (Object.keys(o.groups).length > 0) {
    summary.addTable([
      [
        { data: 'Group', header: true },
        { data: 'Type', header: true },
        { data: 'Group state', header: true },
        { data: 'Build', header: true },
      ],
      ...groupRows(o),
    ]);
  }
  const verb = o.dryRun ? 'would be added' : 'added';
  if (!failure)
    summary.addRaw(
      `<p>Testers ${verb}: <strong>${o.testersAdded.length}</strong>; already present: <strong>${o.testersAlreadyPresent.length}</strong>. Beta review: <strong>${escapeHtml(o.betaReviewState)}</strong>.</p>`,
      true,
    );
  if (o.steps.length > 0) {
    summary.addDetails(
      o.dryRun ? `Planned steps (${o.steps.length})` : `Steps applied (${o.steps.length})`,
      `<ul>${o.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`,
    );
  }
  if (failure && failure.notDone.length > 0)
    summary.addDetails(
      `Not applied (${failure.notDone.length})`,
      `<ul>${failure.notDone.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`,
    );
  if (o.warnings.length > 0) summary.addList(o.warnings.map(escapeHtml));
  await summary.write();
}

/** The outputs and the job summary of a run that went through. */
export async function report(outcome: Outcome, timeline: Timeline): Promise<void> {
  setOutputs(outputsOf(outcome));
  await writeSummary(outcome, timeline);
}
