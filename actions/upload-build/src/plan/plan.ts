/**
 * Pure: the target and what App Store Connect already has → one step. A build, or an upload
 * processing or done, with this version, number and platform means nothing is uploaded (a blind
 * re-POST would be answered 409 DUPLICATE: docs/evidence/releases.md §1.7). An upload that FAILED means
 * Apple rejected this number: a new file needs a new build number. Reservations left waiting
 * (AWAITING_UPLOAD) by a run that stopped are deleted before uploading.
 */
import { InputError, sameVersion } from '@asc-actions/core';
import type { Existing, Plan, RemoteUpload, Target } from '../model.js';

const describe = (u: RemoteUpload): string =>
  u.errors.map((e) => `${e.code ?? '?'} ${e.description ?? ''}`.trim()).join('; ') || 'no reason given';

export function makePlan(target: Target, existing: Existing): Plan {
  const sameTrain = (version: string): boolean => sameVersion(version, target.version);
  const uploads = existing.uploads.filter(
    (u) => sameTrain(u.version) && sameVersion(u.buildNumber, target.buildNumber),
  );
  const builds = existing.builds.filter((b) => sameTrain(b.version) && sameVersion(b.buildNumber, target.buildNumber));
  const live = uploads.find((u) => u.state === 'COMPLETE') ?? uploads.find((u) => u.state === 'PROCESSING');
  if (builds.length > 0 || live) {
    const build = builds[0];
    return { target, step: { kind: 'adopt', upload: live ?? uploads.find((u) => u.buildId === build?.id), build } };
  }
  const failed = uploads.find((u) => u.state === 'FAILED');
  if (failed) {
    throw new InputError(
      `Input "build-number": App Store Connect already rejected ${target.version} (${target.buildNumber}) for ${target.platform} (build upload ${failed.id}: ${describe(failed)}). A rejected build number cannot be uploaded again: raise CFBundleVersion and build again.`,
      { input: 'build-number' },
    );
  }
  return { target, step: { kind: 'upload', abandoned: uploads.filter((u) => u.state === 'AWAITING_UPLOAD') } };
}
