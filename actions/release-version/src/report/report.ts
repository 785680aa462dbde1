/** Outputs (version-id, state, phased-release-state, result) and the job summary. */
import { escapeHtml, setOutputs, summary } from '@asc-actions/core';
import type { Plan, Settings, VersionState } from '../model.js';

export async function report(
  appName: string,
  settings: Settings,
  p: Plan,
  after: VersionState,
  dryRun: boolean,
): Promise<void> {
  const result = dryRun && p.action ? 'unchanged' : p.result;
  setOutputs({
    'version-id': after.id,
    state: after.state,
    'phased-release-state': after.phasedRelease?.state ?? '',
    'phased-release-day': after.phasedRelease?.currentDayNumber ?? '',
    result,
  });
  const s = summary.addHeading(
    escapeHtml(`Release: ${appName} ${after.versionString} — ${settings.step}${dryRun ? ' (dry run)' : ''}`),
    2,
  );
  s.addTable([
    [
      { data: 'Version', header: true },
      { data: 'State', header: true },
      { data: 'Phased release', header: true },
      { data: 'Result', header: true },
    ],
    [
      escapeHtml(after.versionString),
      escapeHtml(after.state),
      escapeHtml(
        after.phasedRelease
          ? `${after.phasedRelease.state}, day ${after.phasedRelease.currentDayNumber ?? '—'} of 7`
          : 'none',
      ),
      escapeHtml(result),
    ],
  ]);
  s.addRaw(`<p>${escapeHtml(dryRun && p.action ? `Dry run, nothing sent. ${p.note}` : p.note)}</p>`, true);
  await s.write();
}
