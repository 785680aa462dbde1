/** Words for plan steps, shared by the log, the job summary and failure messages (pure). */
import type { Plan, Step } from './plan.js';

const quoted = (name: string): string => JSON.stringify(name);

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'export-compliance':
      return `answer export compliance (usesNonExemptEncryption: ${step.value}); Apple then processes the build again`;
    case 'auto-notify':
      return `turn automatic tester notification ${step.value ? 'on' : 'off'}`;
    case 'create-notes':
      return `add What to Test (${step.locale})`;
    case 'update-notes':
      return `update What to Test (${step.locale})`;
    case 'create-group':
      return `create external beta group ${quoted(step.group.name)}`;
    case 'add-build':
      return `add the build to ${step.groups.map((g) => quoted(g.name)).join(', ')}`;
    case 'beta-localization':
      return `${step.id ? 'update' : 'create'} the beta test information (${step.locale}): ${Object.keys(step.attributes).join(', ')}`;
    case 'review-detail':
      return `update the Beta App Review information: ${Object.keys(step.attributes).join(', ')}`;
    case 'notify':
      return 'notify the testers that the build is available (automatic notification is off)';
    case 'create-tester':
      return `invite ${step.tester.email} into ${step.groups.map((g) => quoted(g.name)).join(', ')}`;
    case 'add-testers':
      return `add ${step.testers.length} existing tester${step.testers.length === 1 ? '' : 's'} to ${quoted(step.group.name)}`;
    case 'expire-build':
      return `expire build ${step.buildNumber}, which waits for beta review (only one build per version can)`;
    case 'submit':
      return 'submit the build for beta review';
  }
}

/** One line per step, tester invitations summed up so a 500-tester plan stays readable. */
export function planLines(plan: Plan, maxTesters = 10): string[] {
  const lines: string[] = [];
  let invites = 0;
  for (const step of plan.steps) {
    if (step.kind === 'create-tester' && ++invites > maxTesters) continue;
    lines.push(describeStep(step));
  }
  if (invites > maxTesters) lines.push(`… and ${invites - maxTesters} more invitations (${invites} in all)`);
  return lines;
}

/** A timeline entry for a run of applied steps of one kind: [step, detail]. */
export function timelineEntry(steps: Step[]): [string, string] {
  const first = steps[0]!;
  const names = (list: Array<{ name: string }>): string => list.map((g) => quoted(g.name)).join(', ');
  switch (first.kind) {
    case 'export-compliance':
      return ['Export compliance', `answered (usesNonExemptEncryption: ${first.value}); the build was processed again`];
    case 'auto-notify':
      return ['Notification', `automatic tester notification ${first.value ? 'on' : 'off'}`];
    case 'create-notes':
    case 'update-notes':
      return [
        'What to Test',
        `${first.kind === 'create-notes' ? 'added' : 'updated'} for ${steps.map((s) => (s.kind === first.kind ? s.locale : '')).join(', ')}`,
      ];
    case 'create-group':
      return ['Groups', `created ${names(steps.flatMap((s) => (s.kind === 'create-group' ? [s.group] : [])))}`];
    case 'add-build':
      return ['Groups', `build added to ${names(first.groups)}`];
    case 'beta-localization':
    case 'review-detail':
      return ['Test information', describeStep(first)];
    case 'notify':
      return ['Notification', 'testers notified'];
    case 'create-tester':
      return ['Testers', `${steps.length} invited`];
    case 'add-testers':
      return [
        'Testers',
        `${steps.reduce((n, s) => n + (s.kind === 'add-testers' ? s.testers.length : 0), 0)} group memberships added for existing testers`,
      ];
    case 'expire-build':
      return ['Beta review', describeStep(first)];
    case 'submit':
      return ['Beta review', 'submitted'];
  }
}
