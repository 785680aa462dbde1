/** The plan in one log line: what is uploaded, or why nothing is. */
import type { BuildFile, Plan } from '../model.js';

export function describePlan(plan: Plan, file: BuildFile): string {
  const t = plan.target;
  const what = `${t.app.name} (${t.app.bundleId}) ${t.version} (${t.buildNumber}) for ${t.platform}`;
  const step = plan.step;
  if (step.kind === 'adopt') {
    const have = step.build ? `build ${step.build.id}` : `build upload ${step.upload?.id} (${step.upload?.state})`;
    return `Plan: upload nothing — App Store Connect already has ${what}: ${have}.`;
  }
  const cleanup = step.abandoned.length
    ? ` after deleting ${step.abandoned.length} reservation(s) left waiting by an earlier run`
    : '';
  return `Plan: upload ${file.fileName} (${file.size} bytes) as ${what}${cleanup}.`;
}
