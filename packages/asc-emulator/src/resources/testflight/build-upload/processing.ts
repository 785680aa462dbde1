/**
 * What happens after a commit, on the emulator's clock: the upload is PROCESSING; then either
 * the build appears (listed after `listedAfterMs`, processed after `processingMs`: upload.ts and
 * states.ts carry it to COMPLETE and link it), or the upload ends FAILED with Apple-coded
 * `state.errors`, or (a test's `stuck` plan) it never ends.
 *
 * Fidelity: a version and number that became taken between create and commit fails processing
 * with 90189 "Redundant Binary Upload" (docs/evidence/releases.md §1.7: expo eas-cli PR #3461; Transporter
 * logs, e.g. fastlane issue #18154; strong). Other codes come from a test's plan, shaped as
 * Apple's StateDetail `{code, description}` (§1.6).
 */
import type { ResourceRecord } from '../../../types.js';
import type { EmulatorState } from '../../../store/state.js';
import { uploadBuild } from '../upload.js';
import { sameVersion } from '../versions.js';
import { buildUploadControl, takePlan, type ProcessingPlan } from './control.js';

function redundant(state: EmulatorState, upload: ResourceRecord, appId: string): ProcessingPlan | undefined {
  const a = upload.attributes;
  const taken = state.all('builds').some((b) => {
    const prv = state.get('preReleaseVersions', state.relatedId(b, 'preReleaseVersion') ?? '');
    return (
      state.relatedId(b, 'app') === appId &&
      b.attributes.version === a.cfBundleVersion &&
      prv?.attributes.platform === a.platform &&
      sameVersion(String(prv?.attributes.version), String(a.cfBundleShortVersionString))
    );
  });
  if (!taken) return undefined;
  const description = `ITMS-90189: Redundant Binary Upload. You've already uploaded a build with build number '${String(a.cfBundleVersion)}' for version number '${String(a.cfBundleShortVersionString)}'. Make sure you increment the build string before you upload your app to App Store Connect.`;
  return { outcome: 'failed', errors: [{ code: '90189', description }] };
}

export function startProcessing(state: EmulatorState, upload: ResourceRecord, now: number): void {
  const control = buildUploadControl(state);
  const appId = state.relatedId(upload, 'app') ?? '';
  const a = upload.attributes;
  const plan = redundant(state, upload, appId) ?? takePlan(control, String(a.cfBundleVersion));
  a.uploadedDate = new Date(now).toISOString();
  a.state = { state: 'PROCESSING', errors: [], warnings: plan?.warnings ?? [], infos: [] };
  const entry: { at: number; plan?: ProcessingPlan; buildId?: string } = { at: now, plan };
  if (plan?.outcome !== 'failed') {
    const build = uploadBuild(
      state,
      {
        app: appId,
        version: String(a.cfBundleShortVersionString),
        buildNumber: String(a.cfBundleVersion),
        platform: a.platform as 'IOS',
        listedAfterMs: control.listedAfterMs,
        processingMs: plan?.outcome === 'stuck' ? Number.POSITIVE_INFINITY : control.processingMs,
        // Answering export compliance reprocesses the build: as long as processing takes here.
        complianceReprocessMs: control.processingMs,
      },
      now,
      upload,
    );
    entry.buildId = build.id;
  }
  control.committed.set(upload.id, entry);
}
